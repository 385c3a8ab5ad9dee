import Foundation
import Testing

@testable import CareAudit

/// What a file's first bytes say: not a CSV at all, its encoding, its delimiter.
@Suite("Export sniffer")
struct ExportSnifferTests {
    static func sniff(_ bytes: [UInt8], encoding: Bool = true, delimiter: Bool = true) throws -> Result<ExportSniffer.Sniffed, InputError> {
        let path = try temporaryFile(bytes, name: "sniff.csv")
        return ExportSniffer.sniff(openPath: path, name: "export.csv", detectEncoding: encoding, detectDelimiter: delimiter)
    }

    @Test(
        "files that are not CSV are named by what they are",
        arguments: [
            (Array("%PDF-1.4\n%âãÏÓ\n".utf8), "not-csv", "PDF document"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "not-csv", "an Excel .xlsx workbook is one"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "not-csv", "Excel 97-2003 workbook"),
            ([0xFF, 0xFE] + Array("S\0t\0a\0f\0f\0".utf8), "utf16-encoding", "UTF-16"),
            (Array("S\0t\0a\0f\0f\0 \0I\0D\0,\0D\0a\0t\0e\0\n\0".utf8), "not-csv", "NUL bytes"),
            (Array("<!DOCTYPE html><html><table>".utf8), "not-csv", "HTML or XML"),
        ] as [([UInt8], String, String)])
    func notCSV(bytes: [UInt8], code: String, says: String) throws {
        guard case .failure(let error) = try Self.sniff(bytes) else {
            Issue.record("read as CSV")
            return
        }
        #expect(error.code.rawValue == code && error.message.contains(says), "\(error.message)")
    }

    @Test("UTF-8 stays UTF-8; bytes only Windows-1252 explains are read as it, with a notice naming the line")
    func encoding() throws {
        let utf8 = try Self.sniff(Array("Name,Staff ID\nRosa Ramírez,E1\n".utf8)).get()
        #expect(utf8.encoding == .utf8 && utf8.notes.isEmpty)
        let cp1252 = try Self.sniff(Array("Name,Staff ID\n".utf8) + [0x52, 0x61, 0x6D, 0xED, 0x72, 0x65, 0x7A] + Array(",E1\n".utf8)).get()
        #expect(cp1252.encoding == .windows1252)
        #expect(
            cp1252.notes == [
                "not valid UTF-8 (line 2 has byte 0xED): read as Windows-1252, Excel's \"CSV (Comma delimited)\"; --encoding export.csv=utf-8 overrides"
            ])
        // A byte Windows-1252 does not define (0x81) is no evidence for it: UTF-8, and the row is named later.
        let neither = try Self.sniff(Array("a,b\n".utf8) + [0x81, 0x2C, 0x62, 0x0A]).get()
        #expect(neither.encoding == .utf8)
        // Chosen by the user: not looked at.
        #expect(try Self.sniff([0xED, 0x0A], encoding: false).get().encoding == nil)
    }

    @Test(
        "the delimiter that splits the first records evenly; quotes respected; a comma file stays comma",
        arguments: [
            ("Staff ID;Date;Minutes\nE1;2026-10-01;30\nE2;2026-10-01;45\n", ";"),
            ("Staff ID\tDate\tMinutes\nE1\t2026-10-01\t30\n", "\t"),
            ("Staff ID|Date|Minutes\nE1|2026-10-01|30\n", "|"),
            ("Staff ID,Date,Notes\nE1,2026-10-01,\"a; b; c\"\nE2,2026-10-02,\"x;y\"\n", nil),
            ("Staff ID,Date\nE1,2026-10-01\n\n", nil),
            ("Staff ID;Date\nE1;2026-10-01", ";"),
        ] as [(String, String?)])
    func delimiter(text: String, expected: String?) throws {
        let sniffed = try Self.sniff(Array(text.utf8)).get()
        #expect(sniffed.delimiter == expected.map { UInt8(ascii: Unicode.Scalar($0)!) })
        #expect(sniffed.notes.count == (expected == nil ? 0 : 1))
    }

    @Test("a file's own choice wins over every file's and over detection")
    func perFile() throws {
        var settings = Configuration.InputSettings()
        settings.encoding = .windows1252
        settings.perFile["roster.csv"] = .init(encoding: .utf8)
        #expect(settings.chosen(for: "exports/roster.csv").encoding == .utf8)
        #expect(settings.chosen(for: "exports/timesheets.csv").encoding == .windows1252)
        let sniffed = ExportSniffer.Sniffed(encoding: .windows1252, delimiter: UInt8(ascii: ";"))
        #expect(settings.dialect(for: "exports/roster.csv", sniffed: sniffed).encoding == .utf8)
        #expect(settings.dialect(for: "exports/roster.csv", sniffed: sniffed).delimiter == UInt8(ascii: ";"))
    }
}
