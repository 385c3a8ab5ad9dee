import Foundation

/// Reads one export as a table: finds the header, maps it for the input kind, checks every row's
/// shape, and hands the well-formed rows on. Every row read ends up accepted or rejected, and
/// the summary says how many of each, so no row disappears unnoticed.
package struct ExportReader {
    package let path: String
    /// `nil` checks structure only (no header mapping).
    package let kind: InputKind?
    package var dialect: CSVDialect
    /// Header as written → canonical field, from the configuration.
    package var extraAliases: [String: String]
    /// Problems kept per file; the rest are counted, not stored.
    package var problemLimit = ExportReader.defaultProblemLimit
    package static let defaultProblemLimit = 10_000
    /// Called as bytes are read (progress display).
    package var onBytes: (@Sendable (Int) -> Void)?
    /// The path opened, when it is not `path` (see `CSVReader.openPath`).
    package var openPath: String?

    package init(
        path: String, kind: InputKind?, dialect: CSVDialect = CSVDialect(),
        extraAliases: [String: String] = [:]
    ) {
        self.path = path
        self.kind = kind
        self.dialect = dialect
        self.extraAliases = extraAliases
    }

    /// A byte range of the file to read on its own (see `SplitPoints`). Its lines are counted
    /// from 1 (the loader shifts them). Parts after the first start past the header, so they
    /// are given its fields.
    package struct Part: Sendable {
        package var range: Range<Int>
        /// The header's fields, for parts after the first; nil for the first part.
        package var header: [String]?
    }

    /// Reads the file, or one part of it. `onHeader` sees the mapping before any row (only when a
    /// header was found and it has no missing columns); `onRow` types a well-formed row and
    /// returns its problems (an error rejects it; warnings are noted and it is accepted). A
    /// part's summary is not finished (`ExportSummary.finish`): the parts are merged first.
    package func read(
        part: Part? = nil,
        onHeader: (HeaderMapping) throws -> Void = { _ in },
        onRow: (CSVRecord) throws -> [InputProblem] = { _ in [] }
    ) throws -> ExportSummary {
        var summary = ExportSummary(path: path, kind: kind)
        var mapping: HeaderMapping?
        var width = 0
        var usedWidth = 0
        var unusable = false

        func note(_ problem: InputProblem) {
            summary.add(problem, limit: problemLimit)
        }
        /// The staff day a rejected row belonged to, when its staff id and date can still be read:
        /// the rules that add up a day's minutes leave that day alone.
        func lost(_ record: CSVRecord) {
            guard let mapping, summary.lostStaffDays.count < 100_000,
                let staff = ([Field.staffId, .renderingStaffId].lazy.compactMap { mapping.index(of: $0) }.first),
                let dated = ([Field.workDate, .serviceDate].lazy.compactMap { mapping.index(of: $0) }.first),
                staff < record.count, dated < record.count,
                let day = FieldParser.day(record.string(dated).trimmingCharacters(in: .whitespaces))
            else { return }
            let id = record.string(staff).trimmingCharacters(in: .whitespaces)
            if !id.isEmpty { summary.lostStaffDays.insert(LostStaffDay(staffID: id, day: day)) }
        }

        if let headers = part?.header {
            // A later part: map the header again, its problems already noted by the first part.
            var ignored = ExportSummary(path: path, kind: kind)
            width = headers.count
            usedWidth = Self.usedWidth(headers)
            let header = readHeader(headers, usedWidth: usedWidth, line: 1, into: &ignored)
            mapping = header
            try onHeader(header)
        }

        do {
            var reader = CSVReader(path: path, dialect: dialect)
            reader.openPath = openPath
            reader.onChunk = onBytes
            if let part {
                reader.range = part.range
                reader.computesHash = false
            }
            let read = try reader.read { record in
                if record.isBlank {
                    note(
                        InputProblem(
                            file: path, line: record.line, column: 0, code: .blankRow,
                            message: "blank row skipped"))
                    return
                }
                if mapping == nil && !unusable {
                    if let defect = record.defect {
                        note(
                            InputProblem(
                                file: path, line: defect.line, column: defect.column,
                                code: defect.code, message: "header: " + defect.message))
                        unusable = true
                        return
                    }
                    let headers = record.strings
                    width = headers.count
                    usedWidth = Self.usedWidth(headers)
                    let header = readHeader(headers, usedWidth: usedWidth, line: record.line, into: &summary)
                    summary.columns = usedWidth
                    summary.fields = Set(header.columns.keys)
                    mapping = header
                    if summary.problems.contains(where: { $0.code == .missingColumn || $0.code == .wrongKind }) {
                        unusable = true
                    } else {
                        try onHeader(header)
                    }
                    return
                }
                summary.rows += 1
                if unusable {
                    summary.rejected += 1
                    return
                }
                if let defect = record.defect {
                    summary.rejected += 1
                    lost(record)
                    note(
                        InputProblem(
                            file: path, line: defect.line, column: defect.column,
                            code: defect.code, message: defect.message))
                    return
                }
                // (The mapping's headers are read only for a message: a copy per row is a retain.)
                if record.count < usedWidth || record.count > width,
                    let ragged = shapeProblem(record, width: width, usedWidth: usedWidth, headers: mapping!.headers)
                {
                    summary.rejected += 1
                    lost(record)
                    note(ragged)
                    return
                }
                if record.lineBreaks > 0, let swallowed = swallowedRecords(record, width: usedWidth) {
                    // The lines a stray quote joined are rows a reader sees: counted, and rejected.
                    summary.rows += swallowed.lines
                    summary.rejected += 1 + swallowed.lines
                    note(swallowed.problem)
                    return
                }
                // Errors reject the row; warnings are noted and the row is read.
                let problems = try onRow(record)
                if problems.allSatisfy({ $0.severity != .error }) {
                    summary.accepted += 1
                } else {
                    summary.rejected += 1
                    lost(record)
                }
                problems.forEach(note)
            }
            summary.bytes = read.bytes
            summary.sha256 = read.sha256
            summary.blankLines = read.blankLines
            summary.lines = read.lines
            summary.records = read.records
            summary.headerUnusable = unusable
            summary.endedAtRecordStart = read.endedAtRecordStart
        } catch let error as InputError {
            summary.fatal = error
            note(InputProblem(file: path, line: 1, column: 0, code: error.code, message: error.message))
        }
        if part == nil { summary.finish(problemLimit: problemLimit) }
        return summary
    }

    /// A quoted field whose line breaks hold whole records: a stray quote opened it and a later
    /// quote closed it, so libcsv read several lines as one well-formed record. A line inside
    /// the field counts as a record when it holds a record's worth of delimiters (`width` − 1;
    /// for the field's last line, with the fields after it), which free text with line breaks
    /// (a note of several paragraphs) does not. Returns the lines swallowed and the problem.
    private func swallowedRecords(_ record: CSVRecord, width: Int) -> (lines: Int, problem: InputProblem)? {
        guard width > 1 else { return nil }
        var line = record.line
        for index in 0..<record.count {
            let bytes = record.bytes(index)
            guard bytes.contains(0x0A) || bytes.contains(0x0D) else { continue }
            let lines = bytes.split(omittingEmptySubsequences: false) { $0 == 0x0A || $0 == 0x0D }.filter { !$0.isEmpty }
            let after = record.count - 1 - index  // fields after this one
            var swallowed = 0
            for (position, text) in lines.enumerated().dropFirst() {
                let delimiters = text.reduce(0) { $0 + ($1 == dialect.delimiter ? 1 : 0) }
                if delimiters + (position == lines.count - 1 ? after : 0) >= width - 1 { swallowed += 1 }
            }
            if swallowed > 0 {
                let last = line + bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                return (
                    swallowed,
                    InputProblem(
                        file: path, line: line, column: index + 1, code: .swallowedRecords,
                        message:
                            "a quoted field from line \(line) to line \(last) holds \(swallowed) line(s) that read as records of their own: a quote in column \(index + 1) of line \(line) is probably stray; \(swallowed + 1) rows rejected"
                    )
                )
            }
            line += bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        return nil
    }

    /// The number of columns up to the last named one.
    private static func usedWidth(_ headers: [String]) -> Int {
        (headers.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? -1) + 1
    }

    /// The header's fields, without reading further than its record; nil when the file has no
    /// readable header (it is then read in one piece, which reports why).
    package func headerFields() -> [String]? {
        struct Found: Error { let fields: [String]? }
        var reader = CSVReader(path: path, dialect: dialect)
        reader.openPath = openPath
        reader.computesHash = false
        do {
            _ = try reader.read { record in
                if record.isBlank { return }
                throw Found(fields: record.defect == nil ? record.strings : nil)
            }
        } catch let found as Found {
            return found.fields
        } catch {}
        return nil
    }

    /// Maps the header; `usedWidth` is the number of columns up to the last named one.
    private func readHeader(_ headers: [String], usedWidth: Int, line: Int, into summary: inout ExportSummary) -> HeaderMapping {
        var problems: [InputProblem] = []
        if headers.count == 1 {
            let suspects: [(UInt8, String)] = [(0x3B, ";"), (0x09, "tab"), (0x2C, ","), (0x7C, "|")]
            if let (_, name) = suspects.first(where: { $0.0 != dialect.delimiter && headers[0].utf8.contains($0.0) }) {
                problems.append(
                    InputProblem(
                        file: path, line: line, column: 1, code: .wrongDelimiter,
                        message:
                            "the header is one column but contains '\(name == "tab" ? "\\t" : name)': the file is probably \(name)-delimited; rerun with --delimiter '\(name)'"
                    ))
            }
        }
        for (index, header) in headers.enumerated()
        where index < usedWidth - 1 && header.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(
                InputProblem(
                    file: path, line: line, column: index + 1, code: .emptyHeader,
                    message: "column \(index + 1) has no header; its values are ignored"))
        }
        let mapping = HeaderMapping(
            headers: headers, schema: kind.map(InputSchema.of) ?? .structureOnly,
            extraAliases: extraAliases, file: path, line: line, problems: &problems)
        for problem in problems { summary.add(problem, limit: problemLimit) }
        return mapping
    }

    /// A row with fewer fields than the header, or with extra non-empty fields. Excel pads rows
    /// with empty trailing cells and headers with empty trailing names: both are fine.
    private func shapeProblem(_ record: CSVRecord, width: Int, usedWidth: Int, headers: [String]) -> InputProblem? {
        let count = record.count
        if count < usedWidth {
            let missing = headers[count..<usedWidth].map { "\"\($0)\"" }.joined(separator: ", ")
            return InputProblem(
                file: path, line: record.line, column: count, code: .raggedRow,
                message: "too few fields: \(count) of \(usedWidth); missing \(missing)",
                quoted: Array(headers[count..<usedWidth]))
        }
        if count > width {
            for index in width..<count where record.bytes(index).contains(where: { $0 != 0x20 }) {
                return InputProblem(
                    file: path, line: record.line, column: index + 1, code: .raggedRow,
                    message: "too many fields: \(count) where the header has \(width); the first extra one is column \(index + 1)")
            }
        }
        return nil
    }
}

extension InputSchema {
    /// No fields, no requirements: `validate any.csv` checks structure and duplicate headers only.
    static let structureOnly = InputSchema(kind: .timesheet, fields: [], requirements: [])
}

/// What reading one export found: sizes, counts that always add up, and its problems.
public struct ExportSummary: Sendable {
    public var path: String
    public var kind: InputKind?
    public var bytes = 0
    public var sha256 = ""
    /// Data rows read (header and blank lines excluded) = accepted + rejected.
    public var rows = 0
    public var accepted = 0
    public var rejected = 0
    /// Staff days (staff id as written, date) that a rejected row belonged to.
    package var lostStaffDays: Set<LostStaffDay> = []
    package var columns = 0
    /// The canonical fields its header holds (rules that need an optional one say when it is absent).
    package var fields: Set<Field> = []
    package var blankLines = 0
    package var lines = 0
    /// Problems kept, in file order.
    public var problems: [InputProblem] = []
    /// Problems found past the kept limit.
    package var problemsNotKept = 0
    /// Problem counts by severity, including those not kept.
    package var counts: [Severity: Int] = [:]
    /// Set when the file could not be read at all.
    public var fatal: InputError?

    package init(path: String, kind: InputKind?) {
        self.path = path
        self.kind = kind
    }

    /// CSV records read, the header included (for the end-of-file checks).
    var records = 0
    /// The header lacked required columns: every row was rejected unread.
    var headerUnusable = false
    /// The read ended between records (a part of a split file must).
    var endedAtRecordStart = true

    /// The end-of-file checks, once the whole file is read: empty, header only, unusable.
    mutating func finish(problemLimit: Int) {
        guard fatal == nil else { return }
        if records == 0 {
            add(
                InputProblem(
                    file: path, line: 1, column: 0, code: .emptyFile,
                    message: "the file is empty: no header row"), limit: problemLimit)
        } else if rows == 0 && !headerUnusable {
            add(
                InputProblem(
                    file: path, line: lines, column: 0, code: .noDataRows,
                    message: "the file has a header but no data rows"), limit: problemLimit)
        }
        // A header of another kind of export says everything: its rows are not counted again.
        if headerUnusable && rows > 0 && !problems.contains(where: { $0.code == .wrongKind }) {
            add(
                InputProblem(
                    file: path, line: 1, column: 0, severity: .error, code: .missingColumn,
                    message: "\(grouped(rows)) rows not read because the header is unusable"), limit: problemLimit)
        }
    }

    /// The parts of a split file as one summary, in file order (not yet finished); each part's
    /// lines are shifted by `lineOffsets`.
    static func merging(_ parts: [ExportSummary], lineOffsets: [Int], sha256: String, problemLimit: Int) -> ExportSummary {
        var merged = parts[0]
        merged.sha256 = sha256
        for (part, offset) in zip(parts, lineOffsets).dropFirst() {
            var part = part
            for index in part.problems.indices { part.problems[index].line += offset }
            part.lines += offset
            merged.bytes += part.bytes
            merged.rows += part.rows
            merged.accepted += part.accepted
            merged.rejected += part.rejected
            merged.lostStaffDays.formUnion(part.lostStaffDays)
            merged.blankLines += part.blankLines
            merged.records += part.records
            merged.lines = part.lines
            for problem in part.problems {
                if merged.problems.count < problemLimit { merged.problems.append(problem) } else { merged.problemsNotKept += 1 }
            }
            merged.problemsNotKept += part.problemsNotKept
            merged.counts.merge(part.counts, uniquingKeysWith: +)
        }
        return merged
    }

    mutating func add(_ problem: InputProblem, limit: Int) {
        counts[problem.severity, default: 0] += 1
        if problems.count < limit { problems.append(problem) } else { problemsNotKept += 1 }
    }

    /// The worst severity found, if any problem was.
    package var worstSeverity: Severity? {
        Severity.allCases.reversed().first { (counts[$0] ?? 0) > 0 }
    }

    /// The problems that make the file unusable for an audit (empty when it is usable): it could
    /// not be read, it is empty, its header is unusable (columns missing, a stray quote in it),
    /// or it is a roster with no readable row (reference data every staff and certificate rule
    /// relies on: without it each billing line would be a finding). The likely cause (a wrong
    /// delimiter) comes first.
    public var blockingProblems: [InputProblem] {
        let hints = problems.filter { $0.code == .wrongDelimiter }
        if fatal != nil || records == 0 || headerUnusable {
            let blocking = problems.filter { $0.severity == .error }
            return hints + (blocking.isEmpty ? problems : blocking)
        }
        if kind == .roster && accepted == 0 {
            let line = InputProblem(
                file: path, line: 1, column: 0, severity: .error, code: .noDataRows,
                message:
                    "the roster has no readable row (\(rows) read, \(rejected) rejected): staff, NPIs and certificates cannot be checked")
            return hints + [line] + problems.filter { $0.severity == .error }.prefix(10)
        }
        return []
    }

    /// rows = accepted + rejected: checked after every read.
    package var countsAddUp: Bool { rows == accepted + rejected }
}

/// A staff member's day that lost a row to a reading error: its minutes are not all known.
package struct LostStaffDay: Hashable, Sendable, Comparable {
    package let staffID: String
    package let day: Day

    package static func < (a: LostStaffDay, b: LostStaffDay) -> Bool { (a.staffID, a.day) < (b.staffID, b.day) }
}
