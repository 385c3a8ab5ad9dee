import Foundation
import Glibc

/// Output written as the work runs, to standard output or to a file. A file is written to a
/// hidden temporary file beside it and renamed onto its path only when everything was written,
/// so an interrupted or failed run never leaves a report that looks complete. Every write is a
/// plain `write(2)` whose failure (a full disk, a closed pipe) is thrown, never a crash: a
/// failed output is a failed command (exit 2), with its temporary file removed.
final class OutputFile {
    private let path: String?
    private let temporary: String?
    private let slot: Int?
    private let fd: Int32
    private var buffer: [UInt8] = []

    /// `nil` or `-` writes to standard output.
    init(path: String?) throws {
        guard let path, path != "-" else {
            self.path = nil
            temporary = nil
            slot = nil
            fd = STDOUT_FILENO
            return
        }
        self.path = path
        if Self.isSpecial(path) {
            // A device or FIFO (/dev/null, /dev/stdout): written in place, since renaming over
            // it would replace the device with a file.
            fd = open(path, O_WRONLY)
            guard fd >= 0 else { throw CommandFailure("cannot write \(path): \(Self.lastError)") }
            temporary = nil
            slot = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        // Registered before it exists, so a signal arriving in between still removes it.
        let slot = TemporaryFiles.register(temp)
        fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            TemporaryFiles.unregister(slot)
            throw CommandFailure("cannot write \(path): \(Self.lastError)")
        }
        temporary = temp
        self.slot = slot
    }

    /// Writes `text` whole to `path` (or standard output) or fails with nothing left behind.
    static func write(_ text: String, to path: String?) throws {
        try write(Array(text.utf8), to: path)
    }

    /// The same for bytes (a workbook).
    static func write(_ bytes: [UInt8], to path: String?) throws {
        try write(to: path) { $0(bytes) }
    }

    /// Writes the pieces `body` hands to its sink (a report written as it is made) to `path`, or
    /// fails with nothing left behind: after a failed write the sink drops the rest, and the
    /// failure is thrown once `body` returns.
    static func write(to path: String?, _ body: (_ sink: ([UInt8]) -> Void) throws -> Void) throws {
        let output = try OutputFile(path: path)
        do {
            var failure: (any Error)?
            try body { bytes in
                guard failure == nil else { return }
                do { try output.write(bytes) } catch { failure = error }
            }
            if let failure { throw failure }
            try output.finish()
        } catch {
            output.abandon()
            throw error
        }
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Small pieces are gathered in the buffer; a large one (a whole report) is written as it
    /// is, not copied into the buffer first.
    func write(_ bytes: [UInt8]) throws {
        if bytes.count >= 1 << 20 {
            try flush()
            try check(bytes.withUnsafeBytes { Self.writeAll(fd, $0) })
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        let failure = buffer.withUnsafeBytes { Self.writeAll(fd, $0) }
        buffer.removeAll(keepingCapacity: true)
        try check(failure)
    }

    /// Throws for a failed `write(2)` (its errno).
    private func check(_ failure: Int32?) throws {
        if let failure {
            throw CommandFailure("cannot write \(path ?? "the report to standard output"): \(String(cString: strerror(failure)))")
        }
    }

    /// Flushes and, for a file, closes it and moves it into place.
    func finish() throws {
        try flush()
        guard let path, let temporary else {
            if path != nil { close(fd) }
            return
        }
        // close reports errors that a network or full file system kept until now.
        guard close(fd) == 0 else {
            let error = Self.lastError
            unlink(temporary)
            TemporaryFiles.unregister(slot!)
            throw CommandFailure("cannot write \(path): \(error)")
        }
        guard rename(temporary, path) == 0 else {
            let error = Self.lastError
            unlink(temporary)
            TemporaryFiles.unregister(slot!)
            throw CommandFailure("cannot write \(path): \(error)")
        }
        TemporaryFiles.unregister(slot!)
    }

    /// Drops a half-written file.
    func abandon() {
        guard let temporary, let slot else { return }
        close(fd)
        unlink(temporary)
        TemporaryFiles.unregister(slot)
    }

    /// True when `path` exists and is not a regular file.
    static func isSpecial(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
    }

    /// Writes every byte, retrying short writes and interruptions; the errno of a failure.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return nil
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}

/// The temporary files being written, removed if SIGINT, SIGTERM or SIGHUP ends the run: a
/// half-written report can hold participant ids. The table is fixed C memory, so the signal
/// handler reads it without allocating (only `unlink` and `raise`, both async-signal-safe).
enum TemporaryFiles {
    private static let capacity = 64
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    private static let lock = NSLock()

    /// Installs the handlers once, at start-up.
    static func removeOnSignals() {
        _ = slots
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = onSignal
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
            sigaddset(&handled, signal)
        }
        // A parent may have left them blocked (a test runner does): they must reach the handler.
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    /// Remembers `path` until `unregister`; returns its slot.
    static func register(_ path: String) -> Int {
        lock.withLock {
            let copy = strdup(path)
            for index in 0..<capacity where slots[index] == nil {
                slots[index] = copy
                return index
            }
            // More than 64 reports at once: the path is kept in no slot (not removed on a signal).
            free(copy)
            return -1
        }
    }

    static func unregister(_ slot: Int) {
        guard slot >= 0 else { return }
        lock.withLock {
            let path = slots[slot]
            slots[slot] = nil
            free(path)
        }
    }

    private static let onSignal: @convention(c) (Int32) -> Void = { signal in
        for index in 0..<TemporaryFiles.capacity {
            if let path = TemporaryFiles.slots[index] { unlink(path) }
        }
        // Then end as the signal would have ended the run (the shell sees 130 for SIGINT).
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }
}
