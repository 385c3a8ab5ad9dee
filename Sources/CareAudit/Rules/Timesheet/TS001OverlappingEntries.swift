/// TS001: one staff member's timesheet entries overlap each other. One finding per group of
/// entries connected by overlaps, naming them all, with the minutes recorded more than once.
/// O(n log n) per staff day (`IntervalSweep.selfGroups`), whatever the number of pairs.
struct TS001OverlappingEntries: Rule {
    let description = RuleDescription(
        id: "TS001", name: "Overlapping timesheet entries",
        summary:
            "Two timesheet entries of the same staff member on the same date overlap in time (an entry is never compared with itself; adjacent entries do not overlap).",
        rationale:
            "A person cannot do two things in the same minutes; overlapping entries claim those minutes twice, whichever streams pay for them.",
        severity: .error,
        requires: [.timesheetTimes],
        examples: [
            RuleExample(
                "hearing 10:00–11:00 and report 10:30–11:30",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court hearing", participant: "C1"),
                    .entry("T2", date: "2026-10-14", start: "10:30", end: "11:30", activity: "CARE court report", participant: "C1"),
                ],
                findings: 1, expects: ["T1", "T2"]),
            RuleExample(
                "three entries overlapping in a chain are one finding",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court hearing", participant: "C1"),
                    .entry("T2", date: "2026-10-14", start: "10:30", end: "11:30", activity: "CARE court report", participant: "C1"),
                    .entry("T3", date: "2026-10-14", start: "11:15", end: "12:00", activity: "Documentation", participant: "C1"),
                ],
                findings: 1, expects: ["T1", "T2", "T3"]),
            RuleExample(
                "an overnight shift and an entry after midnight inside it",
                [
                    .entry("T1", date: "2026-10-13", start: "22:00", end: "02:00", activity: "Outreach and engagement", participant: "C1"),
                    .entry("T2", date: "2026-10-14", start: "01:00", end: "03:00", activity: "Documentation", participant: "C1"),
                ],
                findings: 1, expects: ["T1", "T2"]),
            RuleExample(
                "an overnight shift and the next morning's entry after it",
                [
                    .entry("T1", date: "2026-10-13", start: "22:00", end: "02:00", activity: "Outreach and engagement", participant: "C1"),
                    .entry("T2", date: "2026-10-14", start: "09:00", end: "10:00", activity: "Documentation", participant: "C1"),
                ],
                findings: 0),
            RuleExample(
                "back-to-back entries",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court hearing", participant: "C1"),
                    .entry("T2", date: "2026-10-14", start: "11:00", end: "12:00", activity: "CARE court report", participant: "C1"),
                ],
                findings: 0),
            RuleExample(
                "two staff members at the same time",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court hearing", participant: "C1"),
                    .entry(
                        "T2", staff: "E2", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court hearing",
                        participant: "C1"),
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        var timed = TimedRecords()
        for key in context.staffDays {
            let entryIndexes = context.entryIndexes(key)
            guard entryIndexes.count > 1 else { continue }
            timed.collect(entryIndexes) { context.entries[$0].interval }
            for group in IntervalSweep.selfGroups(timed.intervals) {
                let entries = group.map { context.entries[timed.indexes[$0]] }
                let minutes = IntervalSweep.jointLength(group.map { timed.intervals[$0] })
                // A CARE entry's minutes inside an earlier entry, or inside any entry that is not
                // CARE time, come off the invoice: each minute is claimed once.
                let others = entries.filter { !$0.category.isCareClaimable }.compactMap(\.interval).sorted { $0.lowerBound < $1.lowerBound }
                let byStart = entries.sorted {
                    ($0.interval!.lowerBound, $0.row.file, $0.row.line) < ($1.interval!.lowerBound, $1.row.file, $1.row.line)
                }
                let removed = zip(byStart, IntervalSweep.newParts(byStart.map { $0.interval! })).map { entry, new -> (TimeEntry, Int) in
                    (entry, entry.category.isCareClaimable ? entry.interval!.count - IntervalSweep.uncovered(new, by: others) : 0)
                }
                let message: String
                if entries.count == 2 {
                    let (a, b) = (entries[0], entries[1])
                    message =
                        "\(context.staffLabel(key.staff)) has overlapping entries on \(key.day): \(context.describeTime(a)) \(a.category.label) and \(context.describeTime(b)) \(b.category.label): \(minutes) minutes recorded twice"
                } else {
                    let start = entries.map { $0.start! }.min()!
                    let end = entries.map { $0.end! }.max()!
                    message =
                        "\(context.staffLabel(key.staff)) has \(grouped(entries.count)) overlapping entries on \(key.day) between \(context.clock(start, on: key.day)) and \(context.clock(end, on: key.day)): \(minutes) minutes recorded more than once"
                }
                findings.append(
                    Finding(
                        message: message,
                        records: entries.map(context.source).sorted(), minutes: minutes,
                        money: context.invoiceAdjustment(removed),
                        staffID: context[key.staff], date: key.day))
            }
        }
        return findings
    }
}
