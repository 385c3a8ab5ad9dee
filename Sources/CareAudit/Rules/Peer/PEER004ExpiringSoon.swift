/// PEER004: a peer certificate that expires during the period or soon after it.
struct PEER004ExpiringSoon: Rule {
    let description = RuleDescription(
        id: "PEER004", name: "Peer certificate expires soon",
        summary: "A certified peer's certificate expires during the audit period or within `days` days after it ends.",
        rationale:
            "Certificates are renewed every 2 years; one not renewed by its expiration date is expired, and after 4 years vacated. A reminder now prevents PEER001 findings next month.",
        severity: .info,
        options: [RuleOption("days", default: "60", help: "How many days after the period's end to look ahead.")],
        requires: [.roster],
        examples: [
            RuleExample(
                "expires 30 days after an October audit",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2024-11-30",
                        expires: "2026-11-30", status: "ACTIVE"),
                ],
                findings: 1, expects: ["E1"]),
            RuleExample(
                "the old certificate expires in the period, but its renewal is on the next roster row",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2024-10-10",
                        expires: "2026-10-09", status: "EXPIRED"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2026-10-10",
                        expires: "2028-10-09", status: "ACTIVE"),
                ],
                findings: 0),
            RuleExample(
                "expires next year",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2025-06-01",
                        expires: "2027-05-31", status: "ACTIVE"),
                ],
                findings: 0),
        ])

    /// Complexity: O(r): the roster read twice (latest expiry per staff member, then each row).
    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        let horizon = context.period.last.adding(days: options.int("days"))
        // A certificate already renewed (a later period on another roster row) is not expiring.
        var latest: [String: Day] = [:]
        for member in context.staff {
            if let expires = member.certExpires { latest[member.staffID] = max(latest[member.staffID] ?? expires, expires) }
        }
        return context.staff.compactMap { member in
            guard member.isCertifiedPeer, let expires = member.certExpires, latest[member.staffID] == expires,
                expires >= context.period.first, expires <= horizon
            else { return nil }
            let when =
                expires <= context.period.last
                ? "during the audit period"
                : "\(expires.number - context.period.last.number) days after the audit period"
            return Finding(
                message:
                    "\(context.staffLabel(member.staffID))'s peer certificate\(member.certNumber.isEmpty ? "" : " \(member.certNumber)") expires on \(expires), \(when): renew it to keep billing peer services",
                records: [member.source], staffID: member.staffID, date: expires)
        }
    }
}
