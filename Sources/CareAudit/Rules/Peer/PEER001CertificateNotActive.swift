/// PEER001: a peer-only code rendered on a date the peer's certificate was not active.
/// Complexity: O(n + r): each peer-coded line against its staff member's certificates, read once.
struct PEER001CertificateNotActive: Rule {
    let description = RuleDescription(
        id: "PEER001", name: "Peer certificate not active on the date of service",
        summary:
            "A peer-only code (H0038, H0025) rendered by a certified peer on a date outside every certificate period the roster gives (a row per period, or a date of first certification; issued and expiry days count); the roster's status decides only when the dates are missing. A lone certificate issued inside the period with earlier services is one warning (a likely renewal), not an error per service.",
        rationale:
            "Only a certified Medi-Cal Peer Support Specialist may bill peer services (W&I Code 14045.12). A certificate not renewed by its expiration date is expired, and services billed after it are recouped.",
        severity: .error,
        requires: [.roster],
        examples: [
            RuleExample(
                "service the day after the certificate expired",
                [
                    .line("884213/1", participant: "C1", date: "2026-11-01", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2024-11-01",
                        expires: "2026-10-31", status: "ACTIVE"),
                ],
                findings: 1, expects: ["884213/1", "E1"]),
            RuleExample(
                "service on the expiry date itself",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-31", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2024-11-01",
                        expires: "2026-10-31", status: "EXPIRED"),
                ],
                findings: 0),
            RuleExample(
                "a renewal on two roster rows: the earlier period covers the service",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-05", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2024-10-10",
                        expires: "2026-10-09", status: "EXPIRED"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2026-10-10",
                        expires: "2028-10-09", status: "ACTIVE"),
                ],
                findings: 0),
            RuleExample(
                "only a certificate issued mid-month, services before it: one warning (likely renewal)",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-05", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .line("884214/1", participant: "C2", date: "2026-10-07", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .member(
                        "E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", issued: "2026-10-10",
                        expires: "2028-10-09", status: "ACTIVE"),
                ],
                findings: 1, expects: ["884213/1", "884214/1", "E1"]),
            RuleExample(
                "no dates; status EXPIRED decides",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .member("E1", npi: "1111111111", name: "Ann Lee", role: "CERTIFIED_PEER", cert: "PSS-1", status: "EXPIRED"),
                ],
                findings: 1, expects: ["884213/1", "E1"]),
        ])

    /// What the check reads of one roster row: copying the member (strings and all) for every
    /// peer-coded line was most of this rule's time.
    struct Certificate {
        let isPeer: Bool
        let issued: Day?
        let expires: Day?
        let initial: Day?
        let status: String

        init(_ member: StaffMember) {
            (isPeer, issued, expires, status) = (member.isCertifiedPeer, member.certIssued, member.certExpires, member.certStatus)
            initial = member.certInitial
        }

        /// Whether the certificate was active on `day`, and if not, why. With a date of first
        /// certification, the certificate counts as held (renewed) from then to its expiry.
        func inactiveReason(on day: Day) -> String? {
            if let initial, day >= initial, expires.map({ day <= $0 }) ?? true { return nil }
            if let issued, day < issued { return "was issued only on \(issued)" }
            if let expires, day > expires { return "expired on \(expires)" }
            if issued == nil && expires == nil {
                if status == "ACTIVE" { return nil }
                return status.isEmpty ? "has no dates or status on the roster" : "is \(status) on the roster"
            }
            return nil
        }
    }

    /// Complexity: O(n + r): roster rows grouped by staff id once, each peer-coded line checked
    /// against its staff member's certificate periods.
    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        // A staff member may have several rows, one per certificate period: all of them count.
        // Keyed by the exports' text ids, so a line's staff is looked up without building a string.
        var periods: [TextID: [Int]] = [:]
        for (index, member) in context.staff.enumerated() {
            if let id = context.texts.id(of: member.staffID) { periods[id, default: []].append(index) }
        }
        let certificates = context.staff.map(Certificate.init)
        var findings: [Finding] = []
        var likelyRenewals: [Int: [Int]] = [:]  // roster row → lines before its certificate
        for index in context.countedLines {
            let line = context.lines[index]
            guard context.counted[index], context.isPeerCode(line.procedureCode),
                let rows = periods[context.lineStaff[index]],
                rows.contains(where: { certificates[$0].isPeer })
            else { continue }
            // Usually one row, active: decided without building anything.
            guard !rows.contains(where: { certificates[$0].inactiveReason(on: line.serviceDate) == nil }) else { continue }
            let reasons = rows.map { certificates[$0].inactiveReason(on: line.serviceDate) }
            // The latest certificate explains best why none was active.
            let m = rows.max {
                (certificates[$0].expires ?? certificates[$0].issued ?? Day(number: .min), $0)
                    < (certificates[$1].expires ?? certificates[$1].issued ?? Day(number: .min), $1)
            }!
            let certificate = certificates[m]
            if rows.count == 1, certificate.initial == nil, let issued = certificate.issued,
                context.period.contains(issued), line.serviceDate < issued, context.period.contains(line.serviceDate)
            {
                likelyRenewals[m, default: []].append(index)
                continue
            }
            let member = context.staff[m]
            findings.append(
                Finding(
                    message:
                        "\(context.staffLabel(member.staffID)) rendered \(context[line.procedureCode]) on \(line.serviceDate) (claim \(context[line.claimID])) but their peer certificate\(member.certNumber.isEmpty ? "" : " \(member.certNumber)") \(reasons[rows.firstIndex(of: m)!]!)",
                    records: [context.source(line), member.source], minutes: context.billedMinutes(line),
                    money: context.billingExposure([(line, nil)]),
                    staffID: member.staffID, date: line.serviceDate, participantIDs: context.texts(line.participantID)))
        }
        for (m, indexes) in likelyRenewals.sorted(by: { $0.key < $1.key }) {
            let member = context.staff[m]
            let lines = indexes.map { context.lines[$0] }
            let first = lines.map(\.serviceDate).min()!
            let last = lines.map(\.serviceDate).max()!
            findings.append(
                Finding(
                    message:
                        "\(context.staffLabel(member.staffID))'s only peer certificate on the roster\(member.certNumber.isEmpty ? "" : ", \(member.certNumber),") was issued on \(member.certIssued!), inside the audit period, and \(grouped(lines.count)) peer services from \(first) to \(last) precede it (claims \(context.claimList(lines))): most likely a renewal. List the earlier certificate on a roster row of its own (one row per certificate period), or give the date of first certification (peer_cert_initial), and these services are checked against it",
                    records: lines.map(context.source) + [member.source],
                    minutes: lines.reduce(0) { $0 + (context.billedMinutes($1) ?? 0) },
                    money: context.billingExposure(lines.map { ($0, nil) }),
                    staffID: member.staffID, date: first,
                    participantIDs: context.participants(lines.map(\.participantID)), severity: .warning))
        }
        return findings
    }
}
