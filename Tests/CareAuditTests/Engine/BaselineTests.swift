import Testing

@testable import CareAudit

@Suite("Baseline fingerprints")
struct BaselineTests {
    static func finding(participant: String) -> Finding {
        Finding(
            rule: "DUP001", message: "H0038 for participant \(participant) on 2026-10-14 is billed 2 times",
            records: [SourceRef(file: "b.csv", line: 2, recordID: "B1/1")], participantIDs: [participant])
    }

    @Test("version 2 leaves the participant id and withheld text out; version 1 hashes the whole message")
    func versions() {
        let a = Self.finding(participant: "141414141A")
        let b = Self.finding(participant: "999999999Z")
        #expect(Baseline.fingerprint(a) == Baseline.fingerprint(b))
        #expect(Baseline.fingerprint(a, version: 1) != Baseline.fingerprint(b, version: 1))
        var quoted = Finding(
            rule: "CARE002", message: "policy work (\"notes on 141414141A\")", records: [],
            withheld: ["notes on 141414141A"])
        let first = Baseline.fingerprint(quoted)
        quoted.message = "policy work (\"notes on 999999999Z\")"
        quoted.withheld = ["notes on 999999999Z"]
        #expect(Baseline.fingerprint(quoted) == first)
    }

    @Test("a version 1 file is read as version 1, so its fingerprints still match")
    func versionOneFile() throws {
        let finding = Self.finding(participant: "C1")
        let v1 =
            "# care-audit baseline v1: one finding per line (fingerprint rule); edit by deleting lines\n"
            + Baseline.fingerprint(finding, version: 1) + " DUP001\n"
        let baseline = try Baseline(contents: v1, file: "old.txt")
        #expect(baseline.version == 1)
        #expect(baseline.counts[Baseline.fingerprint(finding, version: 1)] == 1)
        let v2 = try Baseline(contents: Baseline.contents(for: [finding]), file: "new.txt")
        #expect(v2.version == 2 && v2.counts[Baseline.fingerprint(finding)] == 1)
    }
}
