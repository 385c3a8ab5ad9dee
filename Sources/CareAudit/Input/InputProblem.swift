/// Stable codes for problems in an export's structure. They are part of the interface: CI jobs
/// filter on them, so never rename one.
public enum ProblemCode: String, Sendable, Codable, CaseIterable {
    case strayQuote = "stray-quote"
    case unterminatedQuote = "unterminated-quote"
    case invalidUTF8 = "invalid-utf8"
    case nulByte = "nul-byte"
    case fieldTooLarge = "field-too-large"
    case recordTooLarge = "record-too-large"
    case raggedRow = "ragged-row"
    case blankRow = "blank-row"
    case wrongDelimiter = "wrong-delimiter"
    case missingColumn = "missing-column"
    case duplicateHeader = "duplicate-header"
    case emptyHeader = "empty-header"
    case emptyFile = "empty-file"
    case noDataRows = "no-data-rows"
    case utf16Encoding = "utf16-encoding"
    case unreadableFile = "unreadable-file"
    case badDate = "bad-date"
    case badTime = "bad-time"
    case badDuration = "bad-duration"
    case badNumber = "bad-number"
    case badAmount = "bad-amount"
    case badCode = "bad-code"
    case missingValue = "missing-value"
    case durationMismatch = "duration-mismatch"
    case streamTooLarge = "stream-too-large"
    case noLineBreak = "no-line-break"
    case changedWhileRead = "changed-while-read"
    case tooManyFields = "too-many-fields"
    case swallowedRecords = "swallowed-records"
    case unknownValue = "unknown-value"
    case unmatchedAdjustment = "unmatched-adjustment"
    /// Not a CSV export at all (a PDF, a workbook, UTF-16 text), told by its first bytes.
    case notCSV = "not-csv"
    /// How the file was read when nothing said so (Windows-1252, a `;` delimiter): a notice.
    case detectedDialect = "detected-dialect"
    /// Headers of another kind of export than the one it was given as.
    case wrongKind = "wrong-kind"
    /// A record id already used in another file of the same kind.
    case duplicateRecordID = "duplicate-record-id"

    /// Problems with the file's shape (as opposed to a value in a well-formed row).
    package var isStructural: Bool {
        switch self {
        case .badDate, .badTime, .badDuration, .badNumber, .badAmount, .badCode, .missingValue, .durationMismatch, .unknownValue,
            .unmatchedAdjustment,
            .detectedDialect, .duplicateRecordID:
            false
        default: true
        }
    }

    /// The severity a problem of this code has.
    public var severity: Severity {
        switch self {
        case .blankRow, .noDataRows, .emptyHeader: .warning
        case .wrongDelimiter, .unknownValue: .warning
        case .unmatchedAdjustment: .info
        default: .error
        }
    }
}

/// One problem found in an input file, located as `file:line:column`. Column is the 1-based
/// field position (spreadsheet column), 0 when the problem concerns the whole line.
public struct InputProblem: Sendable, Equatable, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    package var severity: Severity
    public var code: ProblemCode
    public var message: String
    /// Texts of the file that the message quotes (a bad cell's value, header cells, which in a
    /// headerless export are a data row): `--redact` withholds them, since any cell may hold a
    /// participant id. Not part of the problem's JSON.
    package var quoted: [String]

    private enum CodingKeys: String, CodingKey { case file, line, column, severity, code, message }

    package init(
        file: String, line: Int, column: Int, severity: Severity? = nil, code: ProblemCode, message: String,
        quoted: [String] = []
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity ?? code.severity
        self.code = code
        // Messages quote the file: made printable once here, for every report and terminal.
        self.message = message.printableText
        self.quoted = quoted.map(\.printableText)
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try values.decode(String.self, forKey: .file), line: try values.decode(Int.self, forKey: .line),
            column: try values.decode(Int.self, forKey: .column), severity: try values.decode(Severity.self, forKey: .severity),
            code: try values.decode(ProblemCode.self, forKey: .code), message: try values.decode(String.self, forKey: .message))
    }

    /// The same problem with every quoted text of the file withheld (`--redact`).
    package var withQuotesWithheld: InputProblem {
        var copy = self
        copy.message = Redactor.withholding(quoted, in: message)
        copy.quoted = []
        return copy
    }

    /// The compiler-style one-liner: `file:line:column: severity: message [code]`.
    public var formatted: String {
        "\(file.printableText):\(line):\(column): \(severity.rawValue): \(message) [\(code.rawValue)]"
    }
}

/// Why a file could not be read at all. The audit stops (exit 2); `validate` reports it as an
/// error for that file and goes on with the others.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    package var file: String
    package var code: ProblemCode
    package var message: String

    public var description: String { "\(file.printableText): error: \(message.printableText) [\(code.rawValue)]" }
}
