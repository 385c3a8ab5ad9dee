import Foundation
import Testing

/// Single mistakes a new user makes, each reported once, as its cause, not as hundreds of
/// findings (issue: one root cause, one finding). Each test starts from the example month.
@Suite("One root cause, one message")
struct RootCauseTests {
    static let example = CLI.repositoryRoot.appendingPathComponent("examples/county-month")
    static func file(_ name: String) -> String { example.appendingPathComponent(name).path }
    static let month = [
        "--timesheets", file("timesheets.csv"), "--billing", file("billing.csv"),
        "--roster", file("roster.csv"), "--config", file("care-audit.yml"),
    ]

    static func lines(_ name: String) throws -> [String] {
        // Lines end in CRLF (RFC 4180), one Character: split at any line end.
        try String(contentsOfFile: file(name), encoding: .utf8).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(
            String.init)
    }

    @Test("the same timesheet twice: exit 2 naming both paths, not thousands of TS001")
    func sameFileTwice() throws {
        let copy = try CLI.temporaryDirectory().appendingPathComponent("timesheets-copy.csv")
        try FileManager.default.copyItem(atPath: Self.file("timesheets.csv"), toPath: copy.path)
        let result = try CLI.run(["audit", "--timesheets", Self.file("timesheets.csv"), copy.path] + Self.month.dropFirst(2))
        #expect(result.status == 2)
        #expect(result.stderr.contains("timesheets-copy.csv is the same file as \(Self.file("timesheets.csv")) (same SHA-256)"))
        #expect(!result.stdout.contains("TS001"))
    }

    @Test("the same entry ids in two timesheet files: a warning naming the first copy, in the audit's report")
    func repeatedEntryIDs() throws {
        let rows = try Self.lines("timesheets.csv")
        let dir = try CLI.temporaryDirectory()
        let first = dir.appendingPathComponent("week1.csv")
        let second = dir.appendingPathComponent("week1-again.csv")
        try (rows[0...40].joined(separator: "\n") + "\n").write(to: first, atomically: true, encoding: .utf8)
        // A re-export: the last ten entries again, and new ones.
        try (([rows[0]] + rows[31...40] + rows[41...60]).joined(separator: "\n") + "\n").write(
            to: second, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", "--timesheets", first.path, second.path] + Self.month.dropFirst(2))
        #expect(
            result.stdout.contains(
                "warning: \(second.path):2: 10 entry ids of this file are already in \(first.path) (first: T0000031 at \(first.path):32): the same entries exported twice?"
            ), "\(result.stdout.prefix(1500))")
    }

    @Test("a Windows-1252 timesheet without --encoding: detected, every row read; the UTF-8 roster stays UTF-8")
    func windows1252() throws {
        let text = try String(contentsOfFile: Self.file("timesheets.csv"), encoding: .utf8)
            .replacingOccurrences(of: "Court report", with: "Court report – Ramírez")
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("timesheets-cp1252.csv")
        let utf8 = dir.appendingPathComponent("timesheets-utf8.csv")
        try text.data(using: .windowsCP1252)!.write(to: path)
        try text.write(to: utf8, atomically: true, encoding: .utf8)
        func report(_ file: URL) throws -> [String: Any] {
            let result = try CLI.run(["audit", "--timesheets", file.path] + Self.month.dropFirst(2) + ["--format", "json"])
            #expect(result.status == 1)
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        }
        let (cp1252, same) = (try report(path), try report(utf8))
        // Every row read (the example's own bad date aside); the same findings as the UTF-8 file.
        #expect((cp1252["inputs"] as! [[String: Any]])[0]["rejected"] as? Int == 1)
        #expect(
            (cp1252["summary"] as! [String: Any])["findings_by_rule"] as? [String: Int]
                == (same["summary"] as! [String: Any])["findings_by_rule"] as? [String: Int])
        let text2 = try CLI.run(["audit", "--timesheets", path.path] + Self.month.dropFirst(2)).stdout
        #expect(text2.contains("note: \(path.path):1: not valid UTF-8 (line "))
        #expect(text2.contains("read as Windows-1252"))
        #expect(text2.contains("Rosa Ramírez"))  // the roster, UTF-8, read as UTF-8
        // Told otherwise for that one file, the bytes are rows with bad text again.
        let forced = try CLI.run(
            ["audit", "--timesheets", path.path] + Self.month.dropFirst(2) + ["--encoding", "\(path.path)=utf-8", "--format", "json"])
        let forcedInput =
            ((try JSONSerialization.jsonObject(with: Data(forced.stdout.utf8)) as! [String: Any])["inputs"] as! [[String: Any]])[0]
        #expect((forcedInput["rejected"] as! Int) > 100)
    }

    @Test("a semicolon-delimited billing export: detected and read, with a notice")
    func semicolons() throws {
        let text = try String(contentsOfFile: Self.file("billing.csv"), encoding: .utf8).replacingOccurrences(of: ",", with: ";")
        let path = try CLI.temporaryDirectory().appendingPathComponent("billing-semicolons.csv")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "audit", "--timesheets", Self.file("timesheets.csv"), "--billing", path.path,
            "--roster", Self.file("roster.csv"), "--config", Self.file("care-audit.yml"),
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains("read as ';'-delimited (detected from its first lines"))
        #expect(result.stdout.contains("billing-semicolons.csv  billing        1,870 rows      1,870 accepted        0 rejected"))
    }

    @Test("many rows lost: every report opens with INCOMPLETE; a day that lost a row gets no DC004/TS004")
    func incomplete() throws {
        var rows = try Self.lines("timesheets.csv")
        // Break 60 rows (1.4%): a bad date on each, and among them P16's leave day (TS004 there).
        let broken = rows.indices.filter { $0 > 0 && !rows[$0].isEmpty }.suffix(60)
        for index in broken {
            var fields = rows[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[4] = "25:99"  // start time
            rows[index] = fields.joined(separator: ",")
        }
        let path = try CLI.temporaryDirectory().appendingPathComponent("timesheets-broken.csv")
        try rows.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
        let args = ["audit", "--timesheets", path.path] + Self.month.dropFirst(2)
        let text = try CLI.run(args).stdout
        let lines = text.components(separatedBy: "\n")
        #expect(lines[3].hasPrefix("INCOMPLETE: \(path.path) lost 60 of 4,294 rows (1.4%) to reading errors"), "\(lines.prefix(5))")
        #expect(text.contains("Not checked: DC004 and TS004 on "))
        // Without the rows, P16's billed service looks unworked: no finding says so.
        #expect(!text.contains("Hannah Lopez (P16) on 2026-10-08: 0 CARE minutes"))
        let html = try CLI.run(args + ["--format", "html"]).stdout
        #expect(html.contains("<p class=alert>INCOMPLETE: "))
        let json = try JSONSerialization.jsonObject(with: Data(try CLI.run(args + ["--format", "json"]).stdout.utf8)) as! [String: Any]
        let summary = json["summary"] as! [String: Any]
        #expect(summary["incomplete_inputs"] as? [String] == [path.path])
        #expect(((summary["days_not_checked"] as? [[String: String]]) ?? []).contains(["staff_id": "P16", "date": "2026-10-08"]))
    }

    @Test("a renamed participant column: CARE003 and DC002 are listed as not run, not 1,177 warnings")
    func missingParticipantColumn() throws {
        var rows = try Self.lines("timesheets.csv")
        rows[0] = rows[0].replacingOccurrences(of: "Client ID", with: "Respondent")
        let path = try CLI.temporaryDirectory().appendingPathComponent("timesheets-renamed.csv")
        try rows.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
        #expect(rows[0].contains("Respondent"))
        let text = try CLI.run(["audit", "--timesheets", path.path] + Self.month.dropFirst(2)).stdout
        #expect(text.contains("CARE003  the timesheet export has no participant id column"))
        #expect(text.contains("DC002    the timesheet export has no participant id column"))
        #expect(!text.contains("with no participant id\n"))
    }

    @Test("a period the exports do not reach: exit 2 naming the months they are in")
    func wrongPeriod() throws {
        let result = try CLI.run(["audit"] + Self.month + ["--period", "2025-03"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "the period 2025-03 holds no record: the exports are dated 2026-10 (6,162 records), 2026-09 (1 record); did you mean --period 2026-10?"
            ))
        #expect(result.stdout.isEmpty)
    }

    @Test("no configuration: stderr and the report say the built-in defaults were used")
    func noConfiguration() throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["audit", "--timesheets", Self.file("timesheets.csv"), "--billing", Self.file("billing.csv")], in: dir)
        #expect(result.stderr.contains("note: no configuration file (no care-audit.yml here, no --config): the built-in defaults are used"))
        #expect(
            result.stdout.contains("configuration: built-in defaults (no care-audit.yml; `care-audit init` writes one from your exports)"))
        // With a configuration, no note.
        #expect(!(try CLI.run(["audit"] + Self.month).stderr.contains("built-in defaults")))
    }

    @Test("swapped --timesheets and --billing: each named for what it is, exit 2")
    func swapped() throws {
        let result = try CLI.run([
            "audit", "--timesheets", Self.file("billing.csv"), "--billing", Self.file("timesheets.csv"),
            "--roster", Self.file("roster.csv"), "--config", Self.file("care-audit.yml"),
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "billing.csv:1:0: error: these headers are a billing export's (\"Claim Number\", \"DOS\", \"HCPCS\", \"Units\", \"Rendering Staff ID\"), not a timesheet export's: give the file as --billing [wrong-kind]"
            ))
        #expect(!result.stderr.contains("staff_id under columns"))
        #expect(!result.stderr.contains("rows not read"))
    }

    @Test(
        "a PDF or a workbook renamed .csv: what it is, exit 2, not 'headers found: %PDF-1.4'",
        arguments: [
            ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "this is a PDF document"),
            ("PK\u{03}\u{04}\u{14}\u{00}\u{06}\u{00}[Content_Types].xml", "this is a ZIP archive (an Excel .xlsx workbook is one)"),
        ])
    func notCSV(content: String, says: String) throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("timesheets.csv")
        try content.write(to: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", "--timesheets", path.path] + Self.month.dropFirst(2))
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path.path): error: \(says)"), "\(result.stderr)")
        #expect(!result.stderr.contains("headers found") && !result.stderr.contains("rows not read"))
    }
}
