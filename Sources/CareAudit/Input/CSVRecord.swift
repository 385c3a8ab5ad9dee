/// One record as the reader delivers it: where it starts, its fields as raw UTF-8 bytes, and
/// what (if anything) made it unreadable. It points into the reader's buffer, so it is valid
/// only inside the callback that receives it; copy out what must outlive that call.
package struct CSVRecord {
    /// 1-based count of non-blank records, the header included.
    package let number: Int
    /// The physical line on which the record starts (quoted line breaks make this differ
    /// from `number`).
    package let line: Int
    /// Byte offset of the record's first byte (in the decoded stream for transcoded input).
    package let byteOffset: Int
    /// A blank line (or a row of empty cells), counted but holding no data.
    package let isBlank: Bool
    /// Why the record cannot be trusted, if it cannot.
    package let defect: CSVDefect?
    /// Line breaks inside its quoted fields (0 for a record on one line).
    package let lineBreaks: Int

    let base: UnsafePointer<UInt8>
    let ends: UnsafeBufferPointer<Int>
    let start: Int

    /// The number of fields.
    package var count: Int { ends.count }

    /// The raw UTF-8 bytes of field `index`.
    @inline(__always)
    package func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let from = index == 0 ? start : ends[index - 1]
        return UnsafeBufferPointer(start: base + from, count: ends[index] - from)
    }

    /// Field `index` decoded as a `String` (invalid UTF-8 becomes U+FFFD).
    package func string(_ index: Int) -> String {
        String(decoding: bytes(index), as: UTF8.self)
    }

    /// Every field decoded; for headers and error messages, never for the hot path.
    package var strings: [String] { (0..<count).map(string) }
}

/// What made a record unreadable. Columns are 1-based field positions (column C = 3), the way a
/// spreadsheet user finds a cell; lines are physical lines of the file.
package enum CSVDefect: Equatable, Sendable {
    /// A quote inside an unquoted field, or text right after a closing quote.
    case strayQuote(line: Int, column: Int)
    /// A quoted field still open at the end of the file.
    case unterminatedQuote(line: Int, column: Int)
    /// Bytes that are not UTF-8 (an Excel export in Windows-1252, most likely).
    case invalidUTF8(line: Int, column: Int)
    /// A NUL byte: binary data or a damaged transfer.
    case nulByte(line: Int, column: Int)
    /// A field over the configured size limit.
    case fieldTooLarge(line: Int, column: Int, limit: Int)
    /// A record over the configured size limit.
    case recordTooLarge(line: Int, limit: Int)
    /// A record with more fields than the configured limit (a line of commas).
    case tooManyFields(line: Int, limit: Int)

    package var line: Int {
        switch self {
        case .strayQuote(let l, _), .unterminatedQuote(let l, _), .invalidUTF8(let l, _),
            .nulByte(let l, _), .fieldTooLarge(let l, _, _), .recordTooLarge(let l, _), .tooManyFields(let l, _):
            return l
        }
    }

    package var column: Int {
        switch self {
        case .strayQuote(_, let c), .unterminatedQuote(_, let c), .invalidUTF8(_, let c),
            .nulByte(_, let c), .fieldTooLarge(_, let c, _):
            return c
        case .recordTooLarge:
            return 1
        case .tooManyFields(_, let limit):
            return limit + 1
        }
    }

    /// The same defect placed on `line`.
    func at(line: Int) -> CSVDefect {
        switch self {
        case .strayQuote(_, let c): .strayQuote(line: line, column: c)
        case .unterminatedQuote(_, let c): .unterminatedQuote(line: line, column: c)
        case .invalidUTF8(_, let c): .invalidUTF8(line: line, column: c)
        case .nulByte(_, let c): .nulByte(line: line, column: c)
        case .fieldTooLarge(_, let c, let limit): .fieldTooLarge(line: line, column: c, limit: limit)
        case .recordTooLarge(_, let limit): .recordTooLarge(line: line, limit: limit)
        case .tooManyFields(_, let limit): .tooManyFields(line: line, limit: limit)
        }
    }

    /// The stable problem code.
    package var code: ProblemCode {
        switch self {
        case .strayQuote: .strayQuote
        case .unterminatedQuote: .unterminatedQuote
        case .invalidUTF8: .invalidUTF8
        case .nulByte: .nulByte
        case .fieldTooLarge: .fieldTooLarge
        case .recordTooLarge: .recordTooLarge
        case .tooManyFields: .tooManyFields
        }
    }

    package var message: String {
        switch self {
        case .strayQuote:
            "stray quote: a '\"' inside an unquoted field, or text after a closing quote; the row is skipped up to the next line"
        case .unterminatedQuote:
            "unterminated quoted field: the file ends inside quotes (cut off during transfer?)"
        case .invalidUTF8:
            "bytes that are not valid UTF-8; if the file was saved by Excel as 'CSV (Comma delimited)', rerun with --encoding windows-1252"
        case .nulByte:
            "NUL byte in the data: the file is binary or damaged"
        case .fieldTooLarge(_, _, let limit):
            "field larger than the limit of \(limit) bytes"
        case .recordTooLarge(_, let limit):
            "record larger than the limit of \(limit) bytes"
        case .tooManyFields(_, let limit):
            "more than \(limit) fields in one record (input.max_fields); the fields past the limit are not kept"
        }
    }
}
