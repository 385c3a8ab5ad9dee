/// DUP002: same participant, procedure and date billed more than once with some other key
/// different: a likely duplicate a person should review.
struct DUP002SuspectDuplicate: Rule {
    let description = RuleDescription(
        id: "DUP002", name: "Suspect duplicate billing",
        summary: "Counted claim lines to the same payer type share participant, procedure code and date but differ in another key (staff, modifiers, place, amount); lines whose times do not overlap are separate sessions and are not flagged.",
        rationale: "Payers treat same-beneficiary, same-code, same-day lines as suspect duplicates and deny or review them; catching them before submission avoids recoupment.",
        severity: .warning,
        examples: [
            RuleExample("same client, code and day; different amounts",
                        billing: ["884213,1,C1,2026-10-14,,,45,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11",
                                  "884214,1,C1,2026-10-14,,,45,H0038,3,E1,,115.50,PAID,1,,MEDI-CAL,11"],
                        findings: 1),
            RuleExample("two clients",
                        billing: ["884213,1,C1,2026-10-14,,,45,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11",
                                  "884214,1,C2,2026-10-14,,,45,H0038,3,E1,,115.50,PAID,1,,MEDI-CAL,11"],
                        findings: 0),
            RuleExample("morning and afternoon sessions",
                        billing: ["884213,1,C1,2026-10-14,09:00,09:45,,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11",
                                  "884214,1,C1,2026-10-14,14:00,14:45,,H0038,3,E2,,120.00,PAID,1,,MEDI-CAL,11"],
                        findings: 0),
        ])


    /// O(n log n) per service group: keys hashed into classes, then one sweep
    /// (`IntervalSweep.meetsOtherClass`).
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
            let meets = IntervalSweep.meetsOtherClass(indexes.map { context.lines[$0].interval }, classes: classes)
            let suspects = indexes.indices.filter { meets[$0] }.map { indexes[$0] }
            guard !suspects.isEmpty else { continue }
            let lines = suspects.map { context.lines[$0] }.sorted { context.precedes($0.row, $1.row) }
            let first = lines[0]
            findings.append(Finding(
                rule: description.id,
                message: "\(context[first.procedureCode]) for participant \(context[first.participantID]) on \(first.serviceDate) is billed \(lines.count) times to \(first.payerType.label) with differing details (claims \(context.claimList(lines))): review for a duplicate",
                records: lines.map(context.source), minutes: nil,
                amount: nil, date: first.serviceDate, participantIDs: context.texts(first.participantID)))
        }
        return findings
    }
}
