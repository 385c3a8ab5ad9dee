import Foundation
import Glibc

/// An input opened once, before anything reads it, and read only through that descriptor.
///
/// Reading a month opens a file several times (sampling its work, finding cut points, reading
/// its parts on both cores, hashing it). Opening by name each time would read whatever the name
/// points at by then: a file replaced with `mv` mid-audit gave a report of part of one file and
/// the SHA-256 of another. So every read goes through `/proc/self/fd/N` of one descriptor,
/// which reopens the same file whatever happens to its name, and `change()` says afterwards
/// whether the name still points at it and whether it was rewritten in place.
///
/// A pipe, FIFO, device or standard input (`-`) can be read only once, front to back: it is
/// copied into an unnamed temporary file (unlinked at once, so nothing is left behind, even on
/// a crash), which is then read like any other file. The copy stops at `streamLimit` bytes, and
/// when `maxRecordBytes` pass without a line break: `/dev/zero` is not an export.
struct PinnedInput {
    /// The path as given (`-` for standard input): what reports name.
    let name: String
    /// What readers open: the pinned descriptor's `/proc/self/fd` entry.
    let readPath: String
    private let fd: Int32
    /// The file as opened (nil for a copied stream, which nothing else can change).
    private let opened: stat?

    init(_ name: String, streamLimit: Int, maxRecordBytes: Int) throws(InputError) {
        self.name = name
        let source = name == "-" ? dup(STDIN_FILENO) : open(name, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw Self.error(name, .unreadableFile, "cannot open: \(Self.lastError)") }
        var info = stat()
        guard fstat(source, &info) == 0 else {
            Glibc.close(source)
            throw Self.error(name, .unreadableFile, "cannot read: \(Self.lastError)")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            Glibc.close(source)
            throw Self.error(name, .unreadableFile, "is a directory, not a CSV file")
        }
        if (info.st_mode & S_IFMT) == S_IFREG {
            fd = source
            opened = info
        } else {
            defer { Glibc.close(source) }
            fd = try Self.copyStream(source, name: name, limit: streamLimit, maxRecordBytes: maxRecordBytes)
            opened = nil
        }
        readPath = "/proc/self/fd/\(fd)"
    }

    /// Why the input can no longer be trusted, if it changed while it was read: its name now
    /// points at another file, or the file's size or modification time moved.
    func change() -> String? {
        guard let opened else { return nil }
        var now = stat()
        if fstat(fd, &now) == 0,
            now.st_size != opened.st_size || now.st_mtim.tv_sec != opened.st_mtim.tv_sec || now.st_mtim.tv_nsec != opened.st_mtim.tv_nsec
        {
            return
                "the file was rewritten while it was read (size or modification time changed); audit it again when the export is finished"
        }
        guard name != "-" else { return nil }
        var named = stat()
        if stat(name, &named) != 0 || named.st_dev != opened.st_dev || named.st_ino != opened.st_ino {
            return "the file was replaced or removed while it was read; audit it again when the export is finished"
        }
        return nil
    }

    func close() { Glibc.close(fd) }

    /// A reader of `path` that reads it through a pinned descriptor (standard input as `-`, a
    /// pipe or FIFO copied once), for the commands that read an export once, front to back.
    /// The pin stays open until `body` returns.
    static func reading<T>(
        _ path: String, kind: InputKind?, configuration: Configuration,
        _ body: (ExportReader) throws -> T
    ) throws -> T {
        try reading(path, kind: kind, configuration: configuration) { reader in try body(reader(configuration)) }
    }

    /// The same, for a command that reads the input more than once (`init`: the header, then the
    /// rows with the columns it proposed): `body` makes a reader for a configuration, as often
    /// as it needs, all reading the one pinned copy (standard input is read once).
    static func reading<T>(
        _ path: String, kind: InputKind?, configuration: Configuration,
        _ body: ((Configuration) -> ExportReader) throws -> T
    ) throws -> T {
        let pin = try PinnedInput(
            path, streamLimit: configuration.input.maxStreamBytes,
            maxRecordBytes: configuration.input.maxRecordBytes)
        defer { pin.close() }
        let chosen = configuration.input.chosen(for: path)
        let sniffed = try ExportSniffer.sniff(
            openPath: pin.readPath, name: path, detectEncoding: chosen.encoding == nil,
            detectDelimiter: chosen.delimiter == nil
        ).get()
        return try body { configuration in
            var reader = ExportReader(
                path: path, kind: kind, dialect: configuration.input.dialect(for: path, sniffed: sniffed),
                extraAliases: kind.flatMap { configuration.columns[$0] } ?? [:])
            reader.openPath = pin.readPath
            return reader
        }
    }

    /// Copies a stream into an unlinked temporary file; returns its descriptor, at offset 0.
    private static func copyStream(_ source: Int32, name: String, limit: Int, maxRecordBytes: Int) throws(InputError) -> Int32 {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/care-audit-stream-XXXXXX".utf8CString)
        let copy = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard copy >= 0 else { throw error(name, .unreadableFile, "cannot copy the stream to \(folder): \(lastError)") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        var sinceLineBreak = 0
        do throws(InputError) {
            while true {
                let n = read(source, buffer.baseAddress!, buffer.count)
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw error(name, .unreadableFile, "read failed: \(lastError)") }
                if n == 0 { break }
                total += n
                guard total <= limit else {
                    throw error(
                        name, .streamTooLarge,
                        "the stream went past input.max_stream_bytes (\(limit) bytes) and was not read further; save it to a file, or raise the setting"
                    )
                }
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
                if let last = bytes.lastIndex(of: 0x0A) {
                    sinceLineBreak = n - 1 - last
                } else {
                    sinceLineBreak += n
                }
                guard sinceLineBreak <= maxRecordBytes else {
                    throw error(
                        name, .noLineBreak,
                        "\(maxRecordBytes) bytes without a line break: this is not a CSV export (input.max_record_bytes)")
                }
                var done = 0
                while done < n {
                    let written = write(copy, bytes.baseAddress! + done, n - done)
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { throw error(name, .unreadableFile, "cannot copy the stream to \(folder): \(lastError)") }
                    done += written
                }
            }
        } catch {
            Glibc.close(copy)
            throw error
        }
        lseek(copy, 0, SEEK_SET)
        return copy
    }

    private static func error(_ name: String, _ code: ProblemCode, _ message: String) -> InputError {
        InputError(file: name, code: code, message: message)
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}
