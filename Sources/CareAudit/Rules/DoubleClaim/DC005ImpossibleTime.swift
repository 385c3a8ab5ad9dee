/// DC005: impossible time: one staff member billed individual services to different
/// participants at overlapping times. Group sessions (`GroupSessions`) are exempt: serving
/// several participants at once is what a group is.
/// Complexity: O(n log n) per staff day (`IntervalSweep.selfGroups`), never per pair.
struct DC005ImpossibleTime: Rule {
    let description = RuleDescription(
        id: "DC005", name: "Impossible time: overlapping individual services",
        summary:
            "One staff member billed two or more individual (non-group) services to different participants at overlapping times; the finding names every line, the overlapping minutes and the later lines' billed share of them as billing exposure.",
        rationale:
            "Nobody can deliver two individual sessions at once: one of them was not delivered as billed. Program-integrity units look for exactly this (\"impossible days\": overlapping individual sessions, more hours billed than exist).",
        severity: .error,
        requires: [.billingTimes],
        examples: [
            RuleExample(
                "two individual peer sessions to different clients at overlapping times",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0038", units: "4",
                        amount: "160.00"),
                    .line(
                        "884214/1", participant: "C2", date: "2026-10-14", start: "10:30", end: "11:15", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 1, expects: ["884213/1", "884214/1"]),
            RuleExample(
                "a skills group: five participants, one staff member, identical times",
                (1...5).map { i in
                    .line(
                        "88421\(i)/1", participant: "C\(i)", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0025", units: "4",
                        amount: "60.00")
                },
                findings: 0),
            RuleExample(
                "a group marked by modifier HQ with staggered arrivals is still a group",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0038", modifier: "HQ",
                        units: "4", amount: "160.00"),
                    .line(
                        "884214/1", participant: "C2", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0038", modifier: "HQ",
                        units: "4", amount: "160.00"),
                ],
                findings: 0),
            RuleExample(
                "back-to-back individual sessions",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0038", units: "4",
                        amount: "160.00"),
                    .line(
                        "884214/1", participant: "C2", date: "2026-10-14", start: "11:00", end: "11:45", code: "H0038", units: "3",
                        amount: "120.00"),
                ],
                findings: 0),
            RuleExample(
                "two staff members seeing two clients at the same time",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0038", units: "4",
                        amount: "160.00"),
                    .line(
                        "884214/1", participant: "C2", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0038", units: "4",
                        staff: "E2", amount: "160.00"),
                ],
                findings: 0),
            RuleExample(
                "one client billed twice at once is a duplicate (DUP001), not impossible time",
                [
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0038", units: "4",
                        amount: "160.00"),
                    .line(
                        "884214/1", participant: "C1", date: "2026-10-14", start: "10:00", end: "11:00", code: "H0038", units: "4",
                        amount: "160.00"),
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        var individual = TimedRecords()
        for key in context.staffDays {
            let lineIndexes = context.lineIndexes(key)
            guard lineIndexes.count > 1 else { continue }
            individual.collect(
                lineIndexes.lazy.filter {
                    context.session(ofLine: $0) == nil && context.lines[$0].status != .denied
                }
            ) { context.lines[$0].interval }
            for group in IntervalSweep.selfGroups(individual.intervals) {
                let lines = group.map { context.lines[individual.indexes[$0]] }
                guard Set(lines.map(\.participantID)).count > 1 else { continue }
                let intervals = group.map { individual.intervals[$0] }
                let minutes = IntervalSweep.jointLength(intervals)
                // At risk: what the later lines bill for the minutes they share with earlier ones.
                let atRisk = intervals.indices.dropFirst().map { position -> (BillingLine, Money?) in
                    let earlier = Array(intervals[..<position])
                    let shared = intervals[position].count - IntervalSweep.uncovered(intervals[position], by: earlier)
                    return (lines[position], context.billedShare(lines[position], minutes: shared))
                }
                let services =
                    lines.prefix(5).map {
                        "\(context.describe($0)) for participant \(context[$0.participantID]) (claim \(context[$0.claimID]))"
                    }
                    .joined(separator: " and ") + (lines.count > 5 ? " and \(grouped(lines.count - 5)) more" : "")
                findings.append(
                    Finding(
                        message:
                            "\(context.staffLabel(key.staff)) billed \(grouped(lines.count)) individual services at overlapping times on \(key.day): \(services): \(minutes) minutes in which one person cannot deliver them all",
                        records: lines.map(context.source), minutes: minutes, money: context.billingExposure(atRisk),
                        staffID: context[key.staff], date: key.day,
                        participantIDs: context.participants(lines.map(\.participantID))))
            }
        }
        return findings
    }
}
