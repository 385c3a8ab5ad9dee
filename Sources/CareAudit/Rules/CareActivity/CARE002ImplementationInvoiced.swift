/// CARE002: implementation time marked for the CARE invoice.
/// Complexity: O(n): one look at each entry (the description's own category was decided when it was read).
struct CARE002ImplementationInvoiced: Rule {
    let description = RuleDescription(
        id: "CARE002", name: "Implementation time marked for the CARE invoice",
        summary:
            "Implementation work (policies, stakeholder meetings, building forms) is marked for the invoice: its activity code maps to a claimable CARE category while its description says implementation, or its program is one of `invoice_programs`.",
        rationale:
            "CARE implementation activities are tracked but not claimable on the CARE administrative invoice; claiming them over-bills the state.",
        severity: .error,
        options: [
            RuleOption(
                "invoice_programs", default: "", help: "Comma-separated programs / cost centers whose time goes on the CARE invoice.")
        ],
        examples: [
            RuleExample(
                "implementation planning coded as court hearing time",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", code: "CH01", activity: "CARE implementation planning")
                ],
                findings: 1, expects: ["T1"], configuration: "classification: {activity_codes: {CH01: CARE_COURT_HEARING}}"),
            RuleExample(
                "implementation time in an invoiced program",
                [
                    .entry(
                        "T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "Stakeholder meeting on CARE policies",
                        program: "CARE-INVOICE")
                ],
                findings: 1, expects: ["T1"], configuration: "rules: {CARE002: {invoice_programs: CARE-INVOICE}}"),
            RuleExample(
                "implementation time tracked, not invoiced",
                [
                    .entry(
                        "T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "Stakeholder meeting on CARE policies",
                        program: "CARE-ADMIN")
                ],
                findings: 0, configuration: "rules: {CARE002: {invoice_programs: CARE-INVOICE}}"),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        let programs = Set(options.list("invoice_programs").map { $0.uppercased() })
        return context.entries.compactMap { entry in
            let category = entry.category
            guard category.isCareClaimable || category == .careImplementation else { return nil }
            let reason: String
            if category.isCareClaimable && entry.describedAs == .careImplementation {
                reason = "activity code \(context[entry.activityCode]) puts it on the invoice as \(category.label)"
            } else if category == .careImplementation && programs.contains(context[entry.program].uppercased()) {
                reason = "program \(context[entry.program]) is invoiced"
            } else {
                return nil
            }
            return Finding(
                message:
                    "\(context.staffLabel(entry.staffID)) recorded \(context.describeTime(entry)) of CARE implementation work (\"\(context[entry.activityDescription])\") on \(entry.date) and \(reason); implementation is not claimable",
                records: [context.source(entry)], minutes: entry.minutes, money: context.invoiceAdjustment([(entry, entry.minutes)]),
                staffID: context[entry.staffID], date: entry.date, withheld: [context[entry.activityDescription]])
        }
    }
}
