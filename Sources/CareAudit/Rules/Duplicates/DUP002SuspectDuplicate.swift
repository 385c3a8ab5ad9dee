/// DUP002: same participant, procedure and date billed more than once with some other key
/// different: a likely duplicate a person should review.
struct DUP002SuspectDuplicate: Rule {
    let description = RuleDescription(
        id: "DUP002", name: "Suspect duplicate billing",
        summary:
            "Counted, not denied, claim lines to the same payer type share participant, procedure code and date, and either the rendering staff or overlapping times, but differ in another key (staff, modifiers, place, amount); lines whose times do not overlap are separate sessions, and two staff members seeing one participant at different or unknown times are team care.",
        rationale:
            "Payers treat same-beneficiary, same-code, same-day lines as suspect duplicates and deny or review them; catching them before submission avoids recoupment.",
        severity: .warning,
        examples: [
            RuleExample(
                "same client, code and day; different amounts",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .line("884214/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "115.50"),
                ],
                findings: 1, expects: ["884213/1", "884214/1"]),
            RuleExample(
                "two clients",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .line("884214/1", participant: "C2", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "115.50"),
                ],
                findings: 0),
            RuleExample(
                "two staff members, one participant, no times: team care",
                [
                    .line("884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                    .line(
                        "884214/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", staff: "E2",
                        amount: "120.00"),
                ],
                findings: 0),
            RuleExample(
                "two staff members at overlapping times",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:00", end: "10:45", code: "H0038", units: "3",
                        amount: "120.00"),
                    .line(
                        "884214/1", participant: "C1", date: "2026-10-14", start: "10:15", end: "11:00", code: "H0038", units: "3",
                        staff: "E2", amount: "120.00"),
                ],
                findings: 1, expects: ["884213/1", "884214/1"]),
            RuleExample(
                "a denied line and its paid resubmission with a corrected amount",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "115.00",
                        status: "DENIED"),
                    .line("884300/1", participant: "C1", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                ],
                findings: 0),
            RuleExample(
                "morning and afternoon sessions",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "09:00", end: "09:45", code: "H0038", units: "3",
                        amount: "120.00"),
                    .line(
                        "884214/1", participant: "C1", date: "2026-10-14", start: "14:00", end: "14:45", code: "H0038", units: "3",
                        staff: "E2", amount: "120.00"),
                ],
                findings: 0),
        ])

    /// Which of the duplicate keys differ among `lines`, with their values: "amounts differ:
    /// $40.00 vs $45.00; modifiers differ: HQ vs none".
    static func differences(_ lines: [BillingLine], staff: [TextID], _ context: AuditContext) -> String {
        /// The distinct values, in their own order (amounts ascending), so row order never shows.
        func values<T: Hashable>(
            _ name: String, _ value: (Int) -> T, _ text: (T) -> String,
            by order: (T, T) -> Bool
        ) -> String? {
            let seen = Set(lines.indices.map(value)).sorted(by: order)
            guard seen.count > 1 else { return nil }
            let shown = seen.prefix(3).map(text).joined(separator: " vs ")
            return "\(name) differ: \(shown)\(seen.count > 3 ? " and \(seen.count - 3) more" : "")"
        }
        let text = { (id: TextID) in id.isEmpty ? "none" : context[id] }
        let byText = { (a: TextID, b: TextID) in text(a).precedesByUTF8(text(b)) }
        let parts = [
            values("staff", { staff[$0] }, text, by: byText),
            values("modifiers", { lines[$0].modifiers }, text, by: byText),
            values("places of service", { lines[$0].placeOfService }, text, by: byText),
            values("amounts", { lines[$0].billedAmount }, { $0?.display ?? "none" }, by: { ($0?.cents ?? .min) < ($1?.cents ?? .min) }),
        ].compactMap { $0 }
        return parts.isEmpty ? "other details differ" : parts.joined(separator: "; ")
    }

    /// O(n log n) per service group: keys hashed into classes, then one sweep per staff member
    /// and one over the timed lines (`IntervalSweep.meetsOtherClass`).
    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var groups: [[Int]] = []
        for service in context.serviceGroups where service.count > 1 {
            groups += Dictionary(grouping: context.lineIndexes(service)) { context.lines[$0].payerType }.values.filter { $0.count > 1 }
        }
        var findings: [Finding] = []
        for indexes in groups {
            // Lines whose exact-duplicate keys differ, as classes (one class: nothing to suspect).
            var keyClasses: [DUP001ExactDuplicate.Key: Int] = [:]
            let classes = indexes.map { index in
                let key = DUP001ExactDuplicate.key(context.lines[index], staff: context.lineStaff[index])
                if let known = keyClasses[key] { return known }
                keyClasses[key] = keyClasses.count
                return keyClasses.count - 1
            }
            guard keyClasses.count > 1 else { continue }
            // A suspect pair is one staff member's (untimed, or overlapping), or anyone's with
            // overlapping times: two staff members seeing a client at different times is team care.
            var suspect = Set<Int>()
            let staffOf = indexes.map { context.lineStaff[$0].isEmpty ? context.lines[$0].renderingNPI : context.lineStaff[$0] }
            for members in Dictionary(grouping: indexes.indices, by: { staffOf[$0] }).values where members.count > 1 {
                let meets = IntervalSweep.meetsOtherClass(
                    members.map { context.lines[indexes[$0]].clockInterval }, classes: members.map { classes[$0] })
                for (position, member) in members.enumerated() where meets[position] { suspect.insert(member) }
            }
            let timed = indexes.indices.filter { context.lines[indexes[$0]].clockInterval != nil }
            let meets = IntervalSweep.meetsOtherClass(
                timed.map { context.lines[indexes[$0]].clockInterval }, classes: timed.map { classes[$0] })
            for (position, member) in timed.enumerated() where meets[position] { suspect.insert(member) }
            guard !suspect.isEmpty else { continue }
            let chosen = suspect.sorted()
            let lines = chosen.map { context.lines[indexes[$0]] }.sorted { context.precedes($0.row, $1.row) }
            let first = lines[0]
            let sameStaff = Set(chosen.map { staffOf[$0] }).count == 1
            let keys = "same participant, code, date and " + (sameStaff ? "staff" : "overlapping times")
            findings.append(
                Finding(
                    message:
                        "\(context[first.procedureCode]) for participant \(context[first.participantID]) on \(first.serviceDate) is billed \(lines.count) times to \(first.payerType.label) (claims \(context.claimList(lines))): \(keys); \(Self.differences(lines, staff: chosen.map { staffOf[$0] }, context)): review for a duplicate",
                    records: lines.map(context.source), minutes: nil,
                    date: first.serviceDate, participantIDs: context.texts(first.participantID)))
        }
        return findings
    }
}
