import Foundation

/// `--timings`: wall time per phase of a run, and the peak memory when it ended, printed to
/// stderr, so a user with a slow month (and we, profiling) can see whether reading, indexing,
/// rules or reports dominate.
final class PhaseTimer {
    private let enabled: Bool
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private let first: ContinuousClock.Instant
    private var phases: [(String, Duration, Int)] = []
    /// The slowest rules, with their time on their own thread.
    var ruleTimes: [(rule: String, time: Duration)] = []

    init(enabled: Bool) {
        self.enabled = enabled
        first = clock.now
        last = first
    }

    /// Ends the phase called `name` (it began when the previous one ended).
    func end(_ name: String) {
        guard enabled else { return }
        let now = clock.now
        phases.append((name, now - last, Self.peakMegabytes()))
        last = now
    }

    func print() {
        guard enabled else { return }
        func ms(_ duration: Duration) -> String {
            String(format: "%8.1f ms", Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15)
        }
        for (name, duration, peak) in phases {
            log("\(name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(ms(duration))   peak RSS \(peak) MB")
        }
        log("total    \(ms(last - first))")
        let slowest = ruleTimes.sorted { $0.time > $1.time }.prefix(5)
        if !slowest.isEmpty {
            log("slowest rules (each on one core): " + slowest.map { "\($0.rule) \(ms($0.time).trimmingCharacters(in: .whitespaces))" }.joined(separator: ", "))
        }
    }

    /// The process's peak resident memory so far.
    private static func peakMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024  // kilobytes on Linux
    }
}
