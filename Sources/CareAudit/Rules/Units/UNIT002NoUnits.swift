/// UNIT002: a billed line with zero or negative units.
/// Complexity: O(n): one look at each line.
struct UNIT002NoUnits: Rule {
    let description = RuleDescription(
        id: "UNIT002", name: "Zero or negative units",
        summary: "A claim line that is not a void has units ≤ 0.",
        rationale: "Only a void (frequency 8) may reverse units; a non-void line with no units is a data error the payer will reject, and a negative one silently reduces a total.",
        severity: .error,
        examples: [
            RuleExample("zero units on a paid line",
                        billing: ["884213,1,C1,2026-10-14,,,5,H0038,0,E1,,0.00,PAID,1,,MEDI-CAL,11"], findings: 1),
            RuleExample("a void",
                        billing: ["884213,1,C1,2026-10-14,,,45,H0038,-3,E1,,-120.00,VOID,8,884100,MEDI-CAL,11"], findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        context.lines.indices.compactMap { index in
            let line = context.lines[index]
            guard !line.isVoid, line.units <= 0 else { return nil }
            return Finding(
                rule: description.id,
                message: "claim \(context[line.claimID]) bills \(line.units) units of \(context[line.procedureCode]) on \(line.serviceDate) without being a void",
                records: [context.source(line)], staffID: context.lineStaffID(index), date: line.serviceDate,
                participantIDs: context.texts(line.participantID))
        }
    }
}
