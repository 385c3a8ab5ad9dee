/// TS004: a billed service that no timesheet time covers.
/// Complexity: O(n·e) per staff day at worst, e its entries (sorted, so each line's scan stops at its end).
struct TS004BilledWithoutTimesheet: Rule {
    let description = RuleDescription(
        id: "TS004", name: "Billed service outside timesheet hours",
        summary:
            "A counted, not denied, billed service (with times) not fully covered by the staff member's timesheet entries that day (leave excluded), or (without times) on a day with no timesheet work at all.",
        rationale:
            "A service billed while the clinician was not on the clock was either not rendered as billed or worked off the books; auditors match claims to payroll.",
        severity: .warning,
        requires: [.timesheets],
        examples: [
            RuleExample(
                "a session billed at 15:00 on a morning-only timesheet",
                [
                    .entry("T1", date: "2026-10-14", start: "08:00", end: "12:00", activity: "CARE court report", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "15:00", end: "15:45", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 1, expects: ["884213/1"]),
            RuleExample(
                "a crisis session at 00:30 inside an overnight shift that started at 22:00 the day before",
                [
                    .entry("T1", date: "2026-10-13", start: "22:00", end: "02:00", activity: "Peer support session", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "00:30", end: "01:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 0),
            RuleExample(
                "a skills group for four participants outside the timesheet is one finding, not four",
                [
                    .entry("T1", date: "2026-10-14", start: "08:00", end: "12:00", activity: "CARE court report", participant: "C1")
                ]
                    + (1...4).map { i in
                        .line(
                            "88421\(i)/1", participant: "C\(i)", date: "2026-10-14", start: "15:00", end: "16:00", code: "H0025",
                            units: "4", amount: "60.00")
                    },
                findings: 1, expects: ["884211/1", "884212/1", "884213/1", "884214/1"]),
            RuleExample(
                "a session inside a peer support entry",
                [
                    .entry("T1", date: "2026-10-14", start: "15:00", end: "16:00", activity: "Peer support session", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "15:00", end: "15:45", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        var cover: [Range<Int>] = []  // reused across days
        for key in context.staffDays where !context.lostRow(key) {
            let lineIndexes = context.lineIndexes(key)
            guard !lineIndexes.isEmpty else { continue }
            cover.removeAll(keepingCapacity: true)
            var worked = 0
            var untimed = 0
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
                    findings.append(
                        Finding(
                            message:
                                "\(context.staffLabel(key.staff)) rendered a group session \(context.describe(line)) on \(key.day) for \(members.count) participants (claims \(context.claimList(members))) but \(missing) minutes of it are on no timesheet entry",
                            records: members.map(context.source), minutes: missing,
                            money: context.billingExposure(members.map { ($0, context.billedShare($0, minutes: missing)) }),
                            staffID: context[key.staff], date: key.day,
                            participantIDs: context.participants(members.map(\.participantID))))
                    continue
                }
                findings.append(
                    Finding(
                        message:
                            "\(context.staffLabel(key.staff)) rendered \(context.describe(line)) on \(key.day) (claim \(context[line.claimID])) but \(missing) minutes of it are on no timesheet entry",
                        records: [context.source(line)], minutes: missing,
                        money: context.billingExposure([(line, context.billedShare(line, minutes: missing))]),
                        staffID: context[key.staff], date: key.day, participantIDs: context.texts(line.participantID)))
            }
        }
        return findings
    }
}
