/// UNIT002: a billed line with zero or negative units.
/// Complexity: O(n): one look at each line.
struct UNIT002NoUnits: Rule {
    let description = RuleDescription(
        id: "UNIT002", name: "Zero or negative units",
        summary: "A claim line that is not a void has units ≤ 0.",
        rationale:
            "Only a void (frequency 8) may reverse units; a non-void line with no units is a data error the payer will reject, and a negative one silently reduces a total.",
        severity: .error,
        examples: [
            RuleExample(
                "zero units on a paid line",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", minutes: "5", code: "H0038", units: "0", amount: "0.00")
                ],
                findings: 1, expects: ["884213/1"]),
            RuleExample(
                "a void",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "-3", amount: "-120.00",
                        status: "VOID", frequency: "8", original: "884100")
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        context.countedLines.compactMap { index in
            let line = context.lines[index]
            guard line.units <= 0 else { return nil }
            return Finding(
                message:
                    "claim \(context[line.claimID]) bills \(line.units) units of \(context[line.procedureCode]) on \(line.serviceDate) without being a void",
                records: [context.source(line)], staffID: context.lineStaffID(index), date: line.serviceDate,
                participantIDs: context.texts(line.participantID))
        }
    }
}
