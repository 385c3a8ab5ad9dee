internal import CLibCSV
internal import Crypto
import Glibc

/// Streams the records of one CSV file through libcsv, the only code in the package that touches
/// the C API.
///
/// The file is read in 1 MiB chunks and never held whole. libcsv calls back per field and per
/// record; those callbacks only copy bytes into a byte arena inside a struct sink (no `String`,
/// no Swift closure, no error crossing a C frame). After each chunk the complete records are
/// handed to the caller in Swift, then the arena is reused.
///
/// libcsv reports no positions, so the reader keeps them itself: every line break outside quotes
/// ends a record (`CSV_REPALL_NL` shows each one), line breaks inside quoted fields are counted in
/// the field bytes, and a per-chunk table of line starts turns a line number into a byte offset or
/// a parse error's byte offset into a line.
package struct CSVReader {
    package let path: String
    package let dialect: CSVDialect
    /// Bytes read from the file per `read(2)`.
    package var chunkSize = 1 << 20
    /// Called after each chunk with its size in bytes (progress display).
    package var onChunk: (@Sendable (Int) -> Void)?
    /// The bytes to read; nil reads the whole file. A range that starts past 0 must start a
    /// line outside quotes (see `SplitPoints`): big files are read as parts on both cores.
    /// Lines are counted from the start of the range.
    package var range: Range<Int>?
    /// Whether to compute SHA-256 while reading (the parts of a split file are hashed apart).
    package var computesHash = true
    /// The path opened, when it is not `path` (the loader reads a pinned descriptor, see
    /// `PinnedInput`); `path` still names the file in errors.
    package var openPath: String?

    package init(path: String, dialect: CSVDialect = CSVDialect()) {
        self.path = path
        self.dialect = dialect
    }

    /// Totals for one read; rows are never dropped without being counted here.
    package struct Summary: Sendable, Equatable {
        /// Bytes in the file.
        package var bytes = 0
        /// SHA-256 of the file's bytes, hex, computed while reading.
        package var sha256 = ""
        /// Non-blank records, the header included.
        package var records = 0
        /// Blank lines (and rows of empty cells) skipped.
        package var blankLines = 0
        /// Records delivered with a defect.
        package var defectiveRecords = 0
        /// Physical lines in the file.
        package var lines = 0
        /// Whether the file began with a UTF-8 byte-order mark.
        package var hadBOM = false
        /// Whether the read ended between records, as the next part of a split file assumes.
        package var endedAtRecordStart = true
    }

    /// Reads the whole file, calling `body` once per record (blank lines included, flagged) in
    /// file order.
    package func read(_ body: (CSVRecord) throws -> Void) throws -> Summary {
        let fd = open(openPath ?? path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(
                file: path, code: .unreadableFile,
                message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var stat = stat()
        if fstat(fd, &stat) == 0 && (stat.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(file: path, code: .unreadableFile, message: "is a directory, not a CSV file")
        }

        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else {
            throw InputError(file: path, code: .unreadableFile, message: "libcsv could not start")
        }
        defer { csv_free(&parser) }
        configure(&parser)

        let chunkSize = max(self.chunkSize, 4)
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { raw.deallocate() }
        var decoded: [UInt8] = []
        var hasher = SHA256()
        var summary = Summary()
        var sink = Sink(maxFieldBytes: dialect.maxFieldBytes, maxRecordBytes: dialect.maxRecordBytes, maxFields: dialect.maxFields)

        var streamOffset = 0  // offset of the next parsed byte in the (decoded) stream
        var firstDataOffset = 0
        var previousByte: UInt8 = 0
        var first = true
        var remaining = Int.max
        if let range {
            remaining = range.count
            if range.lowerBound > 0 {
                guard lseek(fd, off_t(range.lowerBound), SEEK_SET) == off_t(range.lowerBound) else {
                    throw InputError(file: path, code: .unreadableFile, message: "cannot seek: \(String(cString: strerror(errno)))")
                }
                first = false
                streamOffset = range.lowerBound
                firstDataOffset = range.lowerBound
            }
        }
        if streamOffset > 0 { sink.lines.reset(firstLineStart: streamOffset) }
        while remaining > 0 {
            // The first read is at least four bytes, enough to recognise a byte-order mark.
            var n = try readSome(fd, into: raw.baseAddress!, count: min(chunkSize, remaining))
            while first && n > 0 && n < 4 {
                let more = try readSome(fd, into: raw.baseAddress! + n, count: chunkSize - n)
                if more == 0 { break }
                n += more
            }
            if n == 0 { break }
            remaining -= n
            summary.bytes += n
            onChunk?(n)
            if computesHash { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[0..<n])) }

            var chunk = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
            if first {
                first = false
                if n >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF)) {
                    throw InputError(
                        file: path, code: .utf16Encoding,
                        message: "the file is UTF-16 text; save it as UTF-8 (Excel: File > Save As > 'CSV UTF-8 (Comma delimited)')")
                }
                if n >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF {
                    summary.hadBOM = true
                    chunk = UnsafeBufferPointer(rebasing: chunk[3...])
                    streamOffset = 3
                    firstDataOffset = 3
                    sink.lines.reset(firstLineStart: 3)
                }
            }
            if dialect.encoding == .windows1252 {
                decoded.removeAll(keepingCapacity: true)
                TextDecoding.transcodeWindows1252(chunk, into: &decoded)
                try decoded.withUnsafeBufferPointer { try parse($0) }
            } else {
                try parse(chunk)
            }
        }

        /// Parses one chunk, resynchronising after strict-mode errors, then hands out records.
        func parse(_ chunk: UnsafeBufferPointer<UInt8>) throws {
            guard let base = chunk.baseAddress, chunk.count > 0 else { return }
            sink.lines.scan(chunk, at: streamOffset)
            let trimmingMatters = ByteScan.hasSpaceAtFieldEdge(
                base, count: chunk.count, delimiter: dialect.delimiter,
                previous: streamOffset == firstDataOffset ? nil : previousByte)
            previousByte = base[chunk.count - 1]
            var done = 0
            while done < chunk.count {
                if sink.skippingToLineStart {
                    guard let next = sink.lines.firstStart(after: streamOffset + done - 1),
                        next < streamOffset + chunk.count
                    else { break }
                    done = next - streamOffset
                    sink.resume(atTrueLine: sink.lines.line(at: next))
                    if done >= chunk.count { break }
                }
                csv_set_space_func(&parser, trimmingMatters ? care_audit_no_spaces : nil)
                let used = withUnsafeMutablePointer(to: &sink) { sinkPointer in
                    csv_parse(&parser, base + done, chunk.count - done, care_audit_on_field, onRecord, sinkPointer.callbackContext)
                }
                done += used
                if done < chunk.count {
                    let errorOffset = streamOffset + done
                    sink.failRecord(
                        line: sink.lines.line(at: errorOffset),
                        tooLarge: csv_error(&parser) != CSV_EPARSE)
                    csv_free(&parser)
                    csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL))
                    configure(&parser)
                    done += 1
                }
            }
            streamOffset += chunk.count
            try deliver()
        }

        /// Checks the encoding of the complete records, then calls `body` for each and
        /// recycles the arena.
        func deliver() throws {
            sink.resolveLines()
            sink.flagEncodingFlaws()
            for meta in sink.records {
                let record = CSVRecord(
                    number: meta.number, line: meta.line, byteOffset: meta.offset,
                    isBlank: meta.isBlank, defect: meta.defect, lineBreaks: meta.lineBreaks, base: sink.bytes,
                    ends: UnsafeBufferPointer(start: sink.ends + meta.firstField, count: meta.fieldCount),
                    start: meta.start)
                if meta.isBlank { summary.blankLines += 1 } else { summary.records += 1 }
                if meta.defect != nil { summary.defectiveRecords += 1 }
                try body(record)
            }
            sink.recycle()
        }

        sink.lines.finish()
        summary.endedAtRecordStart = parser.pstate == 0 && !sink.skippingToLineStart
        if sink.skippingToLineStart {
            // The damaged record ran to the end of the file; nothing more to read.
        } else {
            let status = withUnsafeMutablePointer(to: &sink) { sinkPointer in
                csv_fini(&parser, care_audit_on_field, onRecord, sinkPointer.callbackContext)
            }
            if status != 0 {
                sink.failUnterminated()
            }
        }
        try deliver()
        summary.lines = sink.lines.totalLines(endingAt: streamOffset)
        if computesHash { summary.sha256 = Self.hex(hasher.finalize()) }
        return summary
    }

    /// SHA-256 of a whole file, hex (for files read in parts).
    package static func sha256(path: String) throws -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(file: path, code: .unreadableFile, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        while true {
            let n = Glibc.read(fd, buffer.baseAddress!, buffer.count)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                throw InputError(file: path, code: .unreadableFile, message: "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { (byte: UInt8) -> String in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// One `read(2)`, retried when a signal interrupts it; 0 at end of file.
    private func readSome(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        while true {
            let got = Glibc.read(fd, buffer, count)
            if got >= 0 { return got }
            if errno != EINTR {
                throw InputError(
                    file: path, code: .unreadableFile,
                    message: "read failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Spaces are data, but libcsv trims them around unquoted fields unless told that no byte is
    /// a space, through a function it calls for nearly every byte. So the reader sets that
    /// function only for chunks where a space or TAB touches a field edge (the only place
    /// trimming can change anything) and parses the rest at full speed. The entry buffer grows in
    /// large steps and never past the hard ceiling.
    private func configure(_ parser: inout csv_parser) {
        csv_set_delim(&parser, dialect.delimiter)
        csv_set_blk_size(&parser, 64 << 10)  // also what lets `care_audit_on_field` read 16 bytes of a field
        csv_set_realloc_func(&parser, cappedRealloc)
    }
}

/// The most memory one field may take inside libcsv, whatever the configured limit: a hostile
/// file cannot make the reader allocate more.
let hardFieldCeiling = 64 << 20

/// libcsv's callbacks: `care_audit_on_field` (in C, shim.h) appends a field to the sink's arena
/// and hands what it cannot do to `slowField`; the others are C-convention closures that only
/// forward to the sink. Their context is the sink's arena, which knows the sink as its owner.
private let cappedRealloc: @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer? = { pointer, size in
    size > hardFieldCeiling ? nil : realloc(pointer, size)
}

private let slowField: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, Int) -> Void = { owner, data, length in
    owner.unsafelyUnwrapped.assumingMemoryBound(to: Sink.self).pointee
        .appendField(data?.assumingMemoryBound(to: UInt8.self), length)
}

private let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
    context.unsafelyUnwrapped.assumingMemoryBound(to: care_audit_fields.self).pointee.owner
        .assumingMemoryBound(to: Sink.self).pointee.endRecord(terminator)
}

extension UnsafeMutablePointer where Pointee == Sink {
    /// What libcsv's callbacks are given: the sink's arena, told where its sink is.
    var callbackContext: UnsafeMutableRawPointer {
        pointee.arena.pointee.owner = UnsafeMutableRawPointer(self)
        return UnsafeMutableRawPointer(pointee.arena)
    }
}

/// Where a completed record sits in the arena. `line` is first counted from record terminators
/// alone and made exact (quoted line breaks added) when the batch is delivered.
struct RecordMeta {
    var firstField: Int
    var fieldCount: Int
    var start: Int
    var end: Int
    var line: Int
    var number: Int
    var offset = 0
    var isBlank: Bool
    var defect: CSVDefect?
    /// Line breaks inside its quoted fields, counted when the batch is delivered.
    var lineBreaks = 0
}

/// The state libcsv's callbacks write into: a byte arena of field contents, their end offsets,
/// the completed records of the current chunk, and the line counting.
///
/// Lines are counted in two steps so the per-field callback stays cheap: the callbacks count
/// only record terminators ("terminator lines"); at delivery one vectorised pass over the
/// batch finds line breaks inside quoted fields, and every record's line is corrected by the
/// breaks in the records before it.
///
/// It owns the arena (noncopyable: one owner, freed in `deinit`). The arena's C struct is on the
/// heap so that its address, which libcsv's callbacks get, stays put while the sink is moved.
struct Sink: ~Copyable {
    /// The field bytes, their ends and the limits, in the C layout the field callback writes;
    /// the properties below read and write them by the names the reader uses.
    let arena: UnsafeMutablePointer<care_audit_fields>
    var bytes: UnsafeMutablePointer<UInt8> {
        get { arena.pointee.bytes }
        nonmutating set { arena.pointee.bytes = newValue }
    }
    var capacity: Int {
        get { arena.pointee.capacity }
        nonmutating set { arena.pointee.capacity = newValue }
    }
    var used: Int {
        get { arena.pointee.used }
        nonmutating set { arena.pointee.used = newValue }
    }
    var ends: UnsafeMutablePointer<Int> {
        get { arena.pointee.ends }
        nonmutating set { arena.pointee.ends = newValue }
    }
    var endsCapacity: Int {
        get { arena.pointee.endsCapacity }
        nonmutating set { arena.pointee.endsCapacity = newValue }
    }
    var fieldCount: Int {
        get { arena.pointee.fieldCount }
        nonmutating set { arena.pointee.fieldCount = newValue }
    }
    var recordStart: Int {
        get { arena.pointee.recordStart }
        nonmutating set { arena.pointee.recordStart = newValue }
    }
    var maxFieldBytes: Int { arena.pointee.maxFieldBytes }
    var maxRecordBytes: Int { arena.pointee.maxRecordBytes }
    /// Most fields one record may hold: empty fields take no bytes, so the byte limits alone
    /// would let a line of commas grow the field table without bound.
    let maxFields: Int
    var records: [RecordMeta] = []
    var lines = LineTable()

    /// After a parse error: ignore input up to the next line start.
    var skippingToLineStart = false

    var recordFirstField = 0 {
        didSet { arena.pointee.fieldLimit = recordFirstField + maxFields }
    }
    var recordDefect: CSVDefect?
    var recordNumber = 0
    /// Terminator lines: where the current record starts and where the next one will.
    var recordStartLine = 1
    var line = 1
    var lastTerminatorWasCR = false
    /// Line breaks inside quoted fields of all delivered records.
    var embeddedBreaks = 0

    /// Bytes allocated past `capacity`, so `care_audit_on_field` copies a short field as two
    /// whole words.
    static let slack = 16

    init(maxFieldBytes: Int, maxRecordBytes: Int, maxFields: Int) {
        let capacity = 2 << 20
        let endsCapacity = 1 << 16
        self.maxFields = maxFields
        arena = .allocate(capacity: 1)
        arena.initialize(
            to: care_audit_fields(
                bytes: .allocate(capacity: capacity + Self.slack), capacity: capacity, used: 0,
                ends: .allocate(capacity: endsCapacity), endsCapacity: endsCapacity, fieldCount: 0,
                recordStart: 0, maxFieldBytes: maxFieldBytes, maxRecordBytes: maxRecordBytes, fieldLimit: maxFields,
                owner: nil, slow: slowField))
        records.reserveCapacity(1 << 14)
    }

    deinit {
        arena.pointee.bytes.deallocate()
        arena.pointee.ends.deallocate()
        arena.deallocate()
    }

    /// Appends a field: what `care_audit_on_field` hands over when the arena must grow or the
    /// field breaks a limit (it does the same as this in the usual case).
    mutating func appendField(_ data: UnsafePointer<UInt8>?, _ length: Int) {
        if fieldCount - recordFirstField >= maxFields {
            // Past the field limit: counted as a defect, kept nowhere (memory stays flat).
            if recordDefect == nil { recordDefect = .tooManyFields(line: -1, limit: maxFields) }
            return
        }
        if fieldCount == endsCapacity { growEnds() }
        if length > maxFieldBytes || used - recordStart + length > maxRecordBytes {
            if recordDefect == nil {
                recordDefect =
                    length > maxFieldBytes
                    ? .fieldTooLarge(line: -1, column: fieldCount - recordFirstField + 1, limit: maxFieldBytes)
                    : .recordTooLarge(line: -1, limit: maxRecordBytes)
            }
            ends[fieldCount] = used
            fieldCount += 1
            return
        }
        if used + length > capacity { grow(to: used + length) }
        if let data, length > 0 { (bytes + used).update(from: data, count: length) }
        used += length
        ends[fieldCount] = used
        fieldCount += 1
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity + Self.slack)
        newBytes.update(from: bytes, count: used)
        bytes.deallocate()
        bytes = newBytes
        capacity = newCapacity
    }

    private mutating func growEnds() {
        let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: endsCapacity * 2)
        newEnds.update(from: ends, count: fieldCount)
        ends.deallocate()
        ends = newEnds
        endsCapacity *= 2
    }

    @inline(__always)
    mutating func endRecord(_ terminator: Int32) {
        let count = fieldCount - recordFirstField
        if count == 0 {
            // libcsv reports every CR and LF outside a record: the LF of a CRLF pair, the end
            // of a blank line, or nothing at all at the end of the file.
            if terminator == 0x0A && lastTerminatorWasCR {
                lastTerminatorWasCR = false
                return
            }
            if terminator < 0 { return }
            records.append(
                RecordMeta(
                    firstField: recordFirstField, fieldCount: 0, start: used, end: used,
                    line: line, number: recordNumber, isBlank: true, defect: nil))
            line += 1
            recordStartLine = line
            lastTerminatorWasCR = terminator == 0x0D
            return
        }
        recordNumber += 1
        records.append(
            RecordMeta(
                firstField: recordFirstField, fieldCount: count, start: recordStart, end: used,
                line: recordStartLine, number: recordNumber,
                isBlank: recordDefect == nil && isAllBlank(from: recordStart), defect: recordDefect))
        line = recordStartLine + (terminator < 0 ? 0 : 1)
        lastTerminatorWasCR = terminator == 0x0D
        recordFirstField = fieldCount
        recordStart = used
        recordStartLine = line
        recordDefect = nil
    }

    /// A row of only empty or blank cells (Excel's `,,,,` filler) counts as a blank line.
    private func isAllBlank(from start: Int) -> Bool {
        var i = start
        while i < used {
            let b = bytes[i]
            if b != 0x20 && b != 0x09 { return false }
            i += 1
        }
        return true
    }

    /// Ends the current record as unreadable after a libcsv error on (true) line `errorLine`,
    /// keeping the fields read so far, and skips to the next line.
    mutating func failRecord(line errorLine: Int, tooLarge: Bool) {
        let column = fieldCount - recordFirstField + 1
        recordDefect =
            recordDefect
            ?? (tooLarge
                ? .fieldTooLarge(line: errorLine, column: column, limit: min(maxFieldBytes, hardFieldCeiling))
                : .strayQuote(line: errorLine, column: column))
        closeDefective()
        skippingToLineStart = true
    }

    /// Ends the last record: the file stopped inside a quoted field.
    mutating func failUnterminated() {
        recordDefect = .unterminatedQuote(line: -1, column: fieldCount - recordFirstField + 1)
        closeDefective()
    }

    private mutating func closeDefective() {
        recordNumber += 1
        records.append(
            RecordMeta(
                firstField: recordFirstField, fieldCount: fieldCount - recordFirstField,
                start: recordStart, end: used, line: recordStartLine, number: recordNumber,
                isBlank: false, defect: recordDefect))
        recordFirstField = fieldCount
        recordStart = used
        recordDefect = nil
    }

    /// Parsing goes on at the start of (true) line `trueLine` after a parse error.
    mutating func resume(atTrueLine trueLine: Int) {
        skippingToLineStart = false
        line = trueLine - embeddedBreaks - breaks(fields: 0, fieldCount)
        recordStartLine = line
        lastTerminatorWasCR = false
    }

    /// Line breaks inside the fields `from..<to`, counting only bytes before arena offset
    /// `limit`. Fields are counted one by one: a CR ending one field and an LF starting the next
    /// are two breaks, not one CRLF.
    func breaks(fields from: Int, _ to: Int, before limit: Int = .max) -> Int {
        var total = 0
        var start = from == 0 ? 0 : ends[from - 1]
        for field in from..<to {
            let end = min(ends[field], limit)
            // Only records holding line breaks (or after an error) get here: counting the
            // offsets found is cheap enough.
            if end > start { total += ByteScan.lineBreakOffsets(in: bytes + start, count: end - start).count }
            if ends[field] >= limit { break }
            start = ends[field]
        }
        return total
    }

    /// Turns terminator lines into physical lines and looks up byte offsets. One pass finds the
    /// line breaks in the batch; only records holding one are counted field by field.
    mutating func resolveLines() {
        let breakOffsets = ByteScan.lineBreakOffsets(in: bytes, count: recordStart)
        var nextBreak = 0
        for index in records.indices {
            let meta = records[index]
            let trueLine = meta.line + embeddedBreaks
            records[index].line = trueLine
            records[index].offset = lines.start(ofLine: trueLine)
            while nextBreak < breakOffsets.count && breakOffsets[nextBreak] < meta.start { nextBreak += 1 }
            let holdsBreaks = nextBreak < breakOffsets.count && breakOffsets[nextBreak] < meta.end
            let lastField = meta.firstField + meta.fieldCount
            if let defect = meta.defect, defect.line < 0 {
                let before = holdsBreaks ? breaks(fields: meta.firstField, min(meta.firstField + defect.column - 1, lastField)) : 0
                records[index].defect = defect.at(line: trueLine + before)
            }
            if holdsBreaks {
                let inside = breaks(fields: meta.firstField, lastField)
                records[index].lineBreaks = inside
                embeddedBreaks += inside
            }
        }
    }

    /// Marks records holding bytes that are not UTF-8, or NUL bytes. Plain-ASCII batches (the
    /// usual case) are cleared eight bytes at a time. Otherwise the batch is checked whole: when
    /// it is valid and no field starts inside a sequence (fields are adjacent in the arena, so a
    /// sequence cut at the end of one field would leave the next starting with a continuation
    /// byte), every field is valid. Only a batch with a flaw is checked field by field.
    mutating func flagEncodingFlaws() {
        guard recordStart > 0, !ByteScan.isPlainASCII(bytes, count: recordStart) else { return }
        if TextDecoding.firstFlaw(bytes, count: recordStart) == nil
            && !(0..<recordFirstField).contains(where: { ends[$0] < recordStart && bytes[ends[$0]] & 0xC0 == 0x80 })
        {
            return
        }
        for index in records.indices where records[index].defect == nil {
            let meta = records[index]
            var start = meta.start
            for field in meta.firstField..<(meta.firstField + meta.fieldCount) {
                let end = ends[field]
                defer { start = end }
                guard end > start, let found = TextDecoding.firstFlaw(bytes + start, count: end - start) else { continue }
                let (offset, flaw) = (start + found.offset, found.flaw)
                let line = meta.line + breaks(fields: meta.firstField, field + 1, before: offset)
                let column = field - meta.firstField + 1
                records[index].defect =
                    flaw == .nul
                    ? .nulByte(line: line, column: column)
                    : .invalidUTF8(line: line, column: column)
                break
            }
        }
    }

    /// Drops delivered records, moving the fields of the unfinished record to the arena start.
    mutating func recycle() {
        records.removeAll(keepingCapacity: true)
        let keepCount = used - recordStart
        if recordStart > 0 {
            if keepCount > 0 { bytes.update(from: bytes + recordStart, count: keepCount) }
            let keepFields = fieldCount - recordFirstField
            for i in 0..<keepFields { ends[i] = ends[recordFirstField + i] - recordStart }
            fieldCount = keepFields
        } else if recordFirstField > 0 {
            let keepFields = fieldCount - recordFirstField
            for i in 0..<keepFields { ends[i] = ends[recordFirstField + i] }
            fieldCount = keepFields
        }
        used = keepCount
        recordStart = 0
        recordFirstField = 0
        lines.forget(before: min(recordStartLine, line) + embeddedBreaks)
    }
}

/// Index of the first element greater than `value` in a sorted array.
private func upperBound(_ array: [Int], _ value: Int) -> Int {
    var low = 0
    var high = array.count
    while low < high {
        let mid = (low + high) / 2
        if array[mid] <= value { low = mid + 1 } else { high = mid }
    }
    return low
}

/// Byte offsets where physical lines start, for the window of lines the reader may still need.
/// A line break is LF, CRLF, or a lone CR, the same rule the record counting uses.
struct LineTable {
    /// Offsets of line starts; `starts[0]` is where `firstLine` starts.
    private(set) var starts: [Int] = [0]
    private(set) var firstLine = 1
    /// A CR ended the previous chunk: whether it pairs with an LF is decided by the next byte.
    private var pendingCROffset: Int?

    mutating func reset(firstLineStart: Int) {
        starts = [firstLineStart]
        firstLine = 1
    }

    /// Records the line starts in `chunk`, which begins at stream offset `base`.
    mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>, at base: Int) {
        guard let p = chunk.baseAddress else { return }
        let count = chunk.count
        var i = 0
        if let cr = pendingCROffset {
            pendingCROffset = nil
            if p[0] == 0x0A {
                starts.append(base + 1)
                i = 1
            } else {
                starts.append(cr + 1)
            }
        }
        while true {
            i = ByteScan.firstLineBreak(p, from: i, count: count)
            guard i < count else { break }
            let c = p[i]
            if c == 0x0A {
                starts.append(base + i + 1)
            } else if c == 0x0D {
                if i + 1 == count {
                    pendingCROffset = base + i
                } else if p[i + 1] != 0x0A {
                    starts.append(base + i + 1)
                }
            }
            i += 1
        }
    }

    /// A CR that ended the file is a line break of its own.
    mutating func finish() {
        if let cr = pendingCROffset {
            starts.append(cr + 1)
            pendingCROffset = nil
        }
    }

    /// Where `line` starts (the last known start if the table has moved past it).
    func start(ofLine line: Int) -> Int {
        let index = line - firstLine
        if index < 0 { return starts.first ?? 0 }
        return index < starts.count ? starts[index] : (starts.last ?? 0)
    }

    /// The line holding stream offset `offset`.
    func line(at offset: Int) -> Int {
        firstLine + upperBound(starts, offset) - 1
    }

    /// The first line start strictly after `offset`, if the table has one.
    func firstStart(after offset: Int) -> Int? {
        let index = upperBound(starts, offset)
        return index < starts.count ? starts[index] : nil
    }

    /// Lines in a stream that ends at `end` (a final line without a break counts).
    func totalLines(endingAt end: Int) -> Int {
        let last = firstLine + starts.count - 1
        return (starts.last ?? 0) < end ? last : last - 1
    }

    /// Drops starts of lines before `line`; they can no longer be asked for.
    mutating func forget(before line: Int) {
        let drop = min(line - firstLine, starts.count - 1)
        guard drop > 0 else { return }
        starts.removeSubrange(0..<drop)
        firstLine += drop
    }
}
