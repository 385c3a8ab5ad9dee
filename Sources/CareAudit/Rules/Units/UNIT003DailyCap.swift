/// UNIT003: more units per participant, code and day than the configured cap.
/// Complexity: O(n): lines summed per participant, code and day (the service groups).
struct UNIT003DailyCap: Rule {
    let description = RuleDescription(
        id: "UNIT003", name: "Daily unit cap exceeded",
        summary:
            "Counted units (denied lines excluded) for one participant, procedure code and day exceed billing.daily_unit_caps for that code.",
        rationale:
            "Payers publish medically unlikely edits (MUE-like daily caps; one plan caps H0038 at 16 units a day). Lines over the cap are denied or recouped.",
        severity: .warning,
        requires: [.unitCaps],
        examples: [
            RuleExample(
                "17 units in a day against a cap of 16",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", code: "H0038", units: "9", amount: "360.00"),
                    .line("884214/1", participant: "C1", date: "2026-10-14", code: "H0038", units: "8", staff: "E2", amount: "320.00"),
                ],
                findings: 1, expects: ["884213/1", "884214/1"], configuration: "billing: {daily_unit_caps: {H0038: 16}}"),
            RuleExample(
                "16 units",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", code: "H0038", units: "8", amount: "320.00"),
                    .line("884214/1", participant: "C1", date: "2026-10-14", code: "H0038", units: "8", staff: "E2", amount: "320.00"),
                ],
                findings: 0, configuration: "billing: {daily_unit_caps: {H0038: 16}}"),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        let caps = context.byText(context.configuration.billing.dailyUnitCaps)
        return context.serviceGroups.compactMap { service in
            let indexes = context.lineIndexes(service)
            let group = context.lines[indexes.first!]
            guard let cap = caps[group.procedureCode] else { return nil }
            let units = indexes.reduce(0) { $0 + context.lines[$1].units }
            guard units > cap else { return nil }
            let lines = indexes.map { context.lines[$0] }.sorted { context.precedes($0.row, $1.row) }
            // Exposed: the units past the cap, shared over the lines by their units (no line is
            // "the one over the cap": the order of a file says nothing about it).
            let overCap = lines.map { line -> (BillingLine, Money?) in
                (line, line.billedAmount?.share(units - cap, of: units) ?? .zero)
            }
            return Finding(
                message:
                    "participant \(context[group.participantID]) has \(units) units of \(context[group.procedureCode]) on \(group.serviceDate), over the daily cap of \(cap)",
                records: lines.map(context.source), money: context.billingExposure(overCap), date: group.serviceDate,
                participantIDs: context.texts(group.participantID))
        }
    }
}
