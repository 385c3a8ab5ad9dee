import Foundation
import Testing

@testable import CareAudit

/// Big files are cut into parts read on both cores. Whatever the cuts, the audit must read
/// exactly what one sequential read gives: the same records, lines, problems and totals.
@Suite("Reading big files in parts")
struct SplitReadingTests {
    /// Everything a read produced, as comparable text.
    static func dump(_ loaded: AuditInput) -> [String] {
        let t = loaded.texts
        var lines = loaded.summaries.map { s in
            "\(s.path) rows \(s.rows)=\(s.accepted)+\(s.rejected) lines \(s.lines) blank \(s.blankLines) bytes \(s.bytes) sha \(s.sha256) "
                + s.problems.map(\.formatted).joined(separator: " | ")
                + " not kept \(s.problemsNotKept) \(s.counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })"
        }
        lines += loaded.timeEntries.map { e in
            "T \(e.row.file):\(e.row.line) \(t[e.recordID]) \(t[e.staffID]) \(t[e.staffName]) \(e.date) \(String(describing: e.interval)) "
                + "\(e.minutes) \(t[e.activityCode]) \(t[e.activityDescription]) \(t[e.participantID]) \(t[e.program]) "
                + "\(t[e.payCode]) \(e.travelMinutes) \(e.category) \(String(describing: e.ancillary))"
        }
        lines += loaded.billingLines.map { b in
            "B \(b.row.file):\(b.row.line) \(t[b.claimID])/\(t[b.lineNumber]) \(t[b.participantID]) \(b.serviceDate) "
                + "\(String(describing: b.interval)) \(String(describing: b.serviceMinutes)) \(t[b.procedureCode]) \(t[b.modifiers]) "
                + "\(b.units) \(t[b.placeOfService]) \(t[b.payerName]) \(b.payerType) \(t[b.renderingStaffID]) \(t[b.renderingNPI]) "
                + "\(t[b.renderingTaxonomy]) \(String(describing: b.billedAmount)) \(b.status) \(b.frequency) \(t[b.originalClaimID])"
        }
        return lines
    }

    /// The first line where two dumps differ, shown side by side (nil when equal).
    static func difference(_ a: [String], _ b: [String]) -> String? {
        for (x, y) in zip(a, b) where x != y {
            let common = zip(x, y).prefix { $0 == $1 }.count
            return "…\(x.dropFirst(max(common - 60, 0)).prefix(200))\n  vs\n…\(y.dropFirst(max(common - 60, 0)).prefix(200))"
        }
        return a.count == b.count ? nil : "\(a.count) lines vs \(b.count)"
    }

    static func load(_ files: [(String, InputKind?)], parts: Int) -> AuditInput {
        var loader = InputLoader(configuration: Configuration())
        loader.splitBytes = parts > 1 ? 1 : .max
        loader.parts = parts
        return loader.load(files)
    }

    @Test("the example month reads the same in 2, 3 and 7 parts", arguments: [2, 3, 7])
    func exampleMonth(parts: Int) {
        let files: [(String, InputKind?)] = [
            (Fixtures.root.deletingLastPathComponent().appendingPathComponent("examples/county-month/timesheets.csv").path, .timesheet),
            (Fixtures.root.deletingLastPathComponent().appendingPathComponent("examples/county-month/billing.csv").path, .billing),
            (Fixtures.root.deletingLastPathComponent().appendingPathComponent("examples/county-month/roster.csv").path, .roster),
        ]
        let whole = Self.dump(Self.load(files, parts: 1))
        let split = Self.dump(Self.load(files, parts: parts))
        #expect(Self.difference(split, whole) == nil)
    }

    /// Quoted line breaks, CRLF, a lone CR, blank lines, bad values and a BOM, repeated so
    /// that cuts fall everywhere; then the same with a stray quote that fools the quote count.
    @Test("awkward rows read the same in parts; a stray quote falls back to one piece", arguments: [false, true])
    func awkward(strayQuote: Bool) throws {
        var text = "\u{FEFF}Entry ID,Staff ID,Date,Start,End,Activity,Participant\r\n"
        for i in 0..<400 {
            switch i % 7 {
            case 0:
                text += "T\(i),E\(i % 9),2026-10-\(String(format: "%02d", i % 28 + 1)),09:00,10:00,\"Court report,\nsecond line\",C\(i)\r\n"
            case 1: text += "\r\n"
            case 2: text += "T\(i),E\(i % 9),2026-10-02,25:00,10:00,Outreach,C\(i)\n"
            case 3: text += "T\(i),E\(i % 9),2026-10-03,11:00,12:00,\"He said \"\"call\"\"\r\nback\",C\(i)\r"
            case 4 where strayQuote && i == 200: text += "T\(i),E1,2026-10-04,11:00,12:00,bad \"quote\n\"x,C1\n"
            default: text += "T\(i),E\(i % 9),2026-10-05,13:00,14:30,Peer support session,\n"
            }
        }
        let path = try temporaryFile(text)
        let whole = Self.dump(Self.load([(path, .timesheet)], parts: 1))
        for parts in [2, 3, 5, 11] {
            #expect(Self.difference(Self.dump(Self.load([(path, .timesheet)], parts: parts)), whole) == nil, "\(parts) parts")
        }
    }

    /// The merge keeps the table of the part with the most distinct texts: here the second,
    /// whose records then keep their ids but still move down by the first part's lines.
    @Test("a later part's table as the base: its lines are still shifted")
    func laterBase() throws {
        var text = "Entry ID,Staff ID,Date,Start,End,Activity,Participant\n"
        for i in 0..<300 { text += "T\(i),E1,2026-10-01,09:00,10:00,Outreach,C1\n" }
        for i in 300..<600 { text += "T\(i),E\(i),2026-10-02,09:00,10:00,Outreach \(i),C\(i)\n" }
        let path = try temporaryFile(text)
        let whole = Self.dump(Self.load([(path, .timesheet)], parts: 1))
        let split = Self.load([(path, .timesheet)], parts: 2)
        #expect(Self.difference(Self.dump(split), whole) == nil)
        #expect(split.timeEntries.last?.row.line == 601)
    }

    @Test("cuts fall right after a line feed outside quotes")
    func cuts() throws {
        let text = "a,b\n1,\"x\ny\"\r\n2,zzzzzzzzzz\r3,\"\"\"\n\"\n4,w\r\n5,vvvvvvvvvvvvvvvv\r\n6,u\n"
        let path = try temporaryFile(text)
        let bytes = Array(text.utf8)
        for count in 2...9 {
            let parts = SplitPoints.parts(path: path, size: bytes.count, endingAt: SplitPoints.equalFractions(count))
            #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == bytes.count)
            #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$1.isEmpty })
            for part in parts.dropFirst() {
                let before = bytes[..<part.lowerBound]
                #expect(before.last == 0x0A)
                #expect(before.filter { $0 == 0x22 }.count % 2 == 0)
            }
        }
    }
}
