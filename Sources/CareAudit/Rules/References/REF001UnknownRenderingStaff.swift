/// REF001: a billing line whose rendering staff is not on the roster.
/// Complexity: O(n): each line's staff id or NPI looked up by hash.
struct REF001UnknownRenderingStaff: Rule {
    let description = RuleDescription(
        id: "REF001", name: "Rendering staff not on the roster",
        summary: "A billing line's rendering staff id or NPI matches no roster member.",
        rationale:
            "A claim rendered by someone the county does not employ (or under a mistyped NPI) cannot be matched to a timesheet or a certificate, so none of the other checks can clear it.",
        severity: .error,
        requires: [.roster],
        examples: [
            RuleExample(
                "an NPI nobody on the roster has",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", staff: "",
                        npi: "9999999999", amount: "120.00"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2025-01-01",
                        expires: "2027-12-31", status: "ACTIVE"),
                ],
                findings: 1, expects: ["884213/1"]),
            RuleExample(
                "a staff member known only by NPI",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", staff: "",
                        npi: "1111111111", amount: "120.00"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2025-01-01",
                        expires: "2027-12-31", status: "ACTIVE"),
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        context.countedLines.compactMap { index in
            let line = context.lines[index]
            guard line.status != .void else { return nil }
            if context.isOnRoster(staff: line.renderingStaffID, npi: line.renderingNPI) { return nil }
            let who = [
                line.renderingStaffID.isEmpty ? nil : "staff id \(context[line.renderingStaffID])",
                line.renderingNPI.isEmpty ? nil : "NPI \(context[line.renderingNPI])",
            ].compactMap { $0 }.joined(separator: " / ")
            return Finding(
                message:
                    "claim \(context[line.claimID]) (\(context[line.procedureCode]) on \(line.serviceDate)) is rendered by \(who), who is not on the roster",
                records: [context.source(line)], minutes: context.billedMinutes(line), money: context.billingExposure([(line, nil)]),
                date: line.serviceDate, participantIDs: context.texts(line.participantID))
        }
    }
}
