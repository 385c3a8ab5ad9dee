import Foundation
import Testing

@Suite("care-audit validate")
struct ValidateCommandTests {
    @Test("a clean file exits 0 and reports its facts")
    func clean() throws {
        let result = try CLI.run(["validate", CLI.fixture("csv/valid/excel-trailing-columns.csv")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 rows: 2 accepted, 0 rejected; 2 columns, 28 bytes, 0 blank lines skipped"))
        #expect(result.stdout.contains("sha256 ada725f6bd46cf70af631add9d935ee71de16b5d3e22bcbd9bb959fe3b3b9206"))
        #expect(result.stderr.isEmpty)
    }

    @Test("errors exit 1 and are printed as file:line:column: severity: message [code]")
    func errors() throws {
        let path = CLI.fixture("csv/malformed/stray-quote.csv")
        let result = try CLI.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(path):2:4: error: stray quote"))
        #expect(result.stdout.contains("[stray-quote]"))
    }

    @Test("--fail-on sets the threshold")
    func failOn() throws {
        let blank = CLI.fixture("csv/malformed/blank-lines.csv")
        #expect(try CLI.run(["validate", blank]).status == 0)
        #expect(try CLI.run(["validate", blank, "--fail-on", "warning"]).status == 1)
    }

    @Test("missing file and bad arguments exit 2 with a message on stderr")
    func couldNotRun() throws {
        let missing = try CLI.run(["validate", "--timesheets", "no-such-file.csv"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.csv: no such file"))
        #expect(missing.stdout.isEmpty)
        #expect(try CLI.run(["validate"]).status == 2)
        #expect(try CLI.run(["validate", "x.csv", "--delimiter", "ab"]).status == 2)
        #expect(try CLI.run(["validate", "x.csv", "--format", "pdf"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
    }

    @Test("a timesheet without a staff column is missing-column and exit 2, as the audit refuses it")
    func missingColumn() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("t.csv")
        try "Employee,Date,Hours\nE1,2026-10-01,1.0\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "--timesheets", file.path])
        #expect(result.status == 2)
        #expect(try CLI.run(["audit", "--timesheets", file.path]).status == 2)
        #expect(result.stdout.contains("[missing-column]"))
        #expect(result.stdout.contains("closest header found: \"Employee\""))
    }

    @Test("--format json has the files, counts and problems; --output writes it")
    func json() throws {
        let dir = try CLI.temporaryDirectory()
        let output = dir.appendingPathComponent("report.json")
        let result = try CLI.run([
            "validate", CLI.fixture("csv/malformed/ragged-short.csv"),
            "--format", "json", "--output", output.path,
        ])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as! [String: Any]
        #expect(object["schema"] as? String == "care-audit/validation@1")
        let file = (object["files"] as! [[String: Any]])[0]
        #expect(file["rows"] as? Int == 3)
        #expect(file["accepted"] as? Int == 2)
        #expect(file["rejected"] as? Int == 1)
        let problem = (file["problems"] as! [[String: Any]])[0]
        #expect(problem["code"] as? String == "ragged-row")
        #expect(problem["line"] as? Int == 3)
    }

    @Test("an unwritable --output is exit 2 before any work")
    func unwritableOutput() throws {
        let result = try CLI.run(["validate", CLI.fixture("csv/valid/spectrum.csv"), "--output", "/nonexistent/dir/r.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/dir"))
    }

    @Test("--help teaches: examples and problem codes")
    func help() throws {
        let result = try CLI.run(["validate", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("unterminated-quote"))
    }
}
