/// PEER003: a peer-only code with a rendering taxonomy other than Peer Specialist.
/// Complexity: O(n): one look at each line.
struct PEER003Taxonomy: Rule {
    let description = RuleDescription(
        id: "PEER003", name: "Peer service without the peer specialist taxonomy",
        summary:
            "A peer-only code whose rendering taxonomy is not 175T00000X (billing.peer_taxonomy); checked only when the export has a taxonomy column.",
        rationale:
            "NUCC taxonomy 175T00000X is Peer Specialist. No source says DHCS requires it on peer claims, so this is a warning: a mismatch usually means the wrong rendering provider on the claim.",
        severity: .warning,
        requires: [.taxonomyColumn],
        examples: [
            RuleExample(
                "H0038 with a clinician taxonomy",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00",
                        taxonomy: "101YM0800X")
                ],
                findings: 1, expects: ["884213/1"]),
            RuleExample(
                "H0038 with 175T00000X",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00",
                        taxonomy: "175T00000X")
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        let expected = context.configuration.billing.peerTaxonomy
        return context.countedLines.compactMap { index in
            let line = context.lines[index]
            guard context.counted[index], context.isPeerCode(line.procedureCode),
                line.hasTaxonomy, case let taxonomy = context[line.renderingTaxonomy], taxonomy != expected
            else { return nil }
            return Finding(
                message:
                    "claim \(context[line.claimID]) bills \(context[line.procedureCode]) on \(line.serviceDate) with rendering taxonomy \(taxonomy.isEmpty ? "(empty)" : taxonomy), not \(expected) (Peer Specialist)",
                records: [context.source(line)], staffID: context.lineStaffID(index), date: line.serviceDate,
                participantIDs: context.texts(line.participantID))
        }
    }
}
