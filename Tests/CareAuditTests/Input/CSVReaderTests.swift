import Foundation
import Testing

@testable import CareAudit

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("csv-spectrum edge cases read back exactly")
    func spectrum() throws {
        let result = try readAll(Fixtures.path("csv/valid/spectrum.csv"))
        #expect(
            result.rows == [
                ["a", "b", "c"],
                ["x, y", "he said \"hi\"", "multi\r\nline"],
                ["1", "", "3"],
                ["", "  spaced  ", "été"],
                ["last", "no", "newline"],
            ])
        #expect(result.lines == [1, 2, 4, 5, 6])
        #expect(result.summary.lines == 6)
        #expect(result.defects.isEmpty)
    }

    @Test("byte offsets point at each record's first byte")
    func offsets() throws {
        let text = "a,b\n\"x\ny\",2\n\nlast,3\n"
        let path = try temporaryFile(text)
        let result = try readAll(path)
        let bytes = Array(text.utf8)
        #expect(result.offsets == [0, 4, 13])
        #expect(bytes[13] == UInt8(ascii: "l"))
        #expect(result.blankLines == [4])
        #expect(result.lines == [1, 2, 5])
    }

    @Test("empty file and header only")
    func emptyAndHeaderOnly() throws {
        let empty = try readAll(try temporaryFile(""))
        #expect(empty.rows.isEmpty && empty.summary.records == 0 && empty.summary.lines == 0)
        let header = try readAll(try temporaryFile("a,b\n"))
        #expect(header.rows == [["a", "b"]])
        #expect(header.summary.lines == 1)
    }

    @Test("spaces are data, not trimmed")
    func spaces() throws {
        let result = try readAll(try temporaryFile(" a , b \n\t1\t, 2\n"))
        #expect(result.rows == [[" a ", " b "], ["\t1\t", " 2"]])
    }

    @Test("UTF-8 byte-order mark is stripped, offsets stay file offsets")
    func bom() throws {
        let result = try readAll(Fixtures.path("csv/valid/excel-trailing-columns.csv"))
        #expect(result.summary.hadBOM)
        #expect(result.rows.first == ["id", "name", "", "", ""])
        #expect(result.offsets.first == 3)
    }

    @Test("UTF-16 is refused with a save-as-UTF-8 hint")
    func utf16() throws {
        #expect {
            _ = try readAll(Fixtures.path("csv/malformed/utf16-bom.csv"))
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.code == .utf16Encoding && error.message.contains("UTF-8")
        }
    }

    @Test("a missing file is an input error naming it")
    func missingFile() {
        #expect(throws: InputError.self) { _ = try readAll("/nonexistent/care-audit.csv") }
    }

    @Test("Windows-1252 bytes: invalid UTF-8 by default, decoded with --encoding windows-1252")
    func windows1252() throws {
        let path = Fixtures.path("csv/malformed/windows-1252.csv")
        let raw = try readAll(path)
        #expect(raw.defects == [.invalidUTF8(line: 2, column: 4)])
        #expect(raw.rows == [["Staff ID", "Date", "Minutes", "Activity"], ["E1", "2026-10-02", "30", "ok"]])
        let decoded = try readAll(path, dialect: CSVDialect(encoding: .windows1252))
        #expect(decoded.defects.isEmpty)
        #expect(decoded.rows[1] == ["E1", "2026-10-01", "30", "Peña – intake"])
    }

    @Test("a UTF-8 sequence split by a delimiter is invalid in both fields, though the joined bytes are valid")
    func sequenceSplitByDelimiter() throws {
        // "é" is C3 A9: with a comma between its bytes, neither field is UTF-8.
        let path = try temporaryFile(Array("a,b\nok,café\nx".utf8) + [0xC3, 0x2C, 0xA9] + Array("y\nlast,row\n".utf8))
        let raw = try readAll(path)
        #expect(raw.defects == [.invalidUTF8(line: 3, column: 1)])
        #expect(raw.rows == [["a", "b"], ["ok", "café"], ["last", "row"]])
    }

    @Test("line numbers stay right after fields with embedded newlines")
    func linesAfterEmbeddedNewlines() throws {
        let result = try readAll(Fixtures.path("csv/malformed/embedded-newlines-then-error.csv"))
        #expect(
            result.rows == [
                ["Staff ID", "Date", "Minutes", "Activity"], ["E1", "2026-10-01", "30", "line one\nline two\nline three"],
                ["E1", "2026-10-03", "30", "ok"],
            ])
        #expect(result.lines == [1, 2, 6])
        #expect(result.defects == [.strayQuote(line: 5, column: 4)])
    }

    @Test("a stray quote rejects its row and reading resumes on the next line")
    func strayQuote() throws {
        let result = try readAll(Fixtures.path("csv/malformed/stray-quote.csv"))
        #expect(result.defects == [.strayQuote(line: 2, column: 4)])
        #expect(result.rows == [["Staff ID", "Date", "Minutes", "Activity"], ["E1", "2026-10-02", "30", "fine"]])
        #expect(result.lines == [1, 3])
        #expect(result.summary.records == 3)
    }

    @Test("an unterminated quote at end of file names the line where the field starts")
    func unterminated() throws {
        let result = try readAll(Fixtures.path("csv/malformed/unterminated-quote-at-eof.csv"))
        #expect(result.defects == [.unterminatedQuote(line: 3, column: 4)])
        #expect(result.rows == [["Staff ID", "Date", "Minutes", "Activity"], ["E1", "2026-10-01", "30", "ok"]])
    }

    @Test("NUL bytes are flagged")
    func nul() throws {
        let result = try readAll(Fixtures.path("csv/malformed/nul-byte.csv"))
        #expect(result.defects == [.nulByte(line: 2, column: 4)])
    }

    @Test("blank lines, whitespace-only lines and empty-cell rows are counted, not read")
    func blanks() throws {
        let result = try readAll(Fixtures.path("csv/malformed/blank-lines.csv"))
        #expect(
            result.rows == [
                ["Staff ID", "Date", "Minutes", "Activity"], ["E1", "2026-10-01", "30", "a"], ["E1", "2026-10-02", "30", "b"],
            ])
        #expect(result.blankLines == [2, 4, 5])
        #expect(result.lines == [1, 3, 6])
        #expect(result.summary.blankLines == 3)
    }

    @Test("mixed CRLF and LF line endings keep lines right")
    func mixedLineEndings() throws {
        let result = try readAll(Fixtures.path("csv/malformed/mixed-line-endings.csv"))
        #expect(result.lines == [1, 2, 3, 4])
        #expect(result.rows.last == ["E1", "2026-10-03", "30", "c"])
    }

    @Test("a 10 MB field is rejected by the 1 MiB default limit, named by line; the next row is read")
    func hugeField() throws {
        let big = String(repeating: "x", count: 10_000_000)
        let result = try readAll(try temporaryFile("Staff ID,Date,Minutes,Activity\nE1,2026-10-01,30,\(big)\nE1,2026-10-02,30,ok\n"))
        #expect(result.defects == [.fieldTooLarge(line: 2, column: 4, limit: 1 << 20)])
        #expect(result.rows.last == ["E1", "2026-10-02", "30", "ok"])
    }

    @Test("a 1 MB header line is read (and its columns checked), not a crash")
    func hugeHeader() throws {
        let header = (0..<50_000).map { "column \($0)" }.joined(separator: ",")
        let path = try temporaryFile(header + "\n" + String(repeating: "1,", count: 49_999) + "1\n")
        let summary = try ExportReader(path: path, kind: .timesheet).read()
        #expect(summary.columns == 50_000)
        #expect(summary.problems.map(\.code) == [.missingColumn, .missingColumn, .missingColumn, .missingColumn])
        #expect(summary.problems.allSatisfy { $0.message.utf8.count < 2_000 })
        #expect(summary.rows == 1 && summary.rejected == 1)
    }

    @Test("oversized fields reject their row, within the limit")
    func fieldLimit() throws {
        let big = String(repeating: "x", count: 5000)
        let path = try temporaryFile("a,b\n1,\(big)\n2,ok\n")
        let result = try readAll(path, dialect: CSVDialect(maxFieldBytes: 1000))
        #expect(result.defects == [.fieldTooLarge(line: 2, column: 2, limit: 1000)])
        #expect(result.rows == [["a", "b"], ["2", "ok"]])
    }

    @Test("semicolon delimiter")
    func semicolon() throws {
        let path = Fixtures.path("csv/malformed/semicolon-as-comma.csv")
        let result = try readAll(path, dialect: CSVDialect(delimiter: UInt8(ascii: ";")))
        #expect(result.rows == [["Staff ID", "Date", "Minutes", "Activity"], ["E1", "2026-10-01", "30", "a"]])
    }

    @Test("the same records whatever the chunk size", arguments: [1, 2, 3, 5, 7, 64])
    func chunkBoundaries(chunkSize: Int) throws {
        for fixture in [
            "csv/valid/spectrum.csv", "csv/malformed/embedded-newlines-then-error.csv",
            "csv/malformed/blank-lines.csv", "csv/malformed/stray-quote.csv",
            "csv/malformed/windows-1252.csv", "csv/valid/excel-trailing-columns.csv",
            "csv/malformed/mixed-line-endings.csv", "csv/malformed/truncated-mid-record.csv",
        ] {
            let whole = try readAll(Fixtures.path(fixture))
            let chunked = try readAll(Fixtures.path(fixture), chunkSize: chunkSize)
            #expect(chunked.rows == whole.rows, "\(fixture)")
            #expect(chunked.lines == whole.lines, "\(fixture)")
            #expect(chunked.offsets == whole.offsets, "\(fixture)")
            #expect(chunked.defects == whole.defects, "\(fixture)")
            #expect(chunked.blankLines == whole.blankLines, "\(fixture)")
            #expect(chunked.summary == whole.summary, "\(fixture)")
        }
    }
}
