/// CARE001: travel minutes on a CARE entry other than outreach and engagement.
/// Complexity: O(n): one look at each entry.
struct CARE001TravelOutsideOutreach: Rule {
    let description = RuleDescription(
        id: "CARE001", name: "Travel time outside outreach",
        summary: "A CARE entry (claimable or implementation) records travel minutes, or is marked as travel, but is not CARE_OUTREACH.",
        rationale: "Outreach and engagement is the only CARE activity in which travel time counts; travel claimed with hearings, reports or notices is not reimbursable.",
        severity: .warning,
        examples: [
            RuleExample("travel on a court hearing",
                        timesheet: ["T1,E1,2026-10-14,10:00,11:00,,,CARE court hearing,C1,20,REG,CARE"], findings: 1),
            RuleExample("travel on outreach",
                        timesheet: ["T1,E1,2026-10-14,10:00,11:00,,,Outreach and engagement,C1,20,REG,CARE"], findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        context.entries.compactMap { entry in
            let category = entry.category
            guard category.isCareClaimable || category == .careImplementation, category != .careOutreach,
                  entry.travelMinutes > 0 || entry.ancillary == .travel
            else { return nil }
            let minutes = entry.travelMinutes > 0 ? entry.travelMinutes : entry.minutes
            return Finding(
                rule: description.id,
                message: "\(context.staffLabel(entry.staffID)) recorded \(minutes) travel minutes with \(category.label) on \(entry.date); only outreach and engagement may claim travel",
                records: [context.source(entry)], minutes: minutes, amount: context.careAmount(minutes: minutes),
                staffID: context[entry.staffID], date: entry.date)
        }
    }
}
