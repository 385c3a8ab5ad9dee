/// TS003: billed services or CARE time while the staff member is on leave.
/// Complexity: O(n·l) per staff day, l its leave entries (one or two); days without leave are skipped at a glance.
struct TS003WorkOnLeave: Rule {
    let description = RuleDescription(
        id: "TS003", name: "Work claimed during leave",
        summary:
            "A billed service or CARE-claimable time during leave: overlapping a timed leave entry, or on a day whose untimed leave covers a full day (`full_day_minutes`).",
        rationale:
            "Paid time off is paid from a third stream; time claimed or billed during it is either not worked or leave that was not taken, and both are findings in a payroll audit.",
        severity: .error,
        options: [
            RuleOption("full_day_minutes", default: "480", help: "Untimed leave of at least this many minutes means the whole day off.")
        ],
        examples: [
            RuleExample(
                "a billed session on a full PTO day",
                [
                    .entry("T1", date: "2026-10-14", minutes: "480", activity: "", payCode: "PTO", program: ""),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 1, expects: ["884213/1", "T1"]),
            RuleExample(
                "CARE time on a jury-duty day (leave by the name the payroll system uses)",
                [
                    .entry("T1", date: "2026-10-14", minutes: "480", activity: "Out", payCode: "Jury Duty", program: ""),
                    .entry("T2", date: "2026-10-14", start: "16:00", end: "17:00", activity: "CARE court report", participant: "C1"),
                ],
                findings: 1, expects: ["T1", "T2"]),
            RuleExample(
                "half-day sick leave in the morning, CARE work in the afternoon",
                [
                    .entry("T1", date: "2026-10-14", start: "08:00", end: "12:00", activity: "", payCode: "SICK", program: ""),
                    .entry("T2", date: "2026-10-14", start: "13:00", end: "17:00", activity: "CARE court report", participant: "C1"),
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        let fullDay = options.int("full_day_minutes")
        var findings: [Finding] = []
        for key in context.staffDays {
            // Most days hold no leave: look before copying anything.
            guard context.entryIndexes(key).contains(where: { context.entries[$0].category == .leave }) else { continue }
            let entries = context.entryIndexes(key).map { context.entries[$0] }
            let leave = entries.filter { $0.category == .leave }
            guard !leave.isEmpty else { continue }
            let timedLeave = leave.compactMap(\.interval)
            let wholeDay = leave.filter { $0.interval == nil }.reduce(0) { $0 + $1.minutes } >= fullDay
            func conflicts(_ interval: Range<Int>?) -> Bool {
                if wholeDay { return true }
                guard let interval else { return false }
                return timedLeave.contains { $0.overlaps(interval) }
            }
            let leaveSources = leave.map(context.source)
            let sortedLeave = timedLeave.sorted { $0.lowerBound < $1.lowerBound }
            /// The CARE minutes that come off the invoice: all of them on a day of leave, else
            /// those inside the leave.
            func duringLeave(_ entry: TimeEntry) -> Int {
                guard !wholeDay, let interval = entry.interval else { return entry.minutes }
                return interval.count - IntervalSweep.uncovered(interval, by: sortedLeave)
            }
            for entry in entries where entry.category.isCareClaimable && conflicts(entry.interval) {
                findings.append(
                    Finding(
                        message:
                            "\(context.staffLabel(key.staff)) claimed \(context.describeTime(entry)) as \(entry.category.label) on \(key.day) while on leave (\(leave.map { context[$0.payCode] }.filter { !$0.isEmpty }.joined(separator: ", ")))",
                        records: [context.source(entry)] + leaveSources, minutes: entry.minutes,
                        money: context.invoiceAdjustment([(entry, duringLeave(entry))]),
                        staffID: context[key.staff], date: key.day))
            }
            for lineIndex in context.lineIndexes(key) {
                let line = context.lines[lineIndex]
                guard conflicts(line.interval) else { continue }
                findings.append(
                    Finding(
                        message:
                            "\(context.staffLabel(key.staff)) rendered \(context.describe(line)) on \(key.day) (claim \(context[line.claimID])) while on leave",
                        records: [context.source(line)] + leaveSources, minutes: context.billedMinutes(line),
                        money: context.billingExposure([(line, nil)]),
                        staffID: context[key.staff], date: key.day, participantIDs: context.texts(line.participantID)))
            }
        }
        return findings
    }
}
