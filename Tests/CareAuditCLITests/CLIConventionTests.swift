import Foundation
import Testing

/// Command-line conventions CI users expect from linters (ruff, SwiftLint).
@Suite("CLI conventions")
struct CLIConventionTests {
    let month = [
        "audit", "--timesheets", CLI.fixture("month/timesheets.csv"), "--billing", CLI.fixture("month/billing.csv"),
        "--roster", CLI.fixture("month/roster.csv"), "--config", CLI.fixture("month/care-audit.yml"),
    ]

    @Test("--fail-on never and --exit-zero write the report and exit 0; bad input is still 2")
    func exitZero() throws {
        for option in [["--fail-on", "never"], ["--exit-zero"]] {
            let result = try CLI.run(month + option)
            #expect(result.status == 0, "\(option)")
            #expect(result.stdout.contains("Findings by rule"))
        }
        let missing = try CLI.run(["audit", "--timesheets", "/nonexistent.csv", "--exit-zero"])
        #expect(missing.status == 2)
        let validate = try CLI.run(["validate", "--timesheets", CLI.fixture("month/timesheets.csv"), "--exit-zero"])
        #expect(validate.status == 0)
    }

    @Test("the format follows -o and --report's extension; a disagreeing --format is refused")
    func inferredFormat() throws {
        let dir = try CLI.temporaryDirectory()
        let json = dir.appendingPathComponent("audit.json").path
        let sarif = dir.appendingPathComponent("audit.sarif").path
        let result = try CLI.run(month + ["-o", json, "--report", sarif])
        #expect(result.status == 1)
        #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json)))) != nil)
        #expect(try String(contentsOfFile: sarif, encoding: .utf8).contains("\"version\" : \"2.1.0\""))
        let clash = try CLI.run(month + ["--format", "csv", "-o", json])
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("--format csv but --output \(json) names a json file"))
        let reportClash = try CLI.run(month + ["--report", "csv=\(sarif)"])
        #expect(reportClash.status == 2)
    }

    @Test("--select runs only the rules named, --ignore leaves some out; both are listed as not run")
    func selectIgnore() throws {
        let selected = try CLI.run(month + ["--select", "TS001,DC001", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(selected.stdout.utf8)) as! [String: Any]
        let rules = Set((json["findings"] as! [[String: Any]]).map { $0["rule"] as! String })
        #expect(rules == ["TS001", "DC001"])
        let skipped = json["skipped_rules"] as! [[String: Any]]
        #expect(skipped.contains { $0["rule"] as? String == "DUP001" && $0["reason"] as? String == "not selected (--select)" })
        let ignored = try CLI.run(month + ["--ignore", "INPUT001", "--ignore", "REF003"])
        #expect(!ignored.stdout.contains("INPUT001 error"))
        #expect(ignored.stdout.contains("INPUT001 ignored (--ignore)"))
        let unknown = try CLI.run(month + ["--select", "XX999"])
        #expect(unknown.status == 2 && unknown.stderr.contains("--select XX999: no such rule"))
    }

    @Test("explain --format json describes a rule with its examples by field name")
    func explainJSON() throws {
        let result = try CLI.run(["explain", "dc005", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(json["id"] as? String == "DC005")
        let examples = json["examples"] as! [[String: Any]]
        #expect(examples.first?["records"] as? [String] == ["884213/1", "884214/1"])
    }

    @Test("examples/ci/audit.sh runs on the example month: validation reported, audit exit 1, every report written")
    func ciShellExample() throws {
        let dir = try CLI.temporaryDirectory()
        let script = CLI.repositoryRoot.appendingPathComponent("examples/ci/audit.sh").path
        let reports = dir.appendingPathComponent("reports").path
        let path = CLI.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try CLI.run(
            [script, CLI.repositoryRoot.appendingPathComponent("examples/county-month").path, reports],
            environment: ["PATH": path], tool: "/bin/bash")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("CARE Act claiming audit for 2026-10"))
        for name in ["validation.json", "care-audit.xml", "care-audit.json", "care-audit.html", "care-audit.txt"] {
            #expect(FileManager.default.fileExists(atPath: reports + "/" + name), "\(name)")
        }
        let validation = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reports + "/validation.json")))
        #expect(validation is [String: Any])
        #expect(try String(contentsOfFile: reports + "/care-audit.xml", encoding: .utf8).hasPrefix("<?xml"))
    }

    @Test("the workflow example is not named like a configuration file, so care-audit in that folder runs")
    func workflowName() throws {
        let folder = CLI.repositoryRoot.appendingPathComponent("examples/ci")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("care-audit.yml").path))
        let result = try CLI.run(["rules"], in: folder)
        #expect(result.status == 0)
    }

    @Test("validate writes every format its help lists: GitHub annotations and SARIF (schema-valid) too")
    func validateFormats() throws {
        let timesheets = CLI.fixture("month/timesheets.csv")
        let github = try CLI.run(["validate", "--timesheets", timesheets, "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.contains("::error file=\(timesheets),line=22,col=3,title=bad-date::Date \"2026-02-30\" is not a date"))
        let dir = try CLI.temporaryDirectory()
        let sarif = dir.appendingPathComponent("validation.sarif").path
        #expect(try CLI.run(["validate", "--timesheets", timesheets, "-o", sarif]).status == 1)
        let check = try CLI.validateSARIF(sarif)
        #expect(check.status == 0 && check.stdout == "valid\n", "\(check.stderr)")
        #expect(try String(contentsOfFile: sarif, encoding: .utf8).contains("\"ruleId\" : \"bad-date\""))
    }
}
