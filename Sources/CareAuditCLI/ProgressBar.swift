import Foundation

/// A progress line on standard error while large inputs are read: bytes read of the total and
/// rows per second are not known until the end, so it shows MB and MB/s. Only on a terminal,
/// only for inputs over a few MB, never with --quiet; it erases itself when done.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private var lastDraw = Date.distantPast
    private let start = Date()
    private let lock = NSLock()

    /// A bar for `paths`, or nil when none should be shown.
    static func make(for paths: [String], quiet: Bool) -> ProgressBar? {
        guard !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
        let total = paths.reduce(0) { sum, path in
            sum + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        return total >= 4 << 20 ? ProgressBar(total: total) : nil
    }

    private init(total: Int) { self.total = total }

    func advance(by bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        done += bytes
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || done >= total else { return }
        lastDraw = now
        let fraction = min(1, Double(done) / Double(max(total, 1)))
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(done) / 1e6 / max(now.timeIntervalSince(start), 0.001)
        let line = String(
            format: "\r  reading [%@%@] %3.0f%%  %.0f of %.0f MB  %.0f MB/s",
            String(repeating: "#", count: filled), String(repeating: " ", count: width - filled),
            fraction * 100, Double(done) / 1e6, Double(total) / 1e6, rate)
        _ = Array(line.utf8).withUnsafeBytes { OutputFile.writeAll(STDERR_FILENO, $0) }
    }

    func finish() {
        _ = Array("\r\u{1B}[2K".utf8).withUnsafeBytes { OutputFile.writeAll(STDERR_FILENO, $0) }
    }
}
