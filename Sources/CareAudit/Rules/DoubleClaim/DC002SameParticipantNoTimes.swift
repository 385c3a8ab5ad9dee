/// DC002: CARE time and a billed service for the same participant, staff and day where either
/// side has no times, so an overlap cannot be ruled out.
struct DC002SameParticipantNoTimes: Rule {
    let description = RuleDescription(
        id: "DC002", name: "CARE time and billing for the same participant without times",
        summary: "A CARE-claimable entry and a billed service share staff member, participant and date, and one of them has no start/end time: the minutes may be claimed twice.",
        rationale: "Without times an overlap can be neither proven nor ruled out; an auditor will ask for the notes. Same-participant, same-day CARE and billed time is the pattern OIG reviews sample first.",
        severity: .warning,
        examples: [
            RuleExample("outreach without times and a billed session for the same client",
                        timesheet: ["T1,E1,2026-10-14,,,60,,Outreach and engagement,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,10:30,11:15,,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        findings: 1),
            RuleExample("different participants",
                        timesheet: ["T1,E1,2026-10-14,,,60,,Outreach and engagement,C1,0,REG,CARE"],
                        billing: ["884213,1,C2,2026-10-14,,,45,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        findings: 0),
            RuleExample("both sides have times: DC001's job, not this rule's",
                        timesheet: ["T1,E1,2026-10-14,09:00,10:00,,,Outreach and engagement,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,10:30,11:15,,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for key in context.staffDays {
            let entryIndexes = context.entryIndexes(key), lineIndexes = context.lineIndexes(key)
            guard !entryIndexes.isEmpty, !lineIndexes.isEmpty else { continue }
            for entryIndex in entryIndexes {
                let entry = context.entries[entryIndex]
                guard entry.category.isCareClaimable, !entry.participantID.isEmpty else { continue }
                for lineIndex in lineIndexes {
                    let line = context.lines[lineIndex]
                    guard line.participantID == entry.participantID, entry.interval == nil || line.interval == nil else { continue }
                    let minutes = min(entry.minutes, context.minutesForComparison(line))
                    findings.append(Finding(
                        rule: description.id,
                        message: "\(context.staffLabel(key.staff)) claimed \(context.describeTime(entry)) on \(key.day) as \(entry.category.label) for participant \(context[entry.participantID]) and billed \(context.describe(line)) for the same participant on claim \(context[line.claimID]); without times on both, up to \(minutes) minutes may be claimed twice",
                        records: [context.source(entry), context.source(line)], minutes: minutes,
                        amount: context.billedShare(line, minutes: minutes), staffID: context[key.staff], date: key.day,
                        participantIDs: context.texts(entry.participantID)))
                }
            }
        }
        return findings
    }
}
