import CareAudit
import Foundation
import Testing

@Suite("care-audit classify, init, config")
struct ClassifyInitConfigTests {
    /// All cells of a CSV file, read with the same reader the tool uses.
    func cells(_ path: String) throws -> [[String]] {
        var rows: [[String]] = []
        _ = try CSVReader(path: path).read { record in
            if !record.isBlank { rows.append(record.strings) }
        }
        return rows
    }

    @Test("classify keeps every original cell byte-identical, adds three columns, neutralises formulas")
    func classifyRoundTrip() throws {
        let dir = try CLI.temporaryDirectory()
        let output = dir.appendingPathComponent("classified.csv").path
        let input = CLI.fixture("exports/timesheet-varied.csv")
        let result = try CLI.run(["classify", "--timesheets", input, "--output", output, "--bom"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("13 rows read, 13 classified, 0 rejected"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let original = try cells(input)
        let written = try cells(output)
        #expect(written.count == original.count)
        #expect(written[0] == original[0] + ["category", "ancillary", "matched_by"])
        for (before, after) in zip(original, written) {
            for (index, cell) in before.enumerated() {
                if CSVWriter.looksLikeFormula(cell) {
                    #expect(after[index] == "'" + cell)
                } else {
                    #expect(after[index] == cell)
                }
            }
        }
        let formulaRow = written.first { $0[0] == "T7" }!
        #expect(formulaRow[8] == "'=HYPERLINK(\"x\")")
        #expect(formulaRow[12] == "-5")
        #expect(written.first { $0[0] == "T3" }![8] == "CARE team meeting\nre: hearing prep")
        #expect(written.first { $0[0] == "T1" }!.suffix(3) == ["CARE_COURT_HEARING", "", "description \"court hearing\""])
        #expect(written.first { $0[0] == "T6" }!.suffix(3) == ["LEAVE", "", "pay_code PTO"])
    }

    @Test(
        "init on exports in a dialect no alias covers: it proposes, the audit runs with the file unchanged and finds the planted problems")
    func initProposesForAnUnknownDialect() throws {
        let dir = try CLI.temporaryDirectory()
        let config = dir.appendingPathComponent("care-audit.yml").path
        let inputs = [
            "--timesheets", CLI.fixture("dialects/county-x/timesheets.csv"), "--billing", CLI.fixture("dialects/county-x/billing.csv"),
            "--roster", CLI.fixture("dialects/county-x/roster.csv"),
        ]
        // Without a configuration the exports cannot be audited at all.
        #expect(try CLI.run(["audit"] + inputs, in: dir).status == 2)
        let made = try CLI.run(["init"] + inputs + ["--output", config])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("items to review (marked REVIEW in \(config)):"))
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
        for line in [
            "\"Staff No\": staff_id  # REVIEW", "\"Svc Date\": work_date  # REVIEW", "\"Start Tm\": start_time  # REVIEW",
            "\"ClaimNum\": claim_id  # REVIEW", "\"Procedure Cd\": procedure_code  # REVIEW", "\"Ln\": line_number  # REVIEW",
            "\"Line Stat\": claim_status  # REVIEW", "# \"Consumer No\" is not used by care-audit",
            "\"CR1\": CARE_COURT_REPORT  # 3 of 4 rows say so, e.g. \"Court report preparation\", \"Reporte para la corte\"",
            "# REVIEW: unit rule 90837: per_encounter, its usual unit (1 line)",
        ] {
            #expect(yaml.contains(line), "\(line)")
        }
        // The written file, unchanged, runs the audit; the planted problems are found, by record.
        let audit = try CLI.run(["audit"] + inputs + ["--config", config, "--format", "json"])
        #expect(audit.status == 1, "\(audit.stderr)")
        let findings = (try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as! [String: Any])["findings"] as! [[String: Any]]
        func records(_ rule: String) -> [[String]] {
            findings.filter { $0["rule"] as? String == rule }.map {
                ($0["records"] as! [[String: Any]]).compactMap { $0["record_id"] as? String }
            }
        }
        #expect(records("TS001") == [["T0005", "T0006"]])
        #expect(records("DC001") == [["T0009", "C7003/1"]])
        #expect(records("DUP001") == [["C7005/1", "C7006/1"]])
        #expect(records("UNIT001") == [["C7007/1"]])
        #expect(records("REF002").isEmpty)  // "Reporte para la corte" is a court report by its code
    }

    @Test("init writes a configuration that classifies the fixtures without UNCLASSIFIED rows")
    func initThenClassify() throws {
        let dir = try CLI.temporaryDirectory()
        let config = dir.appendingPathComponent("care-audit.yml").path
        let timesheet = CLI.fixture("exports/timesheet-varied.csv")
        let made = try CLI.run([
            "init", "--timesheets", timesheet, "--billing", CLI.fixture("exports/billing-values.csv"),
            "--output", config,
        ])
        #expect(made.status == 0)
        #expect(
            made.stderr.contains("to review (marked REVIEW in \(config)):")
                && made.stderr.contains("activity code ZZZ: no description matched"))
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
        #expect(yaml.contains("\"Employee ID\": staff_id"))
        #expect(yaml.contains("\"ZZZ\": NON_CLAIMABLE  # REVIEW"))
        let output = dir.appendingPathComponent("out.csv").path
        #expect(try CLI.run(["classify", "--timesheets", timesheet, "--config", config, "--output", output]).status == 0)
        let categories = try cells(output).dropFirst().map { $0[13] }
        #expect(!categories.contains("UNCLASSIFIED"))
        #expect(try CLI.run(["init", "--timesheets", timesheet, "--output", config]).status == 2)
    }

    @Test("config prints the effective configuration, which reads back")
    func configPrints() throws {
        let result = try CLI.run(["config"], in: try CLI.temporaryDirectory())
        #expect(result.status == 0)
        #expect(try ConfigurationLoader.parse(result.stdout, file: "stdout") == Configuration())
    }

    @Test("a bad configuration is exit 2 naming file, line and key")
    func badConfig() throws {
        let dir = try CLI.temporaryDirectory()
        let config = dir.appendingPathComponent("bad.yml")
        try "version: 1\ncare:\n  hourly_rate: lots\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", CLI.fixture("csv/valid/spectrum.csv"), "--config", config.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.yml:3: error: care.hourly_rate: \"lots\" is not an amount"))
        try "version: 1\ncare: {hourly_rate: 1\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["config", "--config", config.path]).status == 2)
    }

    @Test("./care-audit.yml is picked up when present")
    func discovery() throws {
        let dir = try CLI.temporaryDirectory()
        try "version: 1\ncare: {hourly_rate: \"85.00\"}\n".write(
            to: dir.appendingPathComponent("care-audit.yml"),
            atomically: true, encoding: .utf8)
        let result = try CLI.run(["config"], in: dir)
        #expect(result.stdout.contains("hourly_rate: \"85.00\""))
    }
}
