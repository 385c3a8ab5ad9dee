/// How an export is written: its delimiter, its text encoding and the size limits that keep a
/// hostile file from exhausting memory.
package struct CSVDialect: Sendable, Equatable {
    /// The field separator byte (`,` by default; `;` or TAB for some Excel locales).
    package var delimiter: UInt8
    /// The encoding of the file's bytes; everything is UTF-8 once read.
    package var encoding: TextEncoding
    /// Largest field accepted, in bytes; a larger field rejects its row.
    package var maxFieldBytes: Int
    /// Largest record accepted, in bytes; a larger record rejects its row.
    package var maxRecordBytes: Int
    /// Most fields in one record; more rejects the row.
    package var maxFields: Int

    package init(
        delimiter: UInt8 = UInt8(ascii: ","),
        encoding: TextEncoding = .utf8,
        maxFieldBytes: Int = 1 << 20,
        maxRecordBytes: Int = 16 << 20,
        maxFields: Int = 100_000
    ) {
        self.maxFields = maxFields
        self.delimiter = delimiter
        self.encoding = encoding
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = maxRecordBytes
    }

    /// Parses the spelling users type: `,`, `;`, `|`, `tab` or `\t`.
    package static func delimiter(named name: String) -> UInt8? {
        switch name.lowercased() {
        case "tab", "\\t", "\t": return 0x09
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        case "pipe": return UInt8(ascii: "|")
        default:
            let bytes = Array(name.utf8)
            guard bytes.count == 1, bytes[0] < 0x80, bytes[0] != UInt8(ascii: "\""),
                bytes[0] != 0x0A, bytes[0] != 0x0D
            else { return nil }
            return bytes[0]
        }
    }

    /// The delimiter as users write it back (`tab` for TAB).
    package var delimiterName: String {
        delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter))
    }
}

/// The byte encodings an export may come in.
package enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    /// Excel's "CSV (Comma delimited)" on Windows writes this code page.
    case windows1252 = "windows-1252"

    package init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "win1252", "latin1", "iso-8859-1": self = .windows1252
        default: return nil
        }
    }
}
