import Foundation
import Testing

@testable import CareAudit

/// The hand-made month under Fixtures/month/: a planted problem for every rule and negative
/// controls (adjacent intervals, a VOID line overlapping CARE time, a void/replacement pair, a
/// denied line and its resubmission, two sessions at different times, ancillary time without a
/// client). The findings are asserted exactly, in both directions.
@Suite("Fixture month")
struct FixtureMonthTests {
    static func audit(
        timesheet: String = Fixtures.path("month/timesheets.csv"),
        billing: String = Fixtures.path("month/billing.csv"),
        roster: String = Fixtures.path("month/roster.csv")
    ) throws -> AuditResult {
        let configuration = try ConfigurationLoader.load(path: Fixtures.path("month/care-audit.yml"))
        let classifier = Classifier(configuration: configuration)
        let loaded = InputLoader(configuration: configuration, classifier: classifier)
            .load([(timesheet, .timesheet), (billing, .billing), (roster, .roster)])
        return AuditEngine(configuration: configuration).run(loaded, classifier: classifier, hasRoster: true)
    }

    /// "RULE t<line> b<line> r<line>": each finding's rule and records (t timesheet, b billing, r roster).
    static func compact(_ result: AuditResult) -> [String] {
        result.findings.map { finding in
            ([finding.rule]
                + finding.records.map { ref in
                    String(URL(fileURLWithPath: ref.file).lastPathComponent.prefix(1)) + "\(ref.line)"
                }).joined(separator: " ")
        }
    }

    static let expected = [
        "CARE002 t14",
        "DC001 t2 b2",
        "DC001 t20 b17",
        "DC003 b17",
        "DC004 t2 t3 t4 t5 t6 b2 b3 b6 b7",
        "DC004 t10 b16",
        "DC004 t12 t13 b11 b20 b19",
        "DC004 t14 t15 t16 b12 b13",
        "DC004 t17 t18 b14",
        "DC004 t20 t21 b17",
        "DUP001 b6 b7",
        "INPUT001 t22",
        "PEER001 b8 r3",
        "PEER001 b9 r3",
        "PEER001 b10 r3",
        "PEER002 b11 r4",
        "PEER002 b18 r4",
        "PEER002 b19 r4",
        "PEER002 b20 r4",
        "REF001 b15",
        "TS001 t7 t8",
        "TS003 b16 t10",
        "UNIT001 b9",
        "UNIT002 b16",
        "CARE001 t7",
        "CARE003 t9",
        "DC002 t17 b14",
        "DUP002 b11 b20",
        "DUP003 b9 b10",
        "REF002 t13",
        "REF003 t19",
        "TS004 b13",
        "TS004 b16",
        "TS004 b19",
        "UNIT003 b8 b9 b10",
        "UNIT003 b11 b19 b20",
        "PEER004 r3",
    ]

    @Test("every planted problem is found, and nothing else")
    func exact() throws {
        let result = try Self.audit()
        #expect(Self.compact(result) == Self.expected)
        #expect(result.skipped == [.init(rule: "PEER003", reason: RuleRequirement.taxonomyColumn.missingReason)])
        #expect(Set(result.findings.map(\.rule)).count == 23)
    }

    @Test("the double-claim message reads like an auditor's sentence")
    func message() throws {
        let finding = try Self.audit().findings.first { $0.rule == "DC001" }!
        #expect(
            finding.message
                == "Ann Lee (E1) claimed 09:00–10:00 on 2026-10-05 as CARE court report and billed H0038 09:30–10:15 to Medi-Cal on claim B01: 30 minutes claimed twice"
        )
        #expect(finding.minutes == 30)
        // The overlap comes off the CARE invoice (no rate configured: minutes only).
        #expect(finding.money?.total == .invoiceAdjustment && finding.money?.minutes == 30 && finding.amount == .zero)
        #expect(finding.records.map(\.recordID) == ["T01", "B01/1"])
    }

    @Test("totals: DC001's minutes off the invoice, rows read = accepted + rejected")
    func totals() throws {
        let result = try Self.audit()
        #expect(result.invoice.whole.total.removed["DC001"] == 60)
        #expect(result.inputs.allSatisfy { $0.rows == $0.accepted + $0.rejected })
        #expect(result.inputs[0].rejected == 1)
        #expect(result.totals.minutesByCategory[.careCourtReport] == 180)
        #expect(result.period.description == "2026-10")
    }

    /// Writes `path`'s header and its data rows in a shuffled order.
    static func shuffled(_ path: String, seed: UInt64) throws -> String {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        var rng = SeededRandom(seed: seed)
        let body = lines.dropFirst().shuffled(using: &rng)
        return try temporaryFile(
            ([String(lines[0])] + body.map(String.init)).joined(separator: "\n") + "\n",
            name: URL(fileURLWithPath: path).lastPathComponent)
    }

    /// A finding without the line numbers a reordering must change.
    static func normalized(_ result: AuditResult) -> [String] {
        result.findings.map { f in
            "\(f.rule)|\(f.severity)|\(f.message)|\(f.minutes ?? -1)|\(f.amount?.description ?? "")|"
                + f.records.map { $0.recordID ?? URL(fileURLWithPath: $0.file).lastPathComponent }.sorted().joined(separator: ",")
        }.sorted()
    }

    @Test("shuffling the input rows changes nothing but line numbers", arguments: [1, 2, 3] as [UInt64])
    func orderIndependent(seed: UInt64) throws {
        let original = try Self.audit()
        let shuffled = try Self.audit(
            timesheet: Self.shuffled(Fixtures.path("month/timesheets.csv"), seed: seed),
            billing: Self.shuffled(Fixtures.path("month/billing.csv"), seed: seed),
            roster: Self.shuffled(Fixtures.path("month/roster.csv"), seed: seed))
        let difference = Set(Self.normalized(shuffled)).symmetricDifference(Self.normalized(original))
        #expect(difference.isEmpty, "\(difference.sorted())")
        #expect(Self.normalized(shuffled).count == Self.normalized(original).count)
        #expect(shuffled.invoice.whole.total == original.invoice.whole.total)
        #expect(shuffled.invoice.exposureTotal == original.invoice.exposureTotal)
        #expect(shuffled.invoice.pendingMinutes == original.invoice.pendingMinutes)
    }

    @Test("the JSON report has the documented keys; money is a string with two decimals")
    func json() throws {
        let text = AuditJSONReporter().render(try Self.audit())
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "care-audit/report@2")
        #expect((object["tool"] as? [String: Any])?["name"] as? String == "care-audit")
        let summary = object["summary"] as! [String: Any]
        for key in [
            "findings_by_severity", "findings_by_rule", "minutes_by_category", "invoice", "invoice_adjustments",
            "billing_exposure", "pending_review", "suppressed",
        ] {
            #expect(summary[key] != nil, "\(key)")
        }
        #expect(summary["amount_at_risk"] == nil && summary["care_invoice_precheck"] == nil)
        #expect((summary["invoice_adjustments"] as? [String: Any])?["minutes"] as? Int == 110)
        #expect((summary["billing_exposure"] as? [String: Any])?["amount"] as? String == "1385.00")
        let input = (object["inputs"] as! [[String: Any]])[0]
        for key in ["path", "kind", "sha256", "rows", "accepted", "rejected"] { #expect(input[key] != nil, "\(key)") }
        let finding = (object["findings"] as! [[String: Any]])[1]
        #expect(finding["rule"] as? String == "DC001")
        #expect(finding["amount"] as? String == "0.00" && finding["money"] as? String == "invoice_adjustment")
        let record = (finding["records"] as! [[String: Any]])[0]
        #expect(record["line"] as? Int == 2 && record["record_id"] as? String == "T01")
    }

    @Test("without a roster, roster rules are skipped with the reason, not passed")
    func noRoster() throws {
        let configuration = try ConfigurationLoader.load(path: Fixtures.path("month/care-audit.yml"))
        let classifier = Classifier(configuration: configuration)
        let loaded = InputLoader(configuration: configuration, classifier: classifier)
            .load([(Fixtures.path("month/timesheets.csv"), .timesheet), (Fixtures.path("month/billing.csv"), .billing)])
        let result = AuditEngine(configuration: configuration).run(loaded, classifier: classifier, hasRoster: false)
        #expect(Set(result.skipped.map(\.rule)) == ["PEER001", "PEER002", "PEER003", "PEER004", "REF001"])
        #expect(result.skipped.first { $0.rule == "REF001" }?.reason.contains("no roster") == true)
    }
}

/// Reporters read the rules the result ran, not the global catalogue.
@Suite("Reporters and the engine's rules")
struct ReporterRulesTests {
    @Test("an engine built with two rules writes SARIF and JUnit about those two only")
    func twoRules() throws {
        let configuration = try ConfigurationLoader.load(path: Fixtures.path("month/care-audit.yml"))
        let classifier = Classifier(configuration: configuration)
        let loaded = InputLoader(configuration: configuration, classifier: classifier)
            .load([
                (Fixtures.path("month/timesheets.csv"), .timesheet), (Fixtures.path("month/billing.csv"), .billing),
                (Fixtures.path("month/roster.csv"), .roster),
            ])
        let rules = ["DC001", "TS001"].map { RuleRegistry.rule(id: $0)! }
        let result = AuditEngine(configuration: configuration, rules: rules).run(loaded, classifier: classifier, hasRoster: true)
        #expect(result.rules.map(\.id) == ["DC001", "TS001"])
        let sarif = try JSONSerialization.jsonObject(with: Data(AuditSARIFReporter().render(result).utf8)) as! [String: Any]
        let driver = (((sarif["runs"] as! [[String: Any]])[0]["tool"] as! [String: Any])["driver"] as! [String: Any])
        #expect((driver["rules"] as! [[String: Any]]).map { $0["id"] as! String } == ["DC001", "TS001"])
        let junit = AuditJUnitReporter().render(result)
        #expect(junit.contains("<testsuites name=\"care-audit\" tests=\"2\" failures=\"2\" skipped=\"0\">"))
        #expect(junit.components(separatedBy: "<testcase ").count - 1 == 2)
    }
}
