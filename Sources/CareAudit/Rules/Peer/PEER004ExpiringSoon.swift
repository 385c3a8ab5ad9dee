/// PEER004: a peer certificate that expires during the period or soon after it.
struct PEER004ExpiringSoon: Rule {
    let description = RuleDescription(
        id: "PEER004", name: "Peer certificate expires soon",
        summary: "A certified peer's certificate expires during the audit period or within `days` days after it ends.",
        rationale: "Certificates are renewed every 2 years; one not renewed by its expiration date is expired, and after 4 years vacated. A reminder now prevents PEER001 findings next month.",
        severity: .info,
        options: [RuleOption("days", default: "60", help: "How many days after the period's end to look ahead.")],
        requires: [.roster],
        examples: [
            RuleExample("expires 30 days after an October audit",
                        billing: ["884213,1,C1,2026-10-14,,,45,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        roster: ["E1,1111111111,Ann Lee,CERTIFIED_PEER,PSS-1,2024-11-30,2026-11-30,ACTIVE"], findings: 1),
            RuleExample("the old certificate expires in the period, but its renewal is on the next roster row",
                        billing: ["884213,1,C1,2026-10-14,,,45,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        roster: ["E1,1111111111,Ann Lee,CERTIFIED_PEER,PSS-1,2024-10-10,2026-10-09,EXPIRED",
                                 "E1,1111111111,Ann Lee,CERTIFIED_PEER,PSS-1,2026-10-10,2028-10-09,ACTIVE"], findings: 0),
            RuleExample("expires next year",
                        billing: ["884213,1,C1,2026-10-14,,,45,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        roster: ["E1,1111111111,Ann Lee,CERTIFIED_PEER,PSS-1,2025-06-01,2027-05-31,ACTIVE"], findings: 0),
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
            let when = expires <= context.period.last
                ? "during the audit period"
                : "\(expires.number - context.period.last.number) days after the audit period"
            return Finding(
                rule: description.id,
                message: "\(context.staffLabel(member.staffID))'s peer certificate\(member.certNumber.isEmpty ? "" : " \(member.certNumber)") expires on \(expires), \(when): renew it to keep billing peer services",
                records: [member.source], staffID: member.staffID, date: expires)
        }
    }
}
