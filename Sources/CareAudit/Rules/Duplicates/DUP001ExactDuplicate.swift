/// DUP001: the same claim line twice: all of a payer's duplicate-edit keys equal. Lines are
/// grouped by hashing their keys, and within a key the lines that may be one session are found
/// by sorting their times: O(n log n), one finding per key (100,000 copies of one line are one
/// finding, not five billion comparisons).
struct DUP001ExactDuplicate: Rule {
    let description = RuleDescription(
        id: "DUP001", name: "Exact duplicate billing",
        summary:
            "Two or more counted claim lines agree on participant, rendering staff, date of service, procedure code and modifiers, place of service and billed amount (after netting voids and replacements; denied lines excluded). Lines whose times are known and do not overlap are separate sessions.",
        rationale:
            "These are the keys payers' duplicate edits compare (Medicare's for professional claims). A line that matches another on all of them is billed twice; a void and its replacement, or a denied line and its paid resubmission, are not.",
        severity: .error,
        examples: [
            RuleExample(
                "the same session billed on two claims",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                    .line(
                        "884214/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 1, expects: ["884213/1", "884214/1"]),
            RuleExample(
                "an original and its replacement",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                    .line(
                        "884299/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00", frequency: "7", original: "884213"),
                ],
                findings: 0),
            RuleExample(
                "a chain original → replacement → replacement: only the last version counts",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                    .line(
                        "884300/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00", frequency: "7", original: "884299"),
                    .line(
                        "884299/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00", frequency: "7", original: "884213"),
                ],
                findings: 0),
            RuleExample(
                "a void of a replacement cancels it, so a second billing of the session stands alone",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                    .line(
                        "884299/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00", frequency: "7", original: "884213"),
                    .line(
                        "884301/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00", status: "VOID", frequency: "8", original: "884299"),
                    .line(
                        "884500/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 0),
            RuleExample(
                "a replacement of a claim from an earlier month counts as billed",
                [
                    .line(
                        "884299/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00", frequency: "7", original: "770001"),
                    .line(
                        "884500/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 1, expects: ["884299/1", "884500/1"]),
            RuleExample(
                "morning and afternoon sessions with the same keys",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "09:00", end: "09:45", code: "H0038", units: "3",
                        amount: "120.00"),
                    .line(
                        "884214/1", participant: "C1", date: "2026-10-14", start: "14:00", end: "14:45", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 0),
            RuleExample(
                "a denied line and its paid resubmission",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00", status: "DENIED"),
                    .line(
                        "884300/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 0),
        ])

    struct Key: Hashable {
        let participant: TextID, staff: TextID, date: Day, code: TextID, modifiers: TextID, place: TextID, amount: Money?
    }

    static func key(_ line: BillingLine, staff: TextID) -> Key {
        Key(
            participant: line.participantID, staff: staff.isEmpty ? line.renderingNPI : staff, date: line.serviceDate,
            code: line.procedureCode, modifiers: line.modifiers, place: line.placeOfService, amount: line.billedAmount)
    }

    /// The positions of lines that may be one session with another line
    /// (`BillingLine.mayBeSameSession`): a line without times may be any other's session, so with
    /// one of those every line counts; otherwise the timed lines that overlap another.
    static func sameSessions(_ intervals: [Range<Int>?]) -> [Int] {
        guard intervals.count > 1 else { return [] }
        if intervals.contains(where: { $0 == nil }) { return Array(intervals.indices) }
        let timed = intervals.map { $0! }
        return IntervalSweep.selfGroups(timed).flatMap { $0 }.sorted()
    }

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        // Exact duplicates share participant, code and date: look only inside those groups.
        var groups: [[Int]] = []
        for service in context.serviceGroups where service.count > 1 {
            var byKey: [Key: [Int]] = [:]
            for index in context.lineIndexes(service) {
                byKey[Self.key(context.lines[index], staff: context.lineStaff[index]), default: []].append(index)
            }
            groups += byKey.values
        }
        return groups.compactMap { indexes -> Finding? in
            guard indexes.count > 1 else { return nil }
            let involved = Self.sameSessions(indexes.map { context.lines[$0].clockInterval }).map { indexes[$0] }
            guard !involved.isEmpty else { return nil }
            let lines = involved.map { context.lines[$0] }.sorted { context.precedes($0.row, $1.row) }
            let first = lines[0]
            return Finding(
                message:
                    "\(context[first.procedureCode]) for participant \(context[first.participantID]) on \(first.serviceDate) by \(context.staffLabel(context.lineStaffID(indexes[0]) ?? context[first.renderingNPI])) is billed \(lines.count) times with identical keys (claims \(context.claimList(lines)))",
                records: lines.map(context.source), minutes: lines.dropFirst().reduce(0) { $0 + context.minutesForComparison($1) },
                money: context.billingExposure(lines.dropFirst().map { ($0, nil) }), staffID: context.lineStaffID(indexes[0]),
                date: first.serviceDate,
                participantIDs: context.texts(first.participantID))
        }
    }
}
