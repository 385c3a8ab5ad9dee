/// PEER002: a peer-only code rendered by staff who are not certified peers.
/// Complexity: O(n): each peer-coded line against the roster by hashed id.
struct PEER002NotCertified: Rule {
    let description = RuleDescription(
        id: "PEER002", name: "Peer service by staff who are not certified peers",
        summary:
            "A peer-only code (H0038, H0025) is rendered by a roster member whose role is not CERTIFIED_PEER and who has no peer certificate number.",
        rationale:
            "H0038 and H0025 may be billed only for services by certified peer support specialists; a trainee's or clinician's services under these codes are not reimbursable.",
        severity: .error,
        requires: [.roster],
        examples: [
            RuleExample(
                "a peer trainee bills H0038",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", staff: "E2",
                        amount: "120.00"),
                    .member("E2", npi: "2222222222", name: "Kevin Ray", role: "PEER_TRAINEE"),
                ],
                findings: 1, expects: ["884213/1", "E2"]),
            RuleExample(
                "a certified peer bills H0038",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2025-01-01",
                        expires: "2027-12-31", status: "ACTIVE"),
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        context.countedLines.compactMap { index in
            let line = context.lines[index]
            guard context.counted[index], context.isPeerCode(line.procedureCode),
                let m = context.memberIndex(staff: context.lineStaff[index]), !context.staff[m].isCertifiedPeer
            else { return nil }
            let member = context.staff[m]
            return Finding(
                message:
                    "\(context.staffLabel(member.staffID)), role \(member.role.isEmpty ? "unknown" : member.role), rendered \(context[line.procedureCode]) on \(line.serviceDate) (claim \(context[line.claimID])); only certified peer support specialists may bill it",
                records: [context.source(line), member.source], minutes: context.billedMinutes(line),
                money: context.billingExposure([(line, nil)]),
                staffID: member.staffID, date: line.serviceDate, participantIDs: context.texts(line.participantID))
        }
    }
}
