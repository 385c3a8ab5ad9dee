/// REF002: timesheet activities no mapping classifies, and activity codes missing from the map.
/// Complexity: O(n): entries grouped by code and description in a dictionary.
struct REF002UnclassifiedActivity: Rule {
    let description = RuleDescription(
        id: "REF002", name: "Unclassified activity",
        summary: "Timesheet entries that no mapping classifies (UNCLASSIFIED), grouped by activity; and, when the configuration maps activity codes, codes missing from that map (saying what the description fallback chose).",
        rationale: "Time that is not classified cannot be put on the invoice or cleared of double claiming; an unmapped code means the configuration has not kept up with the timekeeping system.",
        severity: .warning,
        examples: [
            RuleExample("an activity nobody recognises",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", code: "ZZ", activity: "Misc"),
                    .entry("T2", date: "2026-10-15", start: "10:00", end: "11:00", code: "ZZ", activity: "Misc"),
                ],
                findings: 1, expects: ["T1", "T2"]),
            RuleExample("a code missing from a configured map",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", code: "CR9", activity: "Court report", participant: "C1"),
                ],
                findings: 1, expects: ["T1"], configuration: "classification: {activity_codes: {CR1: CARE_COURT_REPORT}}"),
            RuleExample("recognised activities",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", code: "CR1", activity: "Court report", participant: "C1"),
                ],
                findings: 0, configuration: "classification: {activity_codes: {CR1: CARE_COURT_REPORT}}"),
        ])

    struct Group: Hashable {
        let code: String, description: String
    }

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var groups: [Group: [TimeEntry]] = [:]
        let mapsCodes = context.classifier.mapsActivityCodes
        var unmapped = IDMemo<Bool>()  // per distinct activity code
        for entry in context.entries {
            let code = entry.activityCode
            let unmappedCode = mapsCodes && !code.isEmpty
                && unmapped.value(.init(code)) { !context.classifier.isMapped(activityCode: context[code]) }
            guard entry.category == .unclassified || unmappedCode else { continue }
            groups[Group(code: context[code].uppercased(), description: context[entry.activityDescription]), default: []].append(entry)
        }
        return groups.map { group, entries in
            let sorted = entries.sorted { context.precedes($0.row, $1.row) }
            let minutes = entries.reduce(0) { $0 + $1.minutes }
            let activity = [group.code.isEmpty ? nil : "code \(group.code)",
                            group.description.isEmpty ? nil : "\"\(group.description)\""].compactMap { $0 }.joined(separator: " ")
            let category = context.classifier.classify(
                activityCode: context[sorted[0].activityCode], description: context[sorted[0].activityDescription],
                payCode: context[sorted[0].payCode])
            let message = category.category == .unclassified
                ? "activity \(activity.isEmpty ? "(blank)" : activity) matched no mapping: \(entries.count) entries, \(minutes) minutes are UNCLASSIFIED"
                : "activity code \(group.code) is not in classification.activity_codes: \(entries.count) entries, \(minutes) minutes; the description fallback chose \(category.category.rawValue) (\(category.matchedBy))"
            return Finding(rule: description.id, message: message, records: sorted.map(context.source), minutes: minutes,
                           withheld: [group.description])
        }
    }
}
