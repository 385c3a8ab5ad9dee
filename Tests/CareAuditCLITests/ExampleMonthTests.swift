import Foundation
import Testing

/// The bundled example month and the generator behind it.
@Suite("Example month and generator")
struct ExampleMonthTests {
    static let example = "examples/county-month"
    static var auditArguments: [String] {
        [
            "audit", "--timesheets", "\(example)/timesheets.csv", "--billing", "\(example)/billing.csv",
            "--roster", "\(example)/roster.csv", "--config", "\(example)/care-audit.yml",
        ]
    }

    /// Compares with a checked-in report byte for byte; UPDATE_GOLDENS=1 rewrites it instead.
    func golden(_ output: String, _ name: String) throws {
        let url = CLI.repositoryRoot.appendingPathComponent(Self.example).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "\(name) differs; rerun with UPDATE_GOLDENS=1 if the change is intended")
    }

    @Test("the example's text and JSON reports match the checked-in ones")
    func goldens() throws {
        let text = try CLI.run(Self.auditArguments)
        #expect(text.status == 1)
        try golden(text.stdout, "expected-report.txt")
        let json = try CLI.run(Self.auditArguments + ["--format", "json"])
        try golden(json.stdout, "expected-report.json")
    }

    /// (rule, sorted "file:line" records) of every finding in a JSON report.
    static func findings(_ json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        return (object["findings"] as! [[String: Any]]).map { finding in
            let records = (finding["records"] as! [[String: Any]]).map { record in
                URL(fileURLWithPath: record["file"] as! String).lastPathComponent + ":\(record["line"] as! Int)"
            }.sorted()
            return "\(finding["rule"] as! String) \(records.joined(separator: ","))"
        }.sorted()
    }

    static func expected(_ folder: URL) throws -> [String] {
        let list =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected-findings.json")))
            as! [[String: Any]]
        return list.map { "\($0["rule"] as! String) \(($0["records"] as! [String]).sorted().joined(separator: ","))" }.sorted()
    }

    func generateAndAudit(_ extra: [String]) throws -> (URL, [String]) {
        let folder = try CLI.temporaryDirectory()
        let made = try CLI.run(["--output", folder.path, "--staff", "12", "--timesheet-rows", "1500"] + extra, tool: "care-audit-synth")
        #expect(made.status == 0, "\(made.stderr)")
        let audit = try CLI.run(
            [
                "audit", "--timesheets", "timesheets.csv", "--billing", "billing.csv", "--roster", "roster.csv",
                "--config", "care-audit.yml", "--format", "json",
            ], in: folder)
        return (folder, try Self.findings(audit.stdout))
    }

    @Test("planted problems give exactly the expected findings, in both dialects", arguments: ["standard", "alternate"])
    func planted(dialect: String) throws {
        let (folder, found) = try generateAndAudit(["--plant", "--dialect", dialect, "--seed", "7"])
        let expected = try Self.expected(folder)
        #expect(Set(expected.map { $0.split(separator: " ")[0] }).count == 24, "a plant for every rule")
        #expect(found == expected)
    }

    @Test("a month without plants is clean")
    func clean() throws {
        let (_, found) = try generateAndAudit(["--seed", "11"])
        #expect(found.isEmpty, "\(found)")
    }

    @Test("the same seed writes the same files")
    func deterministic() throws {
        let a = try CLI.temporaryDirectory()
        let b = try CLI.temporaryDirectory()
        for folder in [a, b] {
            _ = try CLI.run(
                ["--output", folder.path, "--staff", "5", "--timesheet-rows", "300", "--plant", "--seed", "3"], tool: "care-audit-synth")
        }
        for name in ["timesheets.csv", "billing.csv", "roster.csv", "care-audit.yml", "expected-findings.json"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)), "\(name)")
        }
    }
}
