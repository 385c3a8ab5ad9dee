import Foundation
import Testing

/// The Excel workbook, read back with an independent reader (openpyxl), and the review round
/// trip: audit → Findings CSV → a reviewer's decisions → audit with --review.
@Suite("Workbook and review decisions")
struct WorkbookReviewTests {
    static let example = CLI.repositoryRoot.appendingPathComponent("examples/county-month")
    static func file(_ name: String) -> String { example.appendingPathComponent(name).path }
    static let month = [
        "--timesheets", file("timesheets.csv"), "--billing", file("billing.csv"),
        "--roster", file("roster.csv"), "--config", file("care-audit.yml"),
    ]

    /// A month whose staff id has leading zeros and whose texts try to be formulas and markup.
    static func hostileMonth() throws -> (dir: URL, arguments: [String]) {
        let dir = try CLI.temporaryDirectory()
        let timesheets = """
            Entry ID,Employee ID,Employee Name,Date,Start,End,Activity,Client ID
            T1,00712,"=HYPERLINK(""http://x.example"",""Ana"")",2026-10-05,09:00,10:00,"=HYPERLINK(""http://x.example"")",C1
            T2,00712,"=HYPERLINK(""http://x.example"",""Ana"")",2026-10-05,09:30,10:30,<script>alert(1)</script>,C1
            T3,00712,"=HYPERLINK(""http://x.example"",""Ana"")",2026-10-06,09:00,10:00,CARE court report,C2

            """
        let billing = """
            Claim Number,Line,CIN,DOS,Start,End,HCPCS,Units,Rendering Staff ID,Charge,Status
            B1,1,C2,2026-10-06,09:30,10:15,H0038,3,00712,120.00,PAID

            """
        try timesheets.write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        try billing.write(to: dir.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
        try "version: 1\ncare: {hourly_rate: 85.37}\n".write(
            to: dir.appendingPathComponent("care-audit.yml"), atomically: true, encoding: .utf8)
        return (
            dir,
            [
                "--timesheets", dir.appendingPathComponent("t.csv").path, "--billing", dir.appendingPathComponent("b.csv").path,
                "--config", dir.appendingPathComponent("care-audit.yml").path,
            ]
        )
    }

    @Test("xlsx: sheets, header, ids as text, dates as dates, amounts as numbers, one row per finding, hostile text as text")
    func workbook() throws {
        let (dir, arguments) = try Self.hostileMonth()
        let xlsx = dir.appendingPathComponent("audit.xlsx").path
        let run = try CLI.run(["audit"] + arguments + ["--report", "xlsx=\(xlsx)", "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let findings = ((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any])["findings"] as! [Any]).count
        let script = """
            import sys, datetime, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            print("sheets", book.sheetnames)
            sheet = book["Findings"]
            print("header", [c.value for c in sheet[1]])
            print("rows", sheet.max_row - 1)
            staff = {sheet.cell(row=r, column=3).value for r in range(2, sheet.max_row + 1)} - {None}
            filled = lambda column: [sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=column).value is not None]
            print("staff", sorted(staff), all(c.data_type == "s" for c in filled(3) + filled(4)), {c.value for c in filled(4)})
            print("dates", all(isinstance(c.value, datetime.datetime) for c in filled(5)), len(filled(5)))
            amounts = [sheet.cell(row=r, column=9).value for r in range(2, sheet.max_row + 1)]
            print("amounts", all(a is None or isinstance(a, (int, float)) for a in amounts), sheet.cell(row=2, column=9).number_format)
            texts = [c.value for row in book["Findings"].iter_rows() for c in row if isinstance(c.value, str)]
            print("formulas", any(c.data_type == "f" for ws in book for row in ws.iter_rows() for c in row))
            print("hostile", any("=HYPERLINK(" in t for t in texts), any("<script>" in t for t in texts))
            print("frozen", sheet.freeze_panes, "filter", sheet.auto_filter.ref is not None)
            print("validation", [v.formula1 for v in sheet.data_validations.dataValidation])
            print("summary", book["Summary"]["A1"].value)
            """
        let read = try CLI.run(["python3", "-c", script, xlsx], tool: "/usr/bin/env")
        #expect(read.status == 0, "\(read.stderr)")
        let lines = read.stdout.components(separatedBy: "\n")
        #expect(lines.contains("sheets ['Summary', 'Findings', 'Staff', 'Invoice', 'Ledger', 'Rules']"))
        #expect(
            lines.contains(
                "header ['Rule', 'Severity', 'Staff ID', 'Staff name', 'Date', 'Participant', 'Claim IDs', 'Minutes', 'Amount', 'Money total', 'File', 'Line', 'Records', 'Message', 'Fingerprint', 'Decision', 'Note', 'Reviewer']"
            ))
        #expect(lines.contains("rows \(findings)"))
        #expect(lines.contains("staff ['00712'] True {'=HYPERLINK(\"http://x.example\",\"Ana\")'}"), "\(read.stdout)")
        #expect(lines.contains { $0.hasPrefix("dates True ") })  // every date filled is a date cell
        #expect(lines.contains("amounts True \"$\"#,##0.00") || lines.contains("amounts True $#,##0.00"), "\(read.stdout)")
        #expect(lines.contains("formulas False"))
        #expect(lines.contains("hostile True True"))
        #expect(lines.contains("frozen A2 filter True"))
        #expect(lines.contains("validation ['\"confirmed,corrected,false_positive,accepted\"']"))
        #expect(lines.contains("summary CARE Act claiming audit: 2026-10"))
        // A workbook is not written to a terminal; `-o x.xlsx` infers the format.
        #expect(try CLI.run(["audit"] + arguments + ["-o", dir.appendingPathComponent("by-extension.xlsx").path]).status == 1)
        #expect(FileManager.default.contents(atPath: dir.appendingPathComponent("by-extension.xlsx").path)?.prefix(2) == Data("PK".utf8))
    }

    @Test("review round trip: two false positives and one confirmation; a fixed finding's decision is stale")
    func review() throws {
        let dir = try CLI.temporaryDirectory()
        let csv = dir.appendingPathComponent("findings.csv").path
        _ = try CLI.run(["audit"] + Self.month + ["--format", "csv", "-o", csv])
        // The reviewer fills the decision, note and reviewer columns (here: by the findings' rules).
        var rows = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = rows[0].components(separatedBy: ",")
        #expect(Array(header.suffix(4)) == ["fingerprint", "decision", "note", "reviewer"])
        func decide(_ rule: String, _ decision: String, _ note: String) {
            let index = rows.firstIndex { $0.hasPrefix(rule + ",") }!
            rows[index] = String(rows[index].dropLast(2)) + "\(decision),\(note),M. Ortiz"
        }
        decide("DUP001", "false_positive", "two sessions that day")
        decide("UNIT001", "false_positive", "units per the payer contract")
        decide("DC001", "confirmed", "to be corrected in November")
        decide("PEER004", "accepted", "renewal filed")
        // A decision about a finding that a corrected export no longer produces.
        rows.append(
            "TS999,error,,,,,,,,,,,,an old finding fixed at the source,0123456789abcdef0123456789abcdef,confirmed,fixed in October,M. Ortiz"
        )
        let review = dir.appendingPathComponent("review.csv").path
        try (rows.joined(separator: "\r\n") + "\r\n").write(toFile: review, atomically: true, encoding: .utf8)

        let before = try CLI.run(["audit"] + Self.month + ["--format", "json"])
        let after = try CLI.run(["audit"] + Self.month + ["--review", review, "--format", "json"])
        #expect(after.status == 1)  // other errors remain
        func report(_ run: CLI.Result) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        }
        let (old, new) = (try report(before), try report(after))
        #expect((new["findings"] as! [Any]).count == (old["findings"] as! [Any]).count - 3)
        let aside = (new["set_aside"] as! [[String: Any]]).map { "\($0["rule"]!):\(($0["decision"] as! [String: Any])["decision"]!)" }
        #expect(aside.sorted() == ["DUP001:false_positive", "PEER004:accepted", "UNIT001:false_positive"])
        let confirmed = (new["findings"] as! [[String: Any]]).first { $0["rule"] as? String == "DC001" }!
        #expect((confirmed["decision"] as? [String: Any])?["note"] as? String == "to be corrected in November")
        #expect((new["stale_decisions"] as! [[String: Any]]).map { $0["fingerprint"] as! String } == ["0123456789abcdef0123456789abcdef"])
        // A false positive no longer counts in the money: DUP001's and UNIT001's lines leave the exposure.
        let exposure = { (r: [String: Any]) in ((r["summary"] as! [String: Any])["billing_exposure"] as! [String: Any])["amount"] as! String
        }
        #expect(exposure(old) == "1365.00" && exposure(new) == "1172.50")
        let text = try CLI.run(["audit"] + Self.month + ["--review", review]).stdout
        #expect(
            text.contains(
                "Review: 4 of 27 findings decided (1 confirmed, 2 false positive, 1 accepted); 3 set aside; 1 stale decision (no longer found)"
            ))
        #expect(text.contains("30 minutes claimed twice [confirmed: to be corrected in November (M. Ortiz)]"))
        #expect(text.contains("Set aside by review (3): not failing the run"))
        #expect(text.contains("\(review):\(rows.count): TS999 an old finding fixed at the source [confirmed: fixed in October (M. Ortiz)]"))
        // Only set-aside findings at the threshold: with every error decided, the run would pass.
        let bad = dir.appendingPathComponent("bad.csv").path
        try "fingerprint,decision\nabc,maybe\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["audit"] + Self.month + ["--review", bad])
        #expect(
            refused.status == 2 && refused.stderr.contains("bad.csv:2: error: decision: \"maybe\" is not a decision"), "\(refused.stderr)")
    }
}
