/// DC001: CARE time that overlaps a billed service of the same staff member: the same minutes
/// claimed on the CARE invoice and billed to a payer. One finding per group of CARE entries and
/// lines connected by overlaps (usually one entry and the services inside it), naming them all,
/// with the minutes claimed twice counted once. O(n log n) per staff day
/// (`IntervalSweep.crossGroups`), never per pair.
struct DC001OverlappingTime: Rule {
    let description = RuleDescription(
        id: "DC001", name: "CARE time overlaps a billed service",
        summary:
            "A CARE-claimable timesheet entry overlaps a billed service (any payer, not VOID) by the same staff member on the same date; the overlap is claimed twice.",
        rationale:
            "The same minutes may be claimed on the CARE administrative invoice or billed to Medi-Cal or commercial insurance, never both. Federal auditors recovered $79.5M from Oklahoma for charging the same staff costs as administration and again as direct Medicaid services (HHS OIG A-06-03-00046, 2005).",
        severity: .error,
        requires: [.timesheetTimes, .billingTimes],
        examples: [
            RuleExample(
                "court report overlaps a billed peer session",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court report", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 1, expects: ["884213/1", "T1"]),
            RuleExample(
                "overnight outreach 22:00–02:00 and a service billed at 00:30 the next day",
                [
                    .entry("T1", date: "2026-10-13", start: "22:00", end: "02:00", activity: "Outreach and engagement", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "00:30", end: "01:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 1, expects: ["884213/1", "T1"]),
            RuleExample(
                "adjacent intervals do not overlap",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court report", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "11:00", end: "11:45", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 0),
            RuleExample(
                "a VOID line does not count as billed",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court report", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00", status: "VOID"),
                ],
                findings: 0),
            RuleExample(
                "another staff member's service is not double claiming",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court report", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        staff: "E2", amount: "120.00"),
                ],
                findings: 0),
            RuleExample(
                "a direct-service entry overlapping its own billing is not CARE time",
                [
                    .entry("T1", date: "2026-10-14", start: "10:30", end: "11:15", activity: "Peer support session", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        var care = TimedRecords()
        var billed = TimedRecords()  // timed CARE entries and timed lines of a day
        for key in context.staffDays {
            let lineIndexes = context.lineIndexes(key)
            guard !lineIndexes.isEmpty else { continue }
            care.collect(context.entryIndexes(key).lazy.filter { context.entries[$0].category.isCareClaimable }) {
                context.entries[$0].interval
            }
            guard !care.isEmpty else { continue }
            billed.collect(lineIndexes) { context.lines[$0].interval }
            for group in IntervalSweep.crossGroups(care.intervals, billed.intervals) {
                let entryIntervals = group.a.map { care.intervals[$0] }
                let lineIntervals = group.b.map { billed.intervals[$0] }
                let entries = group.a.map { context.entries[care.indexes[$0]] }
                let lines = group.b.map { context.lines[billed.indexes[$0]] }
                let overlap = IntervalSweep.jointLength(entryIntervals, lineIntervals)
                // The overlap comes off the CARE invoice (the billed service stands), entry by
                // entry in order of start: the minutes of its part not inside an earlier entry
                // that lie inside a line, so the parts add up to `overlap`.
                let lineUnion = lineIntervals.sorted { $0.lowerBound < $1.lowerBound }
                let byStart = entryIntervals.indices.sorted { (entryIntervals[$0].lowerBound, $0) < (entryIntervals[$1].lowerBound, $1) }
                let removed = zip(byStart, IntervalSweep.newParts(byStart.map { entryIntervals[$0] })).map { index, new in
                    (entries[index], new.count - IntervalSweep.uncovered(new, by: lineUnion))
                }
                let services =
                    lines.prefix(5).map { line in
                        "billed \(context.describe(line)) to \(context.payerLabel(line)) on claim \(context[line.claimID])"
                    }.joined(separator: " and ") + (lines.count > 5 ? " and \(grouped(lines.count - 5)) more services" : "")
                let claimed: String
                if entries.count == 1 {
                    claimed = "\(context.describeTime(entries[0])) on \(key.day) as \(entries[0].category.label)"
                } else {
                    let start = entryIntervals.map(\.lowerBound).min()!
                    let end = entryIntervals.map(\.upperBound).max()!
                    claimed =
                        "\(grouped(entries.count)) CARE entries between \(context.clock(start, on: key.day)) and \(context.clock(end, on: key.day)) on \(key.day)"
                }
                findings.append(
                    Finding(
                        message: "\(context.staffLabel(key.staff)) claimed \(claimed) and \(services): \(overlap) minutes claimed twice",
                        records: entries.map(context.source) + lines.map(context.source),
                        minutes: overlap, money: context.invoiceAdjustment(removed), staffID: context[key.staff], date: key.day,
                        participantIDs: context.participants(entries.map(\.participantID))))
            }
        }
        return findings
    }
}
