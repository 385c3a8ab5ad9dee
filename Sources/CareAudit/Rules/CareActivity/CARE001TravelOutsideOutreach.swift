/// CARE001: travel minutes on a CARE entry other than outreach and engagement.
/// Complexity: O(n): one look at each entry.
struct CARE001TravelOutsideOutreach: Rule {
    let description = RuleDescription(
        id: "CARE001", name: "Travel time outside outreach",
        summary: "A CARE entry (claimable or implementation) records travel minutes, or is marked as travel, but is not CARE_OUTREACH.",
        rationale:
            "Outreach and engagement is the only CARE activity in which travel time counts; travel claimed with hearings, reports or notices is not reimbursable.",
        severity: .warning,
        examples: [
            RuleExample(
                "travel on a court hearing",
                [
                    .entry(
                        "T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court hearing", participant: "C1",
                        travel: "20")
                ],
                findings: 1, expects: ["T1"]),
            RuleExample(
                "travel on outreach",
                [
                    .entry(
                        "T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "Outreach and engagement", participant: "C1",
                        travel: "20")
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        context.entries.compactMap { entry in
            let category = entry.category
            guard category.isCareClaimable || category == .careImplementation, category != .careOutreach,
                entry.travelMinutes > 0 || entry.ancillary == .travel
            else { return nil }
            let minutes = entry.travelMinutes > 0 ? entry.travelMinutes : entry.minutes
            return Finding(
                message:
                    "\(context.staffLabel(entry.staffID)) recorded \(minutes) travel minutes with \(category.label) on \(entry.date); only outreach and engagement may claim travel",
                records: [context.source(entry)], minutes: minutes, money: context.invoiceAdjustment([(entry, minutes)]),
                staffID: context[entry.staffID], date: entry.date)
        }
    }
}
