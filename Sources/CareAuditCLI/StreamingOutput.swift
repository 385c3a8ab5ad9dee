import Foundation

/// Output written while the work runs (classify streams a whole month of rows): to standard
/// output, or to a temporary file renamed onto `path` only when everything was written, so an
/// interrupted run never leaves a report that looks complete.
final class StreamingOutput {
    private let path: String?
    private let temporary: String?
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String?) throws {
        self.path = path
        guard let path else {
            temporary = nil
            handle = FileHandle.standardOutput
            return
        }
        if OutputFile.isSpecial(path) {
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CommandFailure("cannot write \(path)") }
            temporary = nil
            self.handle = handle
            return
        }
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        guard FileManager.default.createFile(atPath: temp, contents: nil),
              let handle = FileHandle(forWritingAtPath: temp)
        else { throw CommandFailure("cannot write \(path)") }
        temporary = temp
        self.handle = handle
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, moves it into place.
    func finish() throws {
        flush()
        guard let path, let temporary else { return }
        try handle.close()
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CommandFailure("cannot write \(path)")
        }
    }

    /// Drops a half-written file.
    func abandon() {
        guard let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
