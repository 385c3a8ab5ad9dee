/// CARE003: client-specific CARE work with no participant id.
/// Complexity: O(n): one look at each entry.
struct CARE003NoParticipant: Rule {
    let description = RuleDescription(
        id: "CARE003", name: "Client-specific CARE activity without a participant",
        summary: "A court hearing, court report, legal notice or outreach entry (not ancillary time) names no participant id.",
        rationale:
            "Hearings, reports, notices and outreach concern one respondent; without the participant the claim cannot be traced to a CARE case when the state reviews the invoice.",
        severity: .warning,
        requires: [.timesheetParticipantColumn],
        examples: [
            RuleExample(
                "court report without a client",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court report")
                ],
                findings: 1, expects: ["T1"]),
            RuleExample(
                "data reporting needs no client",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE data reporting")
                ],
                findings: 0),
            RuleExample(
                "a CARE team meeting needs no client",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE team meeting")
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        context.entries.compactMap { entry in
            let category = entry.category
            guard category.isClientSpecific, entry.ancillary == nil, entry.participantID.isEmpty else { return nil }
            return Finding(
                message:
                    "\(context.staffLabel(entry.staffID)) recorded \(context.describeTime(entry)) of \(category.label) on \(entry.date) with no participant id",
                records: [context.source(entry)], minutes: entry.minutes, staffID: context[entry.staffID], date: entry.date)
        }
    }
}
