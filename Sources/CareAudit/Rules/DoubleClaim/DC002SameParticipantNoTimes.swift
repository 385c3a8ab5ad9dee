/// DC002: CARE time and a billed service for the same participant, staff and day where either
/// side has no times, so an overlap cannot be ruled out.
struct DC002SameParticipantNoTimes: Rule {
    let description = RuleDescription(
        id: "DC002", name: "CARE time and billing for the same participant without times",
        summary:
            "A CARE-claimable entry and a billed service share staff member, participant and date, and one of them has no start/end time: the minutes may be claimed twice.",
        rationale:
            "Without times an overlap can be neither proven nor ruled out; an auditor will ask for the notes. Same-participant, same-day CARE and billed time is the pattern OIG reviews sample first.",
        severity: .warning,
        requires: [.timesheetParticipantColumn, .billingParticipantColumn],
        examples: [
            RuleExample(
                "outreach without times and a billed session for the same client",
                [
                    .entry("T1", date: "2026-10-14", minutes: "60", activity: "Outreach and engagement", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 1, expects: ["884213/1", "T1"]),
            RuleExample(
                "two untimed outreach entries and two billed sessions for one client on one day are one finding",
                [
                    .entry("T1", date: "2026-10-14", minutes: "60", activity: "Outreach and engagement", participant: "C1"),
                    .entry("T2", date: "2026-10-14", minutes: "30", activity: "Outreach and engagement", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                    .line(
                        "884214/1", participant: "C1", date: "2026-10-14", start: "14:00", end: "14:45", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 1, expects: ["884213/1", "884214/1", "T1", "T2"]),
            RuleExample(
                "different participants",
                [
                    .entry("T1", date: "2026-10-14", minutes: "60", activity: "Outreach and engagement", participant: "C1"),
                    .line("884213/1", participant: "C2", date: "2026-10-14", minutes: "45", code: "H0038", units: "3", amount: "120.00"),
                ],
                findings: 0),
            RuleExample(
                "both sides have times: DC001's job, not this rule's",
                [
                    .entry("T1", date: "2026-10-14", start: "09:00", end: "10:00", activity: "Outreach and engagement", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 0),
        ])

    /// One finding per staff day and participant: the CARE entries and lines of that participant
    /// that pair up with one side untimed. O(n) per staff day (entries and lines grouped by
    /// participant), never per pair.
    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        for key in context.staffDays {
            let entryIndexes = context.entryIndexes(key)
            let lineIndexes = context.lineIndexes(key)
            guard !entryIndexes.isEmpty, !lineIndexes.isEmpty else { continue }
            // The usual day: every record has times, and nothing is grouped or allocated.
            guard
                lineIndexes.contains(where: { context.lines[$0].interval == nil })
                    || entryIndexes.contains(where: { context.entries[$0].interval == nil && context.entries[$0].category.isCareClaimable })
            else { continue }
            var entriesBy: [TextID: [TimeEntry]] = [:]
            var order: [TextID] = []
            for entryIndex in entryIndexes {
                let entry = context.entries[entryIndex]
                guard entry.category.isCareClaimable, !entry.participantID.isEmpty else { continue }
                if entriesBy[entry.participantID] == nil { order.append(entry.participantID) }
                entriesBy[entry.participantID, default: []].append(entry)
            }
            guard !entriesBy.isEmpty else { continue }
            var linesBy: [TextID: [BillingLine]] = [:]
            for lineIndex in lineIndexes where entriesBy[context.lines[lineIndex].participantID] != nil {
                linesBy[context.lines[lineIndex].participantID, default: []].append(context.lines[lineIndex])
            }
            for participant in order {
                guard let lines = linesBy[participant], let entries = entriesBy[participant] else { continue }
                // A pair counts when either side has no times.
                let untimedEntry = entries.contains { $0.interval == nil }
                let untimedLine = lines.contains { $0.interval == nil }
                let pairedEntries = entries.filter { $0.interval == nil || untimedLine }
                let pairedLines = lines.filter { $0.interval == nil || untimedEntry }
                guard !pairedEntries.isEmpty, !pairedLines.isEmpty else { continue }
                let entryMinutes = pairedEntries.reduce(0) { $0 + $1.minutes }
                let lineMinutes = pairedLines.reduce(0) { $0 + context.minutesForComparison($1) }
                let minutes = min(entryMinutes, lineMinutes)
                let message: String
                if pairedEntries.count == 1 && pairedLines.count == 1 {
                    let (entry, line) = (pairedEntries[0], pairedLines[0])
                    message =
                        "\(context.staffLabel(key.staff)) claimed \(context.describeTime(entry)) on \(key.day) as \(entry.category.label) for participant \(context[participant]) and billed \(context.describe(line)) for the same participant on claim \(context[line.claimID]); without times on both, up to \(minutes) minutes may be claimed twice"
                } else {
                    message =
                        "\(context.staffLabel(key.staff)) claimed \(grouped(pairedEntries.count)) CARE entries (\(grouped(entryMinutes)) minutes) on \(key.day) for participant \(context[participant]) and billed \(grouped(pairedLines.count)) services for the same participant (claims \(context.claimList(pairedLines))); without times on both, up to \(grouped(minutes)) minutes may be claimed twice"
                }
                findings.append(
                    Finding(
                        message: message,
                        records: pairedEntries.map(context.source) + pairedLines.map(context.source), minutes: minutes,
                        money: context.pendingReview(context.spread(minutes, over: pairedEntries)),
                        staffID: context[key.staff], date: key.day, participantIDs: context.texts(participant)))
            }
        }
        return findings
    }
}
