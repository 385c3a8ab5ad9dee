/// PEER001: a peer-only code rendered on a date the peer's certificate was not active.
/// Complexity: O(n + r): each peer-coded line against its staff member's certificates, read once.
struct PEER001CertificateNotActive: Rule {
    let description = RuleDescription(
        id: "PEER001", name: "Peer certificate not active on the date of service",
        summary: "A peer-only code (H0038, H0025) rendered by a certified peer on a date outside their certificate's issued–expires dates (both days count); the roster's status decides only when the dates are missing.",
        rationale: "Only a certified Medi-Cal Peer Support Specialist may bill peer services (W&I Code 14045.12). A certificate not renewed by its expiration date is expired, and services billed after it are recouped.",
        severity: .error,
        requires: [.roster],
        examples: [
            RuleExample("service the day after the certificate expired",
                        billing: ["884213,1,C1,2026-11-01,,,45,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        roster: ["E1,1111111111,Ann Lee,CERTIFIED_PEER,PSS-1,2024-11-01,2026-10-31,ACTIVE"], findings: 1),
            RuleExample("service on the expiry date itself",
                        billing: ["884213,1,C1,2026-10-31,,,45,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        roster: ["E1,1111111111,Ann Lee,CERTIFIED_PEER,PSS-1,2024-11-01,2026-10-31,EXPIRED"], findings: 0),
            RuleExample("no dates; status EXPIRED decides",
                        billing: ["884213,1,C1,2026-10-14,,,45,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        roster: ["E1,1111111111,Ann Lee,CERTIFIED_PEER,PSS-1,,,EXPIRED"], findings: 1),
        ])

    /// What the check reads of a roster member: copying the member (strings and all) for every
    /// peer-coded line was most of this rule's time.
    struct Certificate {
        let isPeer: Bool
        let issued: Day?
        let expires: Day?
        let status: String

        init(_ member: StaffMember) {
            (isPeer, issued, expires, status) = (member.isCertifiedPeer, member.certIssued, member.certExpires, member.certStatus)
        }

        /// Whether the certificate was active on `day`, and if not, why.
        func inactiveReason(on day: Day) -> String? {
            if let issued, day < issued { return "was issued only on \(issued)" }
            if let expires, day > expires { return "expired on \(expires)" }
            if issued == nil && expires == nil {
                if status == "ACTIVE" { return nil }
                return status.isEmpty ? "has no dates or status on the roster" : "is \(status) on the roster"
            }
            return nil
        }
    }

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        let certificates = context.staff.map(Certificate.init)
        return context.lines.indices.compactMap { index in
            let line = context.lines[index]
            guard context.counted[index], context.isPeerCode(line.procedureCode),
                  let m = context.memberIndex(staff: context.lineStaff[index]), certificates[m].isPeer,
                  let reason = certificates[m].inactiveReason(on: line.serviceDate)
            else { return nil }
            let member = context.staff[m]
            return Finding(
                rule: description.id,
                message: "\(context.staffLabel(member.staffID)) rendered \(context[line.procedureCode]) on \(line.serviceDate) (claim \(context[line.claimID])) but their peer certificate\(member.certNumber.isEmpty ? "" : " \(member.certNumber)") \(reason)",
                records: [context.source(line), member.source], minutes: context.billedMinutes(line), amount: line.billedAmount,
                staffID: member.staffID, date: line.serviceDate, participantIDs: context.texts(line.participantID))
        }
    }
}
