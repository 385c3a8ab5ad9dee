import Crypto
import Foundation
import Testing

@testable import CareAudit

@Suite("Pinned inputs")
struct PinnedInputTests {
    let text = "Staff ID,Date,Hours\nE1,2026-10-01,1\nE1,2026-10-02,2\n"

    @Test("a file replaced with mv while pinned is read as it was, and the replacement is detected")
    func replaced() throws {
        let path = try temporaryFile(text)
        let pin = try PinnedInput(path, streamLimit: 1 << 20, maxRecordBytes: 1 << 20)
        defer { pin.close() }
        #expect(pin.change() == nil)
        let other = try temporaryFile("Staff ID,Date,Hours\nE9,2026-10-09,9\n")
        #expect(rename(other, path) == 0)
        // The pinned descriptor still reads the original bytes, whatever the name points at now.
        #expect(try String(contentsOfFile: pin.readPath, encoding: .utf8) == text)
        #expect(pin.change()?.contains("replaced or removed while it was read") == true)
    }

    @Test("a file rewritten in place while pinned is detected by its size or modification time")
    func rewritten() throws {
        let path = try temporaryFile(text)
        let pin = try PinnedInput(path, streamLimit: 1 << 20, maxRecordBytes: 1 << 20)
        defer { pin.close() }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("E1,2026-10-03,3\n".utf8))
        try handle.close()
        #expect(pin.change()?.contains("rewritten while it was read") == true)
    }

    @Test("the loader stops a file changed during the read with a fatal changed-while-read error")
    func loaderReportsChange() throws {
        let path = try temporaryFile(text)
        var loader = InputLoader(configuration: Configuration())
        // The first bytes read are the moment to swap the file (as `mv` did 0.3 s into an audit).
        nonisolated(unsafe) var swapped = false
        loader.onBytes = { _ in
            guard !swapped else { return }
            swapped = true
            let other = try? temporaryFile("Staff ID,Date,Hours\nE9,2026-10-09,9\n")
            if let other { rename(other, path) }
        }
        let loaded = loader.load([(path, .timesheet)])
        #expect(loaded.summaries[0].fatal?.code == .changedWhileRead)
        // What was read and hashed is the original file, not its replacement.
        #expect(loaded.timeEntries.count == 2)
        #expect(loaded.summaries[0].bytes == text.utf8.count)
        #expect(loaded.summaries[0].sha256 == SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined())
    }
}
