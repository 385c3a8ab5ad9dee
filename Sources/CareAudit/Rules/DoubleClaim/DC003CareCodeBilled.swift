/// DC003: a CARE activity code on a payer's claim line: CARE administrative time billed as a
/// service.
/// Complexity: O(n): one look at each line.
struct DC003CareCodeBilled: Rule {
    let description = RuleDescription(
        id: "DC003", name: "CARE activity billed to a payer",
        summary:
            "A claim line carries a CARE activity code (an activity code mapped to a CARE category, or one listed in classification.care_procedure_codes).",
        rationale:
            "CARE administrative activities are paid by the state's hourly CARE rate; billing them to Medi-Cal or commercial insurance claims the same work from a second payer.",
        severity: .error,
        examples: [
            RuleExample(
                "a CARE hearing code on a claim",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "CH01", units: "3",
                        amount: "120.00")
                ],
                findings: 1, expects: ["884213/1"], configuration: "classification: {activity_codes: {CH01: CARE_COURT_HEARING}}"),
            RuleExample(
                "a peer service code",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00")
                ],
                findings: 0, configuration: "classification: {activity_codes: {CH01: CARE_COURT_HEARING}}"),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        context.countedLines.compactMap { index in
            let line = context.lines[index]
            guard line.isCareActivityCode else { return nil }
            let staff = context.lineStaffID(index)
            return Finding(
                message:
                    "claim \(context[line.claimID]) bills \(context[line.procedureCode]), a CARE activity code, to \(context.payerLabel(line)) on \(line.serviceDate)\(staff.map { " for \(context.staffLabel($0))" } ?? ""): CARE time is claimed on the CARE invoice, not billed",
                records: [context.source(line)], minutes: context.billedMinutes(line), money: context.billingExposure([(line, nil)]),
                staffID: staff, date: line.serviceDate, participantIDs: context.texts(line.participantID))
        }
    }
}
