/// UNIT001: units that do not match the billable minutes under the code's unit rule.
/// Complexity: O(n): one look at each line.
struct UNIT001UnitsDisagreeWithMinutes: Rule {
    let description = RuleDescription(
        id: "UNIT001", name: "Units disagree with minutes",
        summary:
            "A claim line's units differ from what its billable minutes give under the code's unit rule (H0038/H0025: SmartCare's per-15 7/7 rule, units = (minutes + 7) / 15).",
        rationale:
            "Units are what the payer pays for. Billing 4 units for a 45-minute session over-bills by a unit; payers recoup the difference with interest. Travel and documentation minutes are not billable minutes.",
        severity: .error,
        examples: [
            RuleExample(
                "45 minutes billed as 4 units",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "4",
                        amount: "160.00")
                ],
                findings: 1, expects: ["884213/1"]),
            RuleExample(
                "45 minutes billed as 3 units",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00")
                ],
                findings: 0),
            RuleExample(
                "each participant of a 60-minute group billed 4 units (billing.group_minutes: full)",
                (1...5).map { i in
                    .line(
                        "88421\(i)/1", participant: "C\(i)", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0025", units: "4",
                        amount: "60.00")
                },
                findings: 0),
            RuleExample(
                "prorated: a 60-minute group of 4 is 15 minutes, 1 unit, each; 4 units each is over-billed",
                (1...4).map { i in
                    .line(
                        "88421\(i)/1", participant: "C\(i)", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0025", units: "4",
                        amount: "60.00")
                },
                findings: 4, expects: ["884211/1", "884212/1", "884213/1", "884214/1"], configuration: "billing: {group_minutes: prorated}"),
            RuleExample(
                "22 minutes is 1 unit, 23 is 2",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", minutes: "22", code: "H0038", units: "1", amount: "40.00"),
                    .line("884214/1", participant: "C1", date: "2026-10-14", minutes: "23", code: "H0038", units: "2", amount: "80.00"),
                ],
                findings: 0),
            RuleExample(
                "4 units for 45 minutes, replaced a month later by a corrected claim of 3: only the replacement is billed",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "4",
                        amount: "160.00"),
                    .line(
                        "884990/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00", frequency: "7", original: "884213"),
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        let unitRules = context.byText(context.configuration.billing.unitRules)
        let prorated = context.configuration.billing.groupMinutes == .prorated
        return context.countedLines.compactMap { index in
            let line = context.lines[index]
            guard let rule = unitRules[line.procedureCode],
                var minutes = context.billedMinutes(line)
            else { return nil }
            // A group line carries the session's minutes, or (prorated) its share of them.
            if prorated, let session = context.session(ofLine: index) {
                minutes /= max(context.sessionParticipants(session), 1)
            }
            let expected = rule.units(forMinutes: minutes)
            guard expected != line.units else { return nil }
            let extra = line.units - expected
            return Finding(
                message:
                    "claim \(context[line.claimID]) bills \(line.units) units of \(context[line.procedureCode]) for \(minutes) minutes on \(line.serviceDate); the \(rule.rawValue) rule gives \(expected)",
                records: [context.source(line)], minutes: minutes,
                // Over-billed: the excess units' share of the amount (too few units is no exposure).
                money: extra > 0 ? context.billingExposure([(line, line.billedAmount?.share(extra, of: line.units))]) : nil,
                staffID: context.lineStaffID(index), date: line.serviceDate,
                participantIDs: context.texts(line.participantID))
        }
    }
}
