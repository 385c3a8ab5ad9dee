import Foundation

/// `--timings`: wall and CPU time per phase of a run, and the peak memory when it ended, printed to
/// stderr, so a user with a slow month (and we, profiling) can see whether reading, indexing,
/// rules or reports dominate.
final class PhaseTimer {
    private let enabled: Bool
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private let first: ContinuousClock.Instant
    private var lastCPU: Double
    private var phases: [(String, Duration, Double, Int)] = []
    /// The slowest rules, with their time on their own thread.
    var ruleTimes: [(rule: String, time: Duration)] = []

    init(enabled: Bool) {
        self.enabled = enabled
        first = clock.now
        last = first
        lastCPU = Self.usage().cpuSeconds
    }

    /// Ends the phase called `name` (it began when the previous one ended).
    func end(_ name: String) {
        guard enabled else { return }
        let now = clock.now
        let (cpu, peak) = Self.usage()
        phases.append((name, now - last, cpu - lastCPU, peak))
        last = now
        lastCPU = cpu
    }

    func print() {
        guard enabled else { return }
        func ms(_ duration: Duration) -> String {
            String(format: "%8.1f ms", Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15)
        }
        for (name, duration, cpu, peak) in phases {
            log(
                "\(name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(ms(duration))   CPU \(String(format: "%6.1f", cpu * 1e3)) ms   peak RSS \(peak) MB"
            )
        }
        log("total    \(ms(last - first))")
        let slowest = ruleTimes.sorted { $0.time > $1.time }.prefix(5)
        if !slowest.isEmpty {
            log(
                "slowest rules (each on one core): "
                    + slowest.map { "\($0.rule) \(ms($0.time).trimmingCharacters(in: .whitespaces))" }.joined(separator: ", "))
        }
    }

    /// CPU time of all the process's threads so far (a phase using both cores shows about twice
    /// its wall time), and its peak resident memory so far.
    private static func usage() -> (cpuSeconds: Double, peakMegabytes: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_maxrss / 1024)  // KiB on Linux
    }
}
