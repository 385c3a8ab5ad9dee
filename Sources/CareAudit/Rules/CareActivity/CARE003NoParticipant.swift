/// CARE003: client-specific CARE work with no participant id.
/// Complexity: O(n): one look at each entry.
struct CARE003NoParticipant: Rule {
    let description = RuleDescription(
        id: "CARE003", name: "Client-specific CARE activity without a participant",
        summary: "A court hearing, court report, legal notice or outreach entry (not ancillary time) names no participant id.",
        rationale: "Hearings, reports, notices and outreach concern one respondent; without the participant the claim cannot be traced to a CARE case when the state reviews the invoice.",
        severity: .warning,
        examples: [
            RuleExample("court report without a client",
                        timesheet: ["T1,E1,2026-10-14,10:00,11:00,,,CARE court report,,0,REG,CARE"], findings: 1),
            RuleExample("data reporting needs no client",
                        timesheet: ["T1,E1,2026-10-14,10:00,11:00,,,CARE data reporting,,0,REG,CARE"], findings: 0),
            RuleExample("a CARE team meeting needs no client",
                        timesheet: ["T1,E1,2026-10-14,10:00,11:00,,,CARE team meeting,,0,REG,CARE"], findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        context.entries.compactMap { entry in
            let category = entry.category
            guard category.isClientSpecific, entry.ancillary == nil, entry.participantID.isEmpty else { return nil }
            return Finding(
                rule: description.id,
                message: "\(context.staffLabel(entry.staffID)) recorded \(context.describeTime(entry)) of \(category.label) on \(entry.date) with no participant id",
                records: [context.source(entry)], minutes: entry.minutes, staffID: context[entry.staffID], date: entry.date)
        }
    }
}
