import CareAudit
import Foundation
import Testing

@Suite("care-audit audit, rules, explain")
struct AuditCommandTests {
    let month = [
        "--timesheets", CLI.fixture("month/timesheets.csv"), "--billing", CLI.fixture("month/billing.csv"),
        "--roster", CLI.fixture("month/roster.csv"), "--config", CLI.fixture("month/care-audit.yml"),
    ]

    @Test("findings at or above --fail-on exit 1; the report goes to stdout, nothing to stderr")
    func findings() throws {
        let result = try CLI.run(["audit"] + month)
        #expect(result.status == 1)
        #expect(result.stdout.contains("CARE Act claiming audit for 2026-10"))
        #expect(result.stdout.contains("CARE invoice, 2026-10: "))
        #expect(result.stdout.contains("  2026-10    total  "))
        #expect(result.stdout.contains("PEER003  the billing export has no rendering taxonomy column"))
        #expect(
            result.stdout.contains(
                "Ann Lee (E1) claimed 09:00–10:00 on 2026-10-05 as CARE court report and billed H0038 09:30–10:15 to Medi-Cal on claim B01: 30 minutes claimed twice"
            ))
        #expect(result.stderr.isEmpty)
    }

    @Test("--timings: each phase's time and peak memory, and the slowest rules, on stderr; the report unchanged")
    func timings() throws {
        let plain = try CLI.run(["audit"] + month)
        let timed = try CLI.run(["audit", "--timings"] + month)
        #expect(timed.stdout == plain.stdout && timed.status == plain.status)
        let lines = timed.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.map { $0.split(separator: " ").first.map(String.init) ?? "" }.prefix(7)
                == ["read", "merge", "context", "rules", "result", "reports", "total"])
        #expect(lines.prefix(6).allSatisfy { $0.contains(" ms") && $0.contains("CPU") && $0.contains("peak RSS") })
        #expect(lines.last?.hasPrefix("slowest rules (each on one core): ") == true)
    }

    @Test("a clean month exits 0")
    func clean() throws {
        let dir = try CLI.temporaryDirectory()
        let timesheet = dir.appendingPathComponent("t.csv")
        let billing = dir.appendingPathComponent("b.csv")
        try
            "Staff ID,Date,Start,End,Activity,Client ID\nE1,2026-10-05,09:00,10:00,Peer support session,C1\nE1,2026-10-05,10:00,11:00,CARE court report,C1\n"
            .write(to: timesheet, atomically: true, encoding: .utf8)
        try "Claim ID,DOS,Start,End,HCPCS,Units,Rendering Staff ID,CIN\nB1,2026-10-05,09:00,09:45,H0038,3,E1,C1\n"
            .write(to: billing, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", "--timesheets", timesheet.path, "--billing", billing.path], in: dir)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("PEER001  no roster given"))
        #expect(result.stdout.contains("audit for 2026-10 (no period given: the month holding most records)"))
    }

    @Test("--fail-on info turns an info finding into exit 1; disabling rules in the configuration clears them")
    func failOn() throws {
        let dir = try CLI.temporaryDirectory()
        let config = dir.appendingPathComponent("c.yml")
        var yaml = "version: 1\nperiod: 2026-10\nclassification: {care_procedure_codes: [CR01]}\nrules:\n"
        for rule in [
            "CARE001", "CARE002", "CARE003", "DC001", "DC002", "DC003", "DC004", "DUP001", "DUP002", "DUP003",
            "INPUT001", "PEER001", "PEER002", "REF001", "REF002", "REF003", "TS001", "TS003", "TS004",
            "UNIT001", "UNIT002", "UNIT003",
        ] {
            yaml += "  \(rule): {enabled: false}\n"
        }
        try yaml.write(to: config, atomically: true, encoding: .utf8)
        var arguments = month
        arguments[arguments.count - 1] = config.path
        #expect(try CLI.run(["audit"] + arguments).status == 0)
        #expect(try CLI.run(["audit"] + arguments + ["--fail-on", "info"]).status == 1)
    }

    @Test("a quarter in one run: --period 2026-Q4 over three months' exports; --table invoice and --table ledger")
    func quarter() throws {
        let inputs =
            ["--timesheets"] + ["10", "11", "12"].map { CLI.fixture("quarter/timesheets-2026-\($0).csv") }
            + ["--billing"] + ["10", "11", "12"].map { CLI.fixture("quarter/billing-2026-\($0).csv") }
            + ["--roster", CLI.fixture("quarter/roster.csv"), "--config", CLI.fixture("quarter/care-audit.yml"), "--period", "2026-Q4"]
        let text = try CLI.run(["audit"] + inputs)
        #expect(text.stdout.contains("CARE invoice, 2026-Q4: 7.67 h net of 4.33 h adjustments (12.00 h gross); $654.50 at $85.37/h"))
        #expect(
            text.stdout.contains(
                "  period     total                                 720      120       60       30       30       20        460       7.67        $654.50"
            ))
        let invoice = try CLI.run(["audit"] + inputs + ["--format", "csv", "--table", "invoice"]).stdout
        let rows = invoice.components(separatedBy: "\r\n")
        #expect(
            rows[0]
                == "scope,month,staff_id,staff_name,category,gross_minutes,removed_CARE002,removed_TS003,removed_TS001,removed_DC001,removed_CARE001,net_minutes,net_hours,amount"
        )
        #expect(rows.contains("month,2026-11,,,total,240,60,60,30,0,0,90,1.50,128.06"))
        #expect(rows.contains("period,2026-Q4,,,total,720,120,60,30,30,20,460,7.67,654.50"))
        #expect(rows.contains("staff,2026-Q4,E1,Ann Lee,CARE_COURT_HEARING,210,120,0,30,0,0,60,1.00,85.37"))
        let ledger = try CLI.run(["audit"] + inputs + ["--format", "csv", "--table", "ledger"]).stdout.components(separatedBy: "\r\n")
            .filter { !$0.isEmpty }
        #expect(ledger.count == 9)  // header + 8 rows
        #expect(ledger[1].hasPrefix("DC001,error,") && ledger[1].hasSuffix(",T102,E1,2026-10-05,CARE_COURT_REPORT,30,42.69,"))
    }

    @Test("JSON report to a file")
    func json() throws {
        let output = try CLI.temporaryDirectory().appendingPathComponent("audit.json")
        let result = try CLI.run(["audit"] + month + ["--format", "json", "--output", output.path])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as! [String: Any]
        #expect(object["schema"] as? String == "care-audit/report@2")
        #expect((object["findings"] as! [Any]).count == 37)
        #expect((object["period"] as! [String: Any])["from"] as? String == "2026-10-01")
    }

    @Test("could not run: missing file, unusable header, bad period, bad configuration → exit 2")
    func couldNotRun() throws {
        #expect(try CLI.run(["audit", "--timesheets", "nope.csv"]).status == 2)
        #expect(try CLI.run(["audit"]).status == 2)
        #expect(try CLI.run(["audit"] + month + ["--period", "October"]).status == 2)
        let header = try CLI.run(["audit", "--timesheets", CLI.fixture("csv/valid/spectrum.csv")])
        #expect(header.status == 2)
        #expect(header.stderr.contains("[missing-column]"))
    }

    @Test("rules lists every rule; explain teaches one")
    func rulesAndExplain() throws {
        let rules = try CLI.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.split(separator: "\n").count == RuleRegistry.all.count + 1)  // and the header
        #expect(rules.stdout.contains("DC001     error    error      yes      CARE time overlaps a billed service"))
        let markdown = try CLI.run(["rules", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("| id | default |"))
        let json = try CLI.run(["rules", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [Any]).count == RuleRegistry.all.count)
        let explain = try CLI.run(["explain", "dc001"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("A-06-03-00046"))
        #expect(explain.stdout.contains("does not trigger: adjacent intervals do not overlap"))
        #expect(try CLI.run(["explain", "XX999"]).status == 2)
    }
}
