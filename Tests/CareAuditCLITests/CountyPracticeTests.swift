import Foundation
import Testing

/// A month of real county practice (Fixtures/practice): group sessions of 4 to 6 participants,
/// a co-staffed group, an overnight crisis shift with a service after midnight, both
/// daylight-saving nights, a chain original → replacement → replacement, a void of a
/// replacement, a denied line and its paid resubmission, a renewed certificate on two roster
/// rows, team care of one client by two clinicians, leave by its payroll name. The version
/// before this fixture reported 27 findings here, 22 of them false; every finding below is true,
/// and nothing else may be reported.
@Suite("County practice month")
struct CountyPracticeTests {
    static let arguments = [
        "audit", "--timesheets", CLI.fixture("practice/timesheets.csv"),
        "--billing", CLI.fixture("practice/billing.csv"), "--roster", CLI.fixture("practice/roster.csv"),
        "--config", CLI.fixture("practice/care-audit.yml"), "--format", "json",
    ]

    struct Expected: Hashable, CustomStringConvertible {
        let rule: String, severity: String, records: [String]
        var description: String { "\(rule) \(severity) \(records.joined(separator: ","))" }
    }

    @Test("exactly the planted findings, each naming its records; no other finding")
    func findings() throws {
        let result = try CLI.run(Self.arguments)
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let found = (json["findings"] as! [[String: Any]]).map { finding in
            Expected(
                rule: finding["rule"] as! String, severity: finding["severity"] as! String,
                records: (finding["records"] as! [[String: Any]]).compactMap { $0["record_id"] as? String }.sorted())
        }
        let expected: Set<Expected> = [
            // Two individual sessions at once (Ann Lee, 10:00–11:00 and 10:30–11:30), and more billed than worked.
            Expected(rule: "DC005", severity: "error", records: ["X01/1", "X02/1"]),
            Expected(rule: "DC004", severity: "error", records: ["T05", "X01/1", "X02/1"]),
            // A service billed on a jury-duty day (leave by its payroll name).
            Expected(rule: "TS003", severity: "error", records: ["L01/1", "T17"]),
            Expected(rule: "TS004", severity: "warning", records: ["L01/1"]),
            Expected(rule: "DC004", severity: "error", records: ["L01/1", "T17"]),
            // A lone certificate issued mid-month, two services before it: one warning.
            Expected(rule: "PEER001", severity: "warning", records: ["E4", "S02/1", "S03/1"]),
        ]
        #expect(Set(found) == expected, "unexpected: \(Set(found).subtracting(expected)); missing: \(expected.subtracting(Set(found)))")
        #expect(found.count == expected.count)
    }

    @Test("every row is read: the daylight-saving nights' entries agree with their hours")
    func rows() throws {
        let result = try CLI.run(Self.arguments)
        let inputs = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["inputs"] as! [[String: Any]]
        #expect(inputs.map { $0["rejected"] as! Int } == [0, 0, 0])
        #expect(inputs.map { $0["rows"] as! Int } == [17, 33, 6])
    }
}
