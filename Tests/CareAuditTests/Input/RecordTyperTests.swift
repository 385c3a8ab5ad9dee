import Testing

@testable import CareAudit

@Suite("Typed records")
struct RecordTyperTests {
    let loader = InputLoader(configuration: Configuration())

    @Test("every format of the varied timesheet types; midnight is crossed, not mangled")
    func varied() throws {
        let loaded = loader.load([(Fixtures.path("exports/timesheet-varied.csv"), .timesheet)])
        let summary = loaded.summaries[0]
        #expect(summary.rows == 13)
        #expect(summary.accepted == 12)
        #expect(summary.rejected == 1)
        #expect(summary.problems.map { "\($0.code.rawValue)@\($0.line):\($0.column)" } == ["bad-duration@9:13"])
        let entries = loaded.timeEntries
        #expect(loaded.texts[entries[0].staffID] == "007")
        #expect(entries[1].date.description == "2026-10-05")
        #expect(entries[1].interval == 540..<630)
        #expect(entries[2].row.line == 4)
        #expect(entries[2].interval == 630..<660)
        #expect(entries[4].minutes == 60 && entries[4].travelMinutes == 15)
        #expect(entries[5].minutes == 480 && entries[5].start == nil)
        #expect(loaded.texts[entries[6].recordID] == "T8")
    }

    @Test("a night shift 22:00–02:00 is 240 minutes")
    func midnight() throws {
        let path = try temporaryFile("Staff ID,Date,Start,End,Hours\nE1,2026-10-07,22:00,02:00,4.00\n")
        let entry = loader.load([(path, .timesheet)]).timeEntries[0]
        #expect(entry.minutes == 240)
        #expect(entry.interval == 1320..<1560)
    }

    @Test("a bad value rejects its row, named by file:line:column, and the next row is read")
    func badValues() {
        let path = Fixtures.path("exports/timesheet-bad-values.csv")
        let loaded = loader.load([(path, .timesheet)])
        let summary = loaded.summaries[0]
        #expect(
            summary.problems.map { "\($0.code.rawValue)@\($0.line):\($0.column)" } == [
                "bad-date@2:3", "bad-time@3:4", "bad-time@3:5", "duration-mismatch@4:6", "bad-duration@5:6",
                "missing-value@6:2", "missing-value@7:5",
            ])
        #expect(summary.problems[0].message == "Date \"2026-02-30\" is not a date (YYYY-MM-DD, MM/DD/YYYY or M/D/YY)")
        #expect(summary.problems[0].formatted.hasPrefix("\(path):2:3: error:"))
        #expect(summary.rows == 7 && summary.accepted == 1 && summary.rejected == 6)
        #expect(loaded.timeEntries.map(\.row.line) == [8])
    }

    @Test("billing values: units, amounts, status and frequency")
    func billing() {
        let loaded = loader.load([(Fixtures.path("exports/billing-values.csv"), .billing)])
        let summary = loaded.summaries[0]
        #expect(
            summary.problems.map { "\($0.code.rawValue)@\($0.line):\($0.column)" } == [
                "bad-number@3:6", "bad-amount@4:8", "missing-value@6:7", "bad-code@7:9", "bad-code@7:10",
            ])
        let lines = loaded.billingLines
        #expect(lines.count == 2)
        #expect(lines[0].billedAmount?.cents == 123_450)
        #expect(lines[0].payerType == .mediCal)
        #expect(loaded.texts[lines[0].renderingNPI] == "1234567890")
        #expect(lines[1].billedAmount?.cents == -1200)
        #expect(lines[1].status == .void && lines[1].frequency == .void)
        #expect(summary.rows == summary.accepted + summary.rejected)
    }

    @Test("validation keeps no records, so its text table stays bounded however many distinct values")
    func validationForgetsTexts() throws {
        var text = "Entry ID,Staff ID,Date,Minutes,Client ID\n"
        for i in 0..<70_000 { text += "T\(i),E\(i % 7),2026-10-01,30,C\(i)\n" }
        let path = try temporaryFile(text)
        let validated = loader.load([(path, .timesheet)], keepRecords: false)
        #expect(validated.summaries[0].accepted == 70_000 && validated.timeEntries.isEmpty)
        #expect(validated.texts.count <= (1 << 16) + 8)
        let audited = loader.load([(path, .timesheet)])
        #expect(audited.texts.count > 140_000)  // entry ids and client ids, all kept
    }

    @Test("a value that repeats the row before gets the same id; a changed one, or another case, does not")
    func repeatedValues() throws {
        let path = try temporaryFile(
            "Staff ID,Date,Minutes,Pay Code,Program\n"
                + "E1,2026-10-01,30,reg,P\nE1,2026-10-01,30,REG,P\nE10,2026-10-01,30,reg,p\n"
                + "E1,2026-10-01,30,Reg,p\nE1 ,2026-10-01,30,OT,\n")
        let loaded = loader.load([(path, .timesheet)])
        let entries = loaded.timeEntries
        #expect(entries.map { loaded.texts[$0.staffID] } == ["E1", "E1", "E10", "E1", "E1"])
        #expect(entries.map { loaded.texts[$0.payCode] } == ["REG", "REG", "REG", "REG", "OT"])
        #expect(entries.map { loaded.texts[$0.program] } == ["P", "P", "p", "p", ""])
        #expect(Set(entries.map(\.staffID)).count == 2 && Set(entries.map(\.payCode)).count == 2)
        #expect(entries[0].program == entries[1].program && entries[2].program != entries[1].program)
    }

    @Test("roster")
    func roster() throws {
        let path = try temporaryFile(
            "Employee ID,Name,Role,NPI,Cert Number,Cert Issued,Cert Expires,Cert Status\n"
                + "0042,Ann,CERTIFIED_PEER,123,PSS-1,2025-01-01,2026-12-31,ACTIVE\nE2,Bo,CLINICIAN,456,,,,\nE3,Cy,PEER,,,,2026-13-01,\n")
        let loaded = loader.load([(path, .roster)])
        #expect(loaded.staff.map(\.staffID) == ["0042", "E2"])
        #expect(loaded.staff[0].isCertifiedPeer && !loaded.staff[1].isCertifiedPeer)
        #expect(loaded.staff[0].certExpires?.description == "2026-12-31")
        #expect(loaded.summaries[0].problems.map(\.code) == [.badDate])
    }
}
