/// TS004: a billed service that no timesheet time covers.
/// Complexity: O(n·e) per staff day at worst, e its entries (sorted, so each line's scan stops at its end).
struct TS004BilledWithoutTimesheet: Rule {
    let description = RuleDescription(
        id: "TS004", name: "Billed service outside timesheet hours",
        summary: "A counted, not denied, billed service (with times) not fully covered by the staff member's timesheet entries that day (leave excluded), or (without times) on a day with no timesheet work at all.",
        rationale: "A service billed while the clinician was not on the clock was either not rendered as billed or worked off the books; auditors match claims to payroll.",
        severity: .warning,
        requires: [.timesheets],
        examples: [
            RuleExample("a session billed at 15:00 on a morning-only timesheet",
                        timesheet: ["T1,E1,2026-10-14,08:00,12:00,,,CARE court report,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,15:00,15:45,,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"], findings: 1),
            RuleExample("a crisis session at 00:30 inside an overnight shift that started at 22:00 the day before",
                        timesheet: ["T1,E1,2026-10-13,22:00,02:00,,,Peer support session,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,00:30,01:15,,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"], findings: 0),
            RuleExample("a skills group for four participants outside the timesheet is one finding, not four",
                        timesheet: ["T1,E1,2026-10-14,08:00,12:00,,,CARE court report,C1,0,REG,CARE"],
                        billing: (1...4).map { "88421\($0),1,C\($0),2026-10-14,15:00,16:00,,H0025,4,E1,,60.00,PAID,1,,MEDI-CAL,11" },
                        findings: 1),
            RuleExample("a session inside a peer support entry",
                        timesheet: ["T1,E1,2026-10-14,15:00,16:00,,,Peer support session,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,15:00,15:45,,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"], findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        var cover: [Range<Int>] = []  // reused across days
        for key in context.staffDays {
            let lineIndexes = context.lineIndexes(key)
            guard !lineIndexes.isEmpty else { continue }
            cover.removeAll(keepingCapacity: true)
            var worked = 0, untimed = 0
            for index in context.entryIndexes(key) where context.entries[index].category != .leave {
                worked += 1
                if let interval = context.entries[index].interval { cover.append(interval) } else { untimed += 1 }
            }
            var sessions: [Int] = []  // a group session is one service of the staff member's
            for lineIndex in lineIndexes {
                let line = context.lines[lineIndex]
                guard line.status != .denied else { continue }
                let session = context.session(ofLine: lineIndex)
                if let session {
                    if sessions.contains(session) { continue }
                    sessions.append(session)
                }
                let missing: Int
                if let interval = line.interval {
                    guard untimed == 0 else { continue }
                    missing = IntervalSweep.uncovered(interval, by: cover)
                } else {
                    guard worked == 0 else { continue }
                    missing = context.minutesForComparison(line)
                }
                guard missing > 0 else { continue }
                if let session, context.sessionLines(session).count > 1 {
                    let members = context.sessionLines(session).map { context.lines[$0] }
                    findings.append(Finding(
                        rule: description.id,
                        message: "\(context.staffLabel(key.staff)) rendered a group session \(context.describe(line)) on \(key.day) for \(members.count) participants (claims \(context.claimList(members))) but \(missing) minutes of it are on no timesheet entry",
                        records: members.map(context.source), minutes: missing,
                        amount: members.reduce(Money.zero) { $0 + context.billedShare($1, minutes: missing) },
                        staffID: context[key.staff], date: key.day,
                        participantIDs: Array(Set(members.flatMap { context.texts($0.participantID) })).sorted()))
                    continue
                }
                findings.append(Finding(
                    rule: description.id,
                    message: "\(context.staffLabel(key.staff)) rendered \(context.describe(line)) on \(key.day) (claim \(context[line.claimID])) but \(missing) minutes of it are on no timesheet entry",
                    records: [context.source(line)], minutes: missing, amount: context.billedShare(line, minutes: missing),
                    staffID: context[key.staff], date: key.day, participantIDs: context.texts(line.participantID)))
            }
        }
        return findings
    }
}
