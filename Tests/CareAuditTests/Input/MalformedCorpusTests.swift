import Testing

@testable import CareAudit

/// Every file under Fixtures/csv/malformed/ with the problems it must produce, exactly: nothing
/// missing, nothing extra, and rows read = accepted + rejected.
@Suite("Malformed corpus")
struct MalformedCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let expected: [String]  // "code@line:column"
        var dialect = CSVDialect()
        var kind: InputKind?
        var testDescription: String { file + (kind.map { " as \($0.rawValue)" } ?? "") }
    }

    static let cases: [Case] = [
        Case(file: "unterminated-quote-at-eof.csv", expected: ["unterminated-quote@3:4"]),
        Case(file: "stray-quote.csv", expected: ["stray-quote@2:4"]),
        Case(file: "text-after-closing-quote.csv", expected: ["stray-quote@2:4"]),
        Case(file: "ragged-short.csv", expected: ["ragged-row@3:2"]),
        Case(file: "ragged-long.csv", expected: ["ragged-row@2:5"]),
        Case(file: "blank-lines.csv", expected: ["blank-row@2:0", "blank-row@4:0", "blank-row@5:0"]),
        Case(file: "nul-byte.csv", expected: ["nul-byte@2:4"]),
        Case(file: "windows-1252.csv", expected: ["invalid-utf8@2:4"]),
        Case(file: "windows-1252.csv", expected: [], dialect: CSVDialect(encoding: .windows1252)),
        Case(file: "utf16-bom.csv", expected: ["utf16-encoding@1:0"]),
        Case(file: "empty.csv", expected: ["empty-file@1:0"]),
        Case(file: "header-only.csv", expected: ["no-data-rows@1:0"]),
        Case(file: "duplicate-headers.csv", expected: ["duplicate-header@1:5"]),
        Case(file: "semicolon-as-comma.csv", expected: ["wrong-delimiter@1:1"]),
        Case(file: "semicolon-as-comma.csv", expected: [], dialect: CSVDialect(delimiter: UInt8(ascii: ";"))),
        Case(file: "embedded-newlines-then-error.csv", expected: ["stray-quote@5:4"]),
        Case(file: "mixed-line-endings.csv", expected: []),
        Case(file: "truncated-mid-record.csv", expected: ["ragged-row@3:2"]),
        Case(file: "empty-headers.csv", expected: ["empty-header@1:2"]),
        Case(file: "bad-values.csv", expected: []),
        Case(file: "bad-billing-values.csv", expected: []),
    ]

    /// The same files read as the export kind they are: value problems appear too.
    static let typedCases: [Case] = [
        Case(
            file: "bad-values.csv", expected: ["bad-date@2:2", "bad-time@3:3", "bad-time@3:4", "bad-duration@4:5"],
            kind: .timesheet),
        Case(file: "bad-billing-values.csv", expected: ["bad-number@2:4", "bad-amount@3:6"], kind: .billing),
        // Its delimiter is detected (a notice says so): the rows are read, nothing is missing.
        Case(file: "semicolon-as-comma.csv", expected: ["detected-dialect@1:0"], kind: .timesheet),
        Case(file: "duplicate-headers.csv", expected: ["duplicate-header@1:5"], kind: .timesheet),
        Case(file: "stray-quote.csv", expected: ["stray-quote@2:4"], kind: .timesheet),
    ]

    @Test("typed as their export kind, value problems reject rows too", arguments: typedCases)
    func typed(_ testCase: Case) throws {
        let loaded = InputLoader(configuration: Configuration())
            .load([(Fixtures.path("csv/malformed/" + testCase.file), testCase.kind)])
        let summary = loaded.summaries[0]
        #expect(summary.problems.map { "\($0.code.rawValue)@\($0.line):\($0.column)" } == testCase.expected)
        #expect(summary.countsAddUp)
    }

    @Test("each malformed file gives its expected problems", arguments: cases)
    func corpus(_ testCase: Case) throws {
        let summary = try ExportReader(
            path: Fixtures.path("csv/malformed/" + testCase.file), kind: nil,
            dialect: testCase.dialect
        ).read()
        let found = summary.problems.map { "\($0.code.rawValue)@\($0.line):\($0.column)" }
        #expect(found == testCase.expected)
        #expect(summary.countsAddUp)
    }

    @Test("counts: rejected rows are named and counted, the next row is still read")
    func counts() throws {
        let summary = try ExportReader(path: Fixtures.path("csv/malformed/ragged-short.csv"), kind: nil).read()
        #expect(summary.rows == 3)
        #expect(summary.accepted == 2)
        #expect(summary.rejected == 1)
        #expect(summary.columns == 4)
    }

    @Test("Excel's trailing empty columns are accepted")
    func excelTrailing() throws {
        let summary = try ExportReader(path: Fixtures.path("csv/valid/excel-trailing-columns.csv"), kind: nil).read()
        #expect(summary.problems.isEmpty)
        #expect(summary.accepted == 2)
        #expect(summary.columns == 2)
    }
}
