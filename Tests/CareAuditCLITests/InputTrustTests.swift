import Foundation
import Testing

/// Inputs that look usable and are not: each ends in one located message, never a silent
/// merge of rows, a cascade of findings or a cheerful exit 0.
@Suite("Input trust")
struct InputTrustTests {
    let example = CLI.repositoryRoot.appendingPathComponent("examples/county-month")
    func example(_ name: String) -> String { example.appendingPathComponent(name).path }

    @Test("a stray quote that swallows three lines: located, and all 9 rows counted (5 accepted, 4 rejected)")
    func swallowedRecords() throws {
        let result = try CLI.run(["validate", "--timesheets", CLI.fixture("hostile/swallowed-records.csv")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("9 rows: 5 accepted, 4 rejected"))
        #expect(
            result.stdout.contains(
                "swallowed-records.csv:3:6: error: a quoted field from line 3 to line 6 holds 3 line(s) that read as records of their own"))
        // The legitimate two-line note of T7 is not flagged: one problem only.
        #expect(result.stdout.contains("1 file checked: 1 error, 0 warnings"))
    }

    @Test(
        "an unusable roster stops the audit (exit 2) instead of 1,870 REF001 findings",
        arguments: [
            ("roster-stray-quote.csv", "header: unterminated quoted field")
        ])
    func unusableRoster(file: String, message: String) throws {
        let result = try CLI.run([
            "audit", "--timesheets", example("timesheets.csv"), "--billing", example("billing.csv"),
            "--roster", CLI.fixture("hostile/" + file), "--config", example("care-audit.yml"),
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
        #expect(result.stdout.isEmpty)
    }

    @Test("a roster whose every row is rejected stops the audit too")
    func rosterWithoutReadableRows() throws {
        let dir = try CLI.temporaryDirectory()
        let roster = dir.appendingPathComponent("roster.csv")
        try "Staff ID,Name,NPI,Role\nE1,Ann,123,CERTIFIED_PEER,extra,x\n".write(to: roster, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "audit", "--timesheets", example("timesheets.csv"), "--billing", example("billing.csv"),
            "--roster", roster.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("roster.csv:1:0: error: the roster has no readable row (1 read, 1 rejected)"))
    }

    @Test("9999-12-31, the rosters' 'no end date', is a date")
    func openEndedDate() throws {
        let result = try CLI.run(["validate", "--roster", CLI.fixture("hostile/roster-no-end.csv")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("1 row: 1 accepted, 0 rejected"))
    }

    @Test("billing times that disagree with the minutes column are a duration-mismatch; an unknown payer type is one warning")
    func billingValues() throws {
        let result = try CLI.run(["validate", "--billing", CLI.fixture("hostile/billing-values.csv")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("4 rows: 3 accepted, 1 rejected"))
        #expect(
            result.stdout.contains(
                "billing-values.csv:2:7: error: 10:30–10:45 is 15 minutes but the line says 480 minutes [duration-mismatch]"))
        #expect(
            result.stdout.contains(
                "billing-values.csv:3:13: warning: Payer Type \"SELF PAY\" is not MEDI-CAL, COMMERCIAL, MEDICARE or OTHER; read as other payer"
            ))
        // Said once per value ("Other" is a known value).
        #expect(result.stdout.components(separatedBy: "[unknown-value]").count == 2)
    }

    @Test("classify and init exit 2 on an empty or UTF-16 file and write nothing")
    func unusableForClassifyAndInit() throws {
        let dir = try CLI.temporaryDirectory()
        let empty = dir.appendingPathComponent("empty.csv")
        let utf16 = dir.appendingPathComponent("utf16.csv")
        try Data().write(to: empty)
        try Data([0xFF, 0xFE] + Array("Staff ID,Date\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: utf16)
        for file in [empty, utf16] {
            let classify = try CLI.run(["classify", "--timesheets", file.path], in: dir)
            #expect(classify.status == 2, "\(file.lastPathComponent)")
            let output = dir.appendingPathComponent("care-audit.yml")
            let initialize = try CLI.run(["init", "--timesheets", file.path, "-o", output.path], in: dir)
            #expect(initialize.status == 2, "\(file.lastPathComponent)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}

/// One root cause, one finding, in linear time: the pathological staff days of the red team.
@Suite("Pathological staff days")
struct PathologicalDayTests {
    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("1,000 identical entries on one staff day are one TS001 finding naming all 1,000")
    func identicalEntries() throws {
        let dir = try CLI.temporaryDirectory()
        let rows = (0..<1_000).map { "T\($0),E1,2026-10-14,10:00,11:00,CARE court report,C1" }
        let path = try Self.write(
            (["Entry ID,Staff ID,Date,Start,End,Activity,Client ID"] + rows).joined(separator: "\n") + "\n", "t.csv", in: dir)
        let result = try CLI.run(["audit", "--timesheets", path, "--format", "json"])
        let findings = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["findings"] as! [[String: Any]]
        let ts001 = findings.filter { $0["rule"] as? String == "TS001" }
        #expect(ts001.count == 1)
        #expect((ts001.first?["records"] as? [Any])?.count == 1_000)
        #expect(ts001.first?["minutes"] as? Int == 60)
        #expect(
            (ts001.first?["message"] as? String)?.contains(
                "has 1,000 overlapping entries on 2026-10-14 between 10:00 and 11:00: 60 minutes recorded more than once") == true)
    }

    @Test("300 CARE entries over 300 billed lines are one DC001 finding; 20,000 copies of a line are one DUP001")
    func overlapsAndDuplicates() throws {
        let dir = try CLI.temporaryDirectory()
        let entries = (0..<300).map { "T\($0),E1,2026-10-14,09:00,17:00,CARE court report,C1" }
        let lines =
            (0..<300).map { "B\($0),1,C\($0),2026-10-14,10:00,10:45,H0038,3,E1,120.00,PAID" }
            + (0..<20_000).map { "D\($0),1,C9,2026-10-15,10:00,10:45,H0038,3,E1,120.00,PAID" }
        let timesheets = try Self.write(
            (["Entry ID,Staff ID,Date,Start,End,Activity,Client ID"] + entries).joined(separator: "\n") + "\n", "t.csv", in: dir)
        let billing = try Self.write(
            (["Claim ID,Line,CIN,DOS,Start,End,HCPCS,Units,Rendering Staff ID,Charge,Status"] + lines).joined(separator: "\n") + "\n",
            "b.csv", in: dir)
        let result = try CLI.run(["audit", "--timesheets", timesheets, "--billing", billing, "--format", "json"])
        let findings = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["findings"] as! [[String: Any]]
        let dc001 = findings.filter { $0["rule"] as? String == "DC001" }
        #expect(dc001.count == 1)
        #expect((dc001.first?["records"] as? [Any])?.count == 600)
        #expect(dc001.first?["minutes"] as? Int == 45)
        let dup001 = findings.filter { $0["rule"] as? String == "DUP001" }
        #expect(dup001.count == 1)
        #expect((dup001.first?["records"] as? [Any])?.count == 20_000)
        #expect((dup001.first?["message"] as? String)?.hasSuffix("and 19,990 more)") == true)
    }

    @Test("a configuration with 40,000 activity codes loads (it took 42 s: each key was checked against all before it)")
    func bigCodeMap() throws {
        let dir = try CLI.temporaryDirectory()
        let codes = (0..<40_000).map { "    C\($0): CARE_COURT_REPORT" }
        let config = try Self.write(
            (["version: 1", "classification:", "  activity_codes:"] + codes).joined(separator: "\n") + "\n", "big.yml", in: dir)
        let result = try CLI.run(["config", "--config", config])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"C39999\": CARE_COURT_REPORT"))
        let duplicate = try Self.write(
            "version: 1\nclassification:\n  activity_codes:\n    A: CARE_NOTICE\n    A: CARE_NOTICE\n", "dup.yml", in: dir)
        let failed = try CLI.run(["config", "--config", duplicate])
        #expect(failed.status == 2 && failed.stderr.contains("duplicated key(s): 'A'"))
    }
}

@Suite("Claim adjustment chains")
struct ClaimChainTests {
    @Test("an adjustment naming a claim not in the export is an info note, never a crash or a silent drop")
    func unmatchedAdjustment() throws {
        let dir = try CLI.temporaryDirectory()
        let billing = dir.appendingPathComponent("b.csv")
        try """
        Claim ID,Line,CIN,DOS,Start,End,HCPCS,Units,Rendering Staff ID,Charge,Status,Frequency,Original Claim
        884299,1,C1,2026-10-14,10:30,11:15,H0038,3,E1,120.00,PAID,7,770001
        884301,1,C2,2026-10-15,10:30,11:15,H0038,3,E1,120.00,VOID,8,770002

        """.write(to: billing, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", "--billing", billing.path])
        #expect(
            result.stdout.contains(
                "note: \(billing.path):2: claim 884299 replaces claim 770001, which is not in the export (billed in an earlier period?): it counts as billed"
            ))
        #expect(
            result.stdout.contains(
                "note: \(billing.path):3: claim 884301 voids claim 770002, which is not in the export (billed in an earlier period?): it cancels nothing here"
            ))
    }
}

@Suite("Certificate history")
struct CertificateHistoryTests {
    static let billing = """
        Claim ID,Line,CIN,DOS,Minutes,HCPCS,Units,Rendering Staff ID,Charge,Status
        884213,1,C1,2026-10-05,45,H0038,3,E1,120.00,PAID
        884214,1,C2,2026-10-07,45,H0038,3,E1,120.00,PAID

        """

    func audit(roster: String) throws -> [[String: Any]] {
        let dir = try CLI.temporaryDirectory()
        let billingFile = dir.appendingPathComponent("b.csv")
        let rosterFile = dir.appendingPathComponent("r.csv")
        try Self.billing.write(to: billingFile, atomically: true, encoding: .utf8)
        try roster.write(to: rosterFile, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", "--billing", billingFile.path, "--roster", rosterFile.path, "--format", "json"])
        let findings = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["findings"] as! [[String: Any]]
        return findings.filter { $0["rule"] as? String == "PEER001" }
    }

    @Test("a date of first certification covers services before the current certificate")
    func initialCertification() throws {
        let findings = try audit(
            roster:
                "Staff ID,Name,Role,Cert Number,Cert Issued,Cert Expires,Initial Cert Date\nE1,Ann Lee,CERTIFIED_PEER,PSS-1,2026-10-10,2028-10-09,2022-10-10\n"
        )
        #expect(findings.isEmpty)
    }

    @Test("a lone certificate issued mid-period with earlier services: one warning naming both services, not two errors")
    func likelyRenewal() throws {
        let findings = try audit(
            roster: "Staff ID,Name,Role,Cert Number,Cert Issued,Cert Expires\nE1,Ann Lee,CERTIFIED_PEER,PSS-1,2026-10-10,2028-10-09\n")
        #expect(findings.count == 1)
        #expect(findings.first?["severity"] as? String == "warning")
        #expect((findings.first?["message"] as? String)?.contains("most likely a renewal") == true)
        #expect((findings.first?["records"] as? [Any])?.count == 3)
    }

    @Test("a certificate that expired before the service is still an error per service")
    func expired() throws {
        let findings = try audit(
            roster: "Staff ID,Name,Role,Cert Number,Cert Issued,Cert Expires\nE1,Ann Lee,CERTIFIED_PEER,PSS-1,2024-10-01,2026-10-01\n")
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0["severity"] as? String == "error" })
    }
}
