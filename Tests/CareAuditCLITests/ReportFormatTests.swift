import CareAudit
import Foundation
import Testing

/// Every report format on the fixture month: goldens (byte-exact; UPDATE_GOLDENS=1 rewrites),
/// plus the properties each format's consumers rely on.
@Suite("Report formats")
struct ReportFormatTests {
    static let month = [
        "audit", "--timesheets", "Fixtures/month/timesheets.csv", "--billing", "Fixtures/month/billing.csv",
        "--roster", "Fixtures/month/roster.csv", "--config", "Fixtures/month/care-audit.yml",
    ]

    static func report(_ format: String, _ extra: [String] = []) throws -> String {
        // A fixed clock (SOURCE_DATE_EPOCH), so the SARIF invocation's times match the golden.
        let result = try CLI.run(month + ["--format", format] + extra, environment: ["SOURCE_DATE_EPOCH": "1767225600"])
        #expect(result.status == 1, "\(result.stderr)")
        return result.stdout
    }

    @Test("goldens", arguments: ["text", "json", "jsonl", "csv", "markdown", "sarif", "junit", "github", "html"])
    func golden(format: String) throws {
        let output = try Self.report(format)
        let url = CLI.repositoryRoot.appendingPathComponent("Fixtures/golden/month.\(format)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
        } else {
            #expect(output == (try String(contentsOf: url, encoding: .utf8)), "rerun with UPDATE_GOLDENS=1 if intended")
        }
    }

    @Test("CSV: one row per finding, spreadsheet-safe, negative numbers kept, summary table, BOM")
    func csv() throws {
        let rows = try Self.report("csv").split(separator: "\r\n")
        #expect(rows.count == 38)
        #expect(
            rows[0]
                == "rule,severity,staff_id,staff_name,date,participant,claim_ids,minutes,amount,money,file,line,records,message,fingerprint,decision,note,reviewer"
        )
        let summary = try Self.report("csv", ["--table", "summary", "--bom"])
        #expect(summary.hasPrefix("\u{FEFF}scope,staff_id,category,minutes,hours\r\n"))
        #expect(summary.contains("period,,CARE_COURT_REPORT,180,3.00\r\n"))
        #expect(summary.contains("staff,E1,CARE_COURT_HEARING,60,1.00\r\n"))
    }

    @Test("SARIF 2.1.0: every rule described, one result per finding at the export line")
    func sarif() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try Self.report("sarif").utf8)) as! [String: Any]
        #expect(object["version"] as? String == "2.1.0")
        let run = (object["runs"] as! [[String: Any]])[0]
        let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
        #expect((driver["rules"] as! [Any]).count == RuleRegistry.all.count)
        let results = run["results"] as! [[String: Any]]
        #expect(results.count == 37)
        let dc001 = results.first { $0["ruleId"] as? String == "DC001" }!
        #expect(dc001["level"] as? String == "error")
        let locations = dc001["locations"] as! [[String: Any]]
        #expect(locations.count == 1)
        let location = locations[0]["physicalLocation"] as! [String: Any]
        #expect((location["region"] as! [String: Any])["startLine"] as? Int == 2)
        // The other records are related locations; the fingerprint is the baseline's content key.
        #expect((dc001["relatedLocations"] as? [[String: Any]])?.count == 1)
        #expect(((dc001["partialFingerprints"] as? [String: String])?["careAuditContent/v2"])?.count == 32)
        #expect(results.contains { $0["level"] as? String == "note" })
        let invocation = (run["invocations"] as! [[String: Any]])[0]
        #expect(invocation["exitCode"] as? Int == 1 && invocation["startTimeUtc"] as? String == "2026-01-01T00:00:00Z")
        #expect((invocation["commandLine"] as? String)?.hasPrefix("care-audit audit --timesheets Fixtures/month/timesheets.csv") == true)
    }

    @Test("SARIF validates against the schema of what it writes (Fixtures/schemas), with a real validator")
    func sarifSchema() throws {
        let dir = try CLI.temporaryDirectory()
        let sarif = dir.appendingPathComponent("audit.sarif")
        try Self.report("sarif").write(to: sarif, atomically: true, encoding: .utf8)
        let python = try CLI.validateSARIF(sarif.path)
        #expect(python.status == 0, "\(python.stderr)")
        #expect(python.stdout == "valid\n")
    }

    @Test("JUnit: a test case per rule; failing, skipped and passing ones")
    func junit() throws {
        let xml = try Self.report("junit")
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == RuleRegistry.all.count)
        // Only findings at or above --fail-on (default error) fail a test case; the rest are output.
        #expect(xml.contains("tests=\"\(RuleRegistry.all.count)\" failures=\"13\" skipped=\"1\""))
        #expect(
            xml.contains(
                "<testcase classname=\"care-audit.PEER004\" name=\"PEER004 Peer certificate expires soon\">\n      <system-out>info:"))
        #expect(
            try Self.report("junit", ["--fail-on", "warning"]).contains("tests=\"\(RuleRegistry.all.count)\" failures=\"22\" skipped=\"1\"")
        )
        #expect(
            try Self.report("junit", ["--fail-on", "info"]).contains("tests=\"\(RuleRegistry.all.count)\" failures=\"23\" skipped=\"1\""))
        #expect(xml.contains("<skipped message=\"the billing export has no rendering taxonomy column\"/>"))
    }

    @Test("JUnit validates against the schema CI dashboards read (Fixtures/schemas/junit.xsd), failing or not")
    func junitSchema() throws {
        let dir = try CLI.temporaryDirectory()
        for (name, extra) in [("errors", []), ("never", ["--fail-on", "never"]), ("info", ["--fail-on", "info"])] {
            let path = dir.appendingPathComponent("\(name).xml")
            let result = try CLI.run(Self.month + ["--format", "junit"] + extra, environment: ["SOURCE_DATE_EPOCH": "1767225600"])
            try result.stdout.write(to: path, atomically: true, encoding: .utf8)
            let check = try CLI.validateJUnit(path.path)
            #expect(check.status == 0 && check.stdout == "valid\n", "\(name): \(check.stderr)")
        }
        // The schema is not a rubber stamp: a test case without a name is refused.
        let broken = dir.appendingPathComponent("broken.xml")
        try "<testsuites><testsuite name=\"x\" tests=\"1\"><testcase classname=\"y\"/></testsuite></testsuites>"
            .write(to: broken, atomically: true, encoding: .utf8)
        #expect(try CLI.validateJUnit(broken.path).status != 0)
    }

    @Test("GitHub annotations: at most ten per severity, then a notice with the rest")
    func github() throws {
        let lines = try Self.report("github").split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 10)
        #expect(lines.last == "::notice title=care-audit::16 more findings not annotated; see the full report")
        #expect(lines.first!.hasPrefix("::error file=Fixtures/month/timesheets.csv,line=14,title=CARE002 "))
    }

    @Test("JSON lines: one parseable finding per line")
    func jsonl() throws {
        let lines = try Self.report("jsonl").split(separator: "\n")
        #expect(lines.count == 37)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
    }

    @Test("Markdown stays under GitHub's 1 MiB step-summary limit; HTML loads nothing from outside")
    func markdownAndHTML() throws {
        let markdown = try Self.report("markdown")
        #expect(markdown.utf8.count < 1 << 20)
        #expect(markdown.contains("| errors | warnings | info |"))
        let html = try Self.report("html")
        #expect(html.contains("<svg"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import"))
        #expect(html.contains("@media print"))
    }

    @Test("HTML is a sign-off page: the money line first, hashes, tool version, generation time, names, filters, a signature block")
    func htmlSignOff() throws {
        let html = try Self.report("html")
        let money = try #require(html.range(of: "<p class=net>CARE invoice, 2026-10: 9.17 h net of 1.83 h adjustments (11.00 h gross)"))
        #expect(money.lowerBound < html.range(of: "<h2>Inputs</h2>")!.lowerBound)
        // Every input's SHA-256, the configuration's hash and the tool version.
        let json = try JSONSerialization.jsonObject(with: Data(try Self.report("json").utf8)) as! [String: Any]
        for input in json["inputs"] as! [[String: Any]] { #expect(html.contains(input["sha256"] as! String)) }
        #expect(
            html.range(
                of: #"configuration Fixtures/month/care-audit.yml <span class=hash title="[^"]+">[0-9a-f]{16}…</span>"#,
                options: .regularExpression) != nil)
        let version = try CLI.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(html.contains("· care-audit \(version)"))
        // SOURCE_DATE_EPOCH 1767225600 is 2026-01-01 00:00 UTC: the page says when, reproducibly.
        #expect(html.contains("generated 2026-01-01 00:00 UTC"))
        // Human category names, staff names beside ids, severity filter in order of seriousness.
        #expect(html.contains("<td>CARE court report</td>") && !html.contains(">CARE_COURT_REPORT<"))
        #expect(html.contains("<td data-label=staff>Ann Lee (E1)</td>"))
        #expect(
            html.contains(
                "<select id=severity><option value=\"\">all</option><option>error</option><option>warning</option><option>info</option></select>"
            ))
        #expect(html.contains("data-sort=2><span class=error>error</span>"))
        #expect(html.contains("id=state") && html.contains("Showing all 37 findings."))
        #expect(html.contains("<span>Prepared by</span>") && html.contains("<span>Reviewed by</span>"))
        // Printing keeps headings with what follows and shows the filter state; phone width turns
        // the findings table into cards.
        #expect(html.contains("h2::after") && html.contains("@media (max-width:640px)") && html.contains("table.cards td::before"))
    }

    @Test("several reports in one run; the same path twice is refused")
    func severalReports() throws {
        let dir = try CLI.temporaryDirectory()
        let csv = dir.appendingPathComponent("f.csv").path
        let sarif = dir.appendingPathComponent("a.sarif").path
        let result = try CLI.run(Self.month + ["--report", "csv=\(csv)", "--report", "sarif=\(sarif)", "--quiet"])
        #expect(result.status == 1)
        #expect(FileManager.default.fileExists(atPath: csv) && FileManager.default.fileExists(atPath: sarif))
        #expect(result.stdout.contains("CARE Act claiming audit"))
        #expect(try CLI.run(Self.month + ["--report", "csv=\(csv)", "--report", "json=\(csv)"]).status == 2)
        #expect(try CLI.run(Self.month + ["--report", "pdf=\(csv)"]).status == 2)
        #expect(try CLI.run(["validate", "--timesheets", "Fixtures/month/timesheets.csv", "--format", "html"]).status == 2)
    }

    @Test("a report to a FIFO (or /dev/null) is written into it, never renamed over it")
    func specialFile() throws {
        let fifo = try CLI.temporaryDirectory().appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Thread {
            _ = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile()
        }
        reader.start()
        #expect(try CLI.run(Self.month + ["--format", "csv", "--output", fifo]).status == 1)
        var info = stat()
        #expect(stat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test("color only when asked or on a terminal, never with NO_COLOR")
    func color() throws {
        #expect(try Self.report("text", ["--color", "always"]).contains("\u{1B}[31;1m"))
        #expect(!(try Self.report("text")).contains("\u{1B}["))
        let noColor = try CLI.run(Self.month + ["--color", "auto"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test("baseline: known findings are suppressed, also after lines shift; new ones still show")
    func baseline() throws {
        let dir = try CLI.temporaryDirectory()
        let baseline = dir.appendingPathComponent("baseline.txt").path
        #expect(try CLI.run(Self.month + ["--write-baseline", baseline]).status == 1)
        let contents = try String(contentsOfFile: baseline, encoding: .utf8)
        let lines: [String] = contents.split(separator: "\n").map(String.init)
        #expect(lines.count == 38)
        let entries: [String] = Array(lines.dropFirst())
        #expect(entries == entries.sorted())
        let same = try CLI.run(Self.month + ["--baseline", baseline])
        #expect(same.status == 0)
        #expect(same.stderr.contains("37 findings already in the baseline are not reported"))
        // A re-export with a new row on top: every line moves, one finding is new.
        var timesheet = try String(contentsOfFile: CLI.fixture("month/timesheets.csv"), encoding: .utf8)
        let headerEnd = timesheet.firstIndex(of: "\n")!
        timesheet.insert(contentsOf: "\nT99,E1,2026-10-30,09:00,10:00,,,Misc,,0,REG,CARE", at: headerEnd)
        let shifted = dir.appendingPathComponent("timesheets.csv")
        try timesheet.write(to: shifted, atomically: true, encoding: .utf8)
        var arguments = Self.month + ["--baseline", baseline, "--format", "json"]
        arguments[2] = shifted.path
        let result = try CLI.run(arguments)
        let findings = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["findings"] as! [[String: Any]]
        #expect(findings.map { $0["rule"] as! String } == ["REF002"])
        #expect(try CLI.run(Self.month + ["--baseline", "/nonexistent/baseline.txt"]).status == 2)
    }

    @Test("redaction: no participant id in any format; tokens are stable for one key")
    func redaction() throws {
        let participants = ["C100", "C101", "C102", "C103", "C200", "C201", "C300", "C400", "C401", "C500", "C501", "C600"]
        for format in ["text", "json", "csv", "sarif", "html", "markdown", "jsonl", "github", "junit"] {
            let result = try CLI.run(Self.month + ["--format", format, "--redact"], environment: ["CARE_AUDIT_REDACT_KEY": "k1"])
            for id in participants { #expect(!result.stdout.contains(id), "\(format) shows \(id)") }
        }
        let a = try CLI.run(Self.month + ["--redact"], environment: ["CARE_AUDIT_REDACT_KEY": "k1"])
        let b = try CLI.run(Self.month + ["--redact"], environment: ["CARE_AUDIT_REDACT_KEY": "k1"])
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("participant P-"))
        let random = try CLI.run(Self.month + ["--redact"], environment: ["CARE_AUDIT_REDACT_KEY": ""])
        #expect(random.stderr.contains("random key"))
    }
}
