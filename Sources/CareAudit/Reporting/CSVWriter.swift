import Foundation

/// Writes RFC 4180 CSV that spreadsheets open safely.
///
/// Fields holding the delimiter, a quote, CR or LF are quoted, quotes doubled. With
/// `spreadsheetSafe`, a cell that Excel would run as a formula (it starts, after any spaces, with
/// `=`, `+`, `-`, `@`, TAB or CR: OWASP "CSV injection", CWE-1236) gets a leading `'`, except a
/// plain number such as `-12.50`, which billing adjustments need to stay a number.
package struct CSVWriter {
    package var delimiter: UInt8 = UInt8(ascii: ",")
    package var spreadsheetSafe: Bool
    /// Line ending between records; RFC 4180 says CRLF, which every spreadsheet reads.
    package var lineEnding: String

    package init(spreadsheetSafe: Bool = true, lineEnding: String = "\r\n") {
        self.spreadsheetSafe = spreadsheetSafe
        self.lineEnding = lineEnding
    }

    /// The UTF-8 byte-order mark Excel needs to read UTF-8 correctly (`--bom`).
    package static let byteOrderMark = "\u{FEFF}"

    /// One record, with its line ending.
    package func record(_ fields: [String]) -> String {
        var out = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { out.unicodeScalars.append(UnicodeScalar(delimiter)) }
            out += escape(field)
        }
        return out + lineEnding
    }

    /// One field, neutralised if need be and quoted if need be.
    package func escape(_ field: String) -> String {
        var value = field
        if spreadsheetSafe && Self.looksLikeFormula(value) { value = "'" + value }
        let needsQuotes = value.utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// True for cells a spreadsheet would evaluate: `=`, `+`, `-`, `@`, TAB or CR first (after
    /// leading spaces), unless the cell is a plain number.
    package static func looksLikeFormula(_ value: String) -> Bool {
        let trimmed = value.drop { $0 == " " }
        guard let first = trimmed.unicodeScalars.first else { return false }
        switch first {
        case "=", "@", "\t", "\r":
            return true
        case "+", "-":
            return !isPlainNumber(trimmed)
        default:
            return false
        }
    }

    /// `-12.50`, `+3`, `-0.5`: a sign, digits, at most one dot, digits; nothing else.
    static func isPlainNumber<S: StringProtocol>(_ text: S) -> Bool {
        var digits = 0
        var dots = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "+" where index == 0, "-" where index == 0: continue
            case "0"..."9": digits += 1
            case ".": dots += 1
            default: return false
            }
        }
        return digits > 0 && dots <= 1
    }
}
