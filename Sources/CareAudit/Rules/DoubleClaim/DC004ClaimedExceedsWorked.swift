/// DC004: more minutes claimed for a staff day (CARE time, billed services, other work) than the
/// timesheet shows worked that day.
/// Complexity: O(n): one pass over each staff day's entries and lines.
struct DC004ClaimedExceedsWorked: Rule {
    let description = RuleDescription(
        id: "DC004", name: "Claimed minutes exceed worked minutes",
        summary: "For a staff member and day, CARE-claimable minutes + billed service minutes (denied lines excluded) + other work on the timesheet exceed the minutes worked on the timesheet.",
        rationale: "Nobody can be paid for more minutes than they worked. When billing runs ahead of the timesheet, either services are billed that were not worked or CARE time and services were claimed for the same minutes.",
        severity: .error,
        options: [RuleOption("tolerance_minutes", default: "7", help: "Excess tolerated per day (7: a billing unit's rounding).")],
        requires: [.timesheets],
        examples: [
            RuleExample("two billed hours on a one-hour timesheet day",
                        timesheet: ["T1,E1,2026-10-14,09:00,10:00,,,Peer support session,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,13:00,15:00,,H0038,8,E1,,320.00,PAID,1,,MEDI-CAL,11"],
                        findings: 1),
            RuleExample("an overnight crisis shift whose services after midnight lie inside it",
                        timesheet: ["T1,E1,2026-10-13,22:00,02:00,,,Peer support session,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-13,22:30,23:30,,H0038,4,E1,,160.00,PAID,1,,MEDI-CAL,11",
                                  "884214,1,C2,2026-10-14,00:30,01:30,,H0038,4,E1,,160.00,PAID,1,,MEDI-CAL,11"],
                        findings: 0),
            RuleExample("a 90-minute skills group for six participants is 90 minutes of the facilitator's time, not 540",
                        timesheet: ["T1,E1,2026-10-14,10:00,11:30,,,Skill building group,,0,REG,CARE"],
                        billing: (1...6).map { "88421\($0),1,C\($0),2026-10-14,10:00,11:30,,H0025,6,E1,,60.00,PAID,1,,MEDI-CAL,11" },
                        findings: 0),
            RuleExample("the fall-back night: 01:00–03:00 is 180 minutes worked, and 180 billed",
                        timesheet: ["T1,E1,2026-11-01,01:00,03:00,180,,Peer support session,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-11-01,01:00,03:00,,H0038,12,E1,,480.00,PAID,1,,MEDI-CAL,11"],
                        findings: 0),
            RuleExample("the spring-forward night: 01:00–03:00 is 60 minutes worked; 120 billed is too much",
                        timesheet: ["T1,E1,2026-03-08,01:00,03:00,60,,Peer support session,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-03-08,,,120,H0038,8,E1,,320.00,PAID,1,,MEDI-CAL,11"],
                        findings: 1),
            RuleExample("billing matches the direct-service time",
                        timesheet: ["T1,E1,2026-10-14,09:00,10:00,,,Peer support session,C1,0,REG,CARE",
                                    "T2,E1,2026-10-14,10:00,12:00,,,CARE court report,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,09:00,10:00,,H0038,4,E1,,160.00,PAID,1,,MEDI-CAL,11"],
                        findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        let tolerance = options.int("tolerance_minutes")
        var findings: [Finding] = []
        for key in context.staffDays {
            // A denied line is not paid; its resubmission is. Counting both would double its minutes.
            // (Sums first, without building anything: most days are fine.)
            var billed = 0, lineCount = 0
            var sessions: [Int] = []  // a group session's minutes are the staff member's once
            for index in context.lineIndexes(key) where context.lines[index].status != .denied {
                lineCount += 1
                if let session = context.session(ofLine: index) {
                    if sessions.contains(session) { continue }
                    sessions.append(session)
                }
                billed += context.minutesForComparison(context.lines[index])
            }
            guard lineCount > 0 else { continue }
            var worked = 0, care = 0, other = 0
            for index in context.entryIndexes(key) {
                let entry = context.entries[index]
                let c = entry.category
                if c != .leave { worked += entry.minutes }
                if c.isCareClaimable {
                    care += entry.minutes
                } else if c != .directService && c != .leave {
                    other += entry.minutes
                }
            }
            let claimed = care + billed + other
            guard claimed - worked > tolerance else { continue }
            let excess = claimed - worked
            let entries = context.entryIndexes(key).map { context.entries[$0] }
            let lines = context.lineIndexes(key).map { context.lines[$0] }.filter { $0.status != .denied }
            findings.append(Finding(
                rule: description.id,
                message: "\(context.staffLabel(key.staff)) on \(key.day): \(care) CARE minutes + \(billed) billed minutes + \(other) other minutes = \(claimed) claimed, but the timesheet shows \(worked) minutes worked: \(excess) minutes more than worked",
                records: entries.map(context.source) + lines.map(context.source), minutes: excess,
                amount: context.careAmount(minutes: min(excess, care)), staffID: context[key.staff], date: key.day))
        }
        return findings
    }
}
