/// REF002: timesheet activities no mapping classifies, and activity codes missing from the map.
/// Complexity: O(n): entries grouped by code and description in a dictionary.
struct REF002UnclassifiedActivity: Rule {
    let description = RuleDescription(
        id: "REF002", name: "Unclassified activity",
        summary:
            "Timesheet entries that no mapping classifies (UNCLASSIFIED), grouped by activity; when the configuration maps activity codes, codes missing from that map (saying what the description fallback chose); when it does not, rows whose own description disagrees with what most rows of their code say (the code's category by consensus).",
        rationale:
            "Time that is not classified cannot be put on the invoice or cleared of double claiming; an unmapped code means the configuration has not kept up with the timekeeping system.",
        severity: .warning,
        examples: [
            RuleExample(
                "an activity nobody recognises",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", code: "ZZ", activity: "Misc"),
                    .entry("T2", date: "2026-10-15", start: "10:00", end: "11:00", code: "ZZ", activity: "Misc"),
                ],
                findings: 1, expects: ["T1", "T2"]),
            RuleExample(
                "a code missing from a configured map",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", code: "CR9", activity: "Court report", participant: "C1")
                ],
                findings: 1, expects: ["T1"], configuration: "classification: {activity_codes: {CR1: CARE_COURT_REPORT}}"),
            RuleExample(
                "no code map: a Spanish description under a code whose other rows say court report takes their category",
                [
                    .entry(
                        "T1", date: "2026-10-14", start: "09:00", end: "10:00", code: "CR01", activity: "Court report preparation",
                        participant: "C1"),
                    .entry(
                        "T2", date: "2026-10-15", start: "09:00", end: "10:00", code: "CR01", activity: "Court report preparation",
                        participant: "C2"),
                    .entry(
                        "T3", date: "2026-10-16", start: "09:00", end: "10:00", code: "CR01", activity: "Reporte para la corte",
                        participant: "C3"),
                ],
                findings: 0),
            RuleExample(
                "no code map: a row whose description says something else than its code's other rows",
                [
                    .entry(
                        "T1", date: "2026-10-14", start: "09:00", end: "10:00", code: "CR01", activity: "Court report preparation",
                        participant: "C1"),
                    .entry(
                        "T2", date: "2026-10-15", start: "09:00", end: "10:00", code: "CR01", activity: "Court report preparation",
                        participant: "C2"),
                    .entry(
                        "T3", date: "2026-10-16", start: "09:00", end: "10:00", code: "CR01", activity: "Documentation", participant: "C3"),
                ],
                findings: 1, expects: ["T3"]),
            RuleExample(
                "recognised activities",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", code: "CR1", activity: "Court report", participant: "C1")
                ],
                findings: 0, configuration: "classification: {activity_codes: {CR1: CARE_COURT_REPORT}}"),
        ])

    struct Group: Hashable {
        let code: String, description: String
    }

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var groups: [Group: [TimeEntry]] = [:]
        let mapsCodes = context.classifier.mapsActivityCodes
        for entry in context.entries {
            let code = entry.activityCode
            let unmappedCode = mapsCodes && !code.isEmpty && !entry.codeIsMapped
            guard entry.category == .unclassified || unmappedCode else { continue }
            groups[Group(code: context[code].uppercased(), description: context[entry.activityDescription]), default: []].append(entry)
        }
        return groups.map { group, entries in
            unclassified(group, entries, context)
        } + disagreements(context)
    }

    /// Rows of a code classified by consensus whose own description says another category.
    private func disagreements(_ context: AuditContext) -> [Finding] {
        guard !context.consensus.isEmpty else { return [] }
        var rows: [String: [TimeEntry]] = [:]
        for entry in context.entries where !entry.activityCode.isEmpty && entry.category != .leave {
            let code = context[entry.activityCode].uppercased()
            guard let verdict = context.consensus[code],
                let own = entry.describedAs,
                own != verdict.category, own != .leave
            else { continue }
            rows[code, default: []].append(entry)
        }
        return rows.sorted { $0.key < $1.key }.map { code, entries in
            let verdict = context.consensus[code]!
            let sorted = entries.sorted { context.precedes($0.row, $1.row) }
            let examples = Array(Set(sorted.map { context[$0.activityDescription] })).sorted().prefix(3)
            return Finding(
                message:
                    "activity code \(code) is \(verdict.category.label) by what \(grouped(verdict.agreeing)) of its \(grouped(verdict.rows)) rows say; \(counted(entries.count, "row")) say otherwise (\(examples.map { "\"\($0)\"" }.joined(separator: ", "))) and were counted as \(verdict.category.label): check them",
                records: sorted.map(context.source), minutes: entries.reduce(0) { $0 + $1.minutes }, withheld: Array(examples))
        }
    }

    /// One group of unclassified entries, or of entries whose code the map lacks.
    private func unclassified(_ group: Group, _ entries: [TimeEntry], _ context: AuditContext) -> Finding {
        let sorted = entries.sorted { context.precedes($0.row, $1.row) }
        let minutes = entries.reduce(0) { $0 + $1.minutes }
        let activity = [
            group.code.isEmpty ? nil : "code \(group.code)",
            group.description.isEmpty ? nil : "\"\(group.description)\"",
        ].compactMap { $0 }.joined(separator: " ")
        let category = context.classifier.classify(
            activityCode: context[sorted[0].activityCode], description: context[sorted[0].activityDescription],
            payCode: context[sorted[0].payCode])
        let message =
            category.category == .unclassified
            ? "activity \(activity.isEmpty ? "(blank)" : activity) matched no mapping: \(entries.count) entries, \(minutes) minutes are UNCLASSIFIED"
            : "activity code \(group.code) is not in classification.activity_codes: \(entries.count) entries, \(minutes) minutes; the description fallback chose \(category.category.rawValue) (\(category.matchedBy))"
        return Finding(
            message: message, records: sorted.map(context.source), minutes: minutes,
            withheld: [group.description])
    }
}
