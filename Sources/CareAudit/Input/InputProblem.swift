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

    /// Problems with the file's shape (as opposed to a value in a well-formed row).
    public var isStructural: Bool {
        switch self {
        case .badDate, .badTime, .badDuration, .badNumber, .badAmount, .badCode, .missingValue, .durationMismatch, .unknownValue: false
        default: true
        }
    }

    /// The severity a problem of this code has.
    public var severity: Severity {
        switch self {
        case .blankRow, .noDataRows, .emptyHeader: .warning
        case .wrongDelimiter, .unknownValue: .warning
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
    public var severity: Severity
    public var code: ProblemCode
    public var message: String

    public init(file: String, line: Int, column: Int, severity: Severity? = nil, code: ProblemCode, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity ?? code.severity
        self.code = code
        self.message = message
    }

    /// The compiler-style one-liner: `file:line:column: severity: message [code]`.
    public var formatted: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message) [\(code.rawValue)]"
    }
}

/// Why a file could not be read at all. The audit stops (exit 2); `validate` reports it as an
/// error for that file and goes on with the others.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var code: ProblemCode
    public var message: String

    public var description: String { "\(file): error: \(message) [\(code.rawValue)]" }
}
