/// DUP003: the same service billed to two payers.
struct DUP003TwoPayers: Rule {
    let description = RuleDescription(
        id: "DUP003", name: "Same service billed to two payers",
        summary:
            "Counted claim lines for the same participant, procedure and date go to different payer types (Medi-Cal and commercial, say); lines whose times do not overlap are separate sessions.",
        rationale:
            "Medi-Cal is the payer of last resort: a service billed to commercial insurance and to Medi-Cal is paid twice unless one is a coordinated secondary claim.",
        severity: .warning,
        examples: [
            RuleExample(
                "one session, two payers",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                    .line(
                        "990001/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00", payer: "COMMERCIAL"),
                ],
                findings: 1, expects: ["884213/1", "990001/1"]),
            RuleExample(
                "one payer",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00")
                ],
                findings: 0),
        ])

    /// O(n log n) per service group (`IntervalSweep.meetsOtherClass` over payer types).
    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for group in context.serviceGroups where group.count > 1 {
            let indexes = context.lineIndexes(group)
            guard !context.lines[indexes.first!].participantID.isEmpty else { continue }
            let lines = indexes.map { context.lines[$0] }
            let payerTypes = lines.map(\.payerType)
            guard Set(payerTypes).count > 1 else { continue }
            let meets = IntervalSweep.meetsOtherClass(
                lines.map(\.clockInterval), classes: payerTypes.map { PayerType.allCases.firstIndex(of: $0)! })
            var involved = lines.indices.filter { meets[$0] }.map { lines[$0] }
            guard !involved.isEmpty else { continue }
            involved.sort { context.precedes($0.row, $1.row) }
            let first = involved[0]
            let payers = Set(involved.map { context.payerLabel($0) }).sorted().joined(separator: " and ")
            findings.append(
                Finding(
                    message:
                        "\(context[first.procedureCode]) for participant \(context[first.participantID]) on \(first.serviceDate) is billed to \(payers) (claims \(context.claimList(involved)))",
                    records: involved.map(context.source), minutes: nil,
                    // All but the largest payment is paid twice.
                    money: context.billingExposure(
                        involved.sorted { ($0.billedAmount ?? .zero) > ($1.billedAmount ?? .zero) }.dropFirst().map { ($0, nil) }),
                    date: first.serviceDate, participantIDs: context.texts(first.participantID)))
        }
        return findings
    }
}
