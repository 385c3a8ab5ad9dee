/// DC004: more minutes claimed for a staff day (CARE time, billed services, other work) than the
/// timesheet shows worked that day.
/// Complexity: O(n): one pass over each staff day's entries and lines.
struct DC004ClaimedExceedsWorked: Rule {
    let description = RuleDescription(
        id: "DC004", name: "Claimed minutes exceed worked minutes",
        summary:
            "For a staff member and day, CARE-claimable minutes + billed service minutes (denied lines excluded) + other work on the timesheet (not direct service or unclassified time, which may be the billed service itself) exceed the minutes worked on the timesheet.",
        rationale:
            "Nobody can be paid for more minutes than they worked. When billing runs ahead of the timesheet, either services are billed that were not worked or CARE time and services were claimed for the same minutes.",
        severity: .error,
        options: [RuleOption("tolerance_minutes", default: "7", help: "Excess tolerated per day (7: a billing unit's rounding).")],
        requires: [.timesheets],
        examples: [
            RuleExample(
                "two billed hours on a one-hour timesheet day",
                [
                    .entry("T1", date: "2026-10-14", start: "09:00", end: "10:00", activity: "Peer support session", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "13:00", end: "15:00", code: "H0038", units: "8",
                        amount: "320.00"),
                ],
                findings: 1, expects: ["884213/1", "T1"]),
            RuleExample(
                "an overnight crisis shift whose services after midnight lie inside it",
                [
                    .entry("T1", date: "2026-10-13", start: "22:00", end: "02:00", activity: "Peer support session", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-13", start: "22:30", end: "23:30", code: "H0038", units: "4",
                        amount: "160.00"),
                    .line(
                        "884214/1", participant: "C2", date: "2026-10-14", start: "00:30", end: "01:30", code: "H0038", units: "4",
                        amount: "160.00"),
                ],
                findings: 0),
            RuleExample(
                "a 90-minute skills group for six participants is 90 minutes of the facilitator's time, not 540",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:30", activity: "Skill building group")
                ]
                    + (1...6).map { i in
                        .line(
                            "88421\(i)/1", participant: "C\(i)", date: "2026-10-14", start: "10:00", end: "11:30", code: "H0025",
                            units: "6", amount: "60.00")
                    },
                findings: 0),
            RuleExample(
                "the fall-back night: 01:00–03:00 is 180 minutes worked, and 180 billed",
                [
                    .entry(
                        "T1", date: "2026-11-01", start: "01:00", end: "03:00", minutes: "180", activity: "Peer support session",
                        participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-11-01", start: "01:00", end: "03:00", code: "H0038", units: "12",
                        amount: "480.00"),
                ],
                findings: 0),
            RuleExample(
                "the spring-forward night: 01:00–03:00 is 60 minutes worked; 120 billed is too much",
                [
                    .entry(
                        "T1", date: "2026-03-08", start: "01:00", end: "03:00", minutes: "60", activity: "Peer support session",
                        participant: "C1"),
                    .line("884213/1", participant: "C1", date: "2026-03-08", minutes: "120", code: "H0038", units: "8", amount: "320.00"),
                ],
                findings: 1, expects: ["884213/1", "T1"]),
            RuleExample(
                "an unclassified entry (an unknown code) and the service billed for it",
                [
                    .entry(
                        "T1", date: "2026-10-14", start: "09:00", end: "10:00", code: "ZZ9", activity: "Sesion de apoyo", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "09:00", end: "10:00", code: "H0038", units: "4",
                        amount: "160.00"),
                ],
                findings: 0),
            RuleExample(
                "billing matches the direct-service time",
                [
                    .entry("T1", date: "2026-10-14", start: "09:00", end: "10:00", activity: "Peer support session", participant: "C1"),
                    .entry("T2", date: "2026-10-14", start: "10:00", end: "12:00", activity: "CARE court report", participant: "C1"),
                    .line(
                        "884213/1", participant: "C1", date: "2026-10-14", start: "09:00", end: "10:00", code: "H0038", units: "4",
                        amount: "160.00"),
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        let tolerance = options.int("tolerance_minutes")
        var findings: [Finding] = []
        for key in context.staffDays where !context.lostRow(key) {
            // A denied line is not paid; its resubmission is. Counting both would double its minutes.
            // (Sums first, without building anything: most days are fine.)
            var billed = 0
            var lineCount = 0
            var sessions: [Int] = []  // a group session's minutes are the staff member's once
            for index in context.lineIndexes(key) where context.lines[index].status != .denied {
                lineCount += 1
                if let session = context.session(ofLine: index) {
                    if sessions.contains(session) { continue }
                    sessions.append(session)
                }
                billed += context.minutesForComparison(context.lines[index])
            }
            guard lineCount > 0 else { continue }
            var worked = 0
            var care = 0
            var other = 0
            for index in context.entryIndexes(key) {
                let entry = context.entries[index]
                let c = entry.category
                if c != .leave { worked += entry.minutes }
                if c.isCareClaimable {
                    care += entry.minutes
                } else if c != .directService && c != .leave && c != .unclassified {
                    // (Unclassified time may be the billed service itself, as direct service is: REF002
                    // names it; counting it as other work would make every billed minute excess.)
                    other += entry.minutes
                }
            }
            let claimed = care + billed + other
            guard claimed - worked > tolerance else { continue }
            let excess = claimed - worked
            let entries = context.entryIndexes(key).map { context.entries[$0] }
            let lines = context.lineIndexes(key).map { context.lines[$0] }.filter { $0.status != .denied }
            findings.append(
                Finding(
                    message:
                        "\(context.staffLabel(key.staff)) on \(key.day): \(care) CARE minutes + \(billed) billed minutes + \(other) other minutes = \(claimed) claimed, but the timesheet shows \(worked) minutes worked: \(excess) minutes more than worked",
                    records: entries.map(context.source) + lines.map(context.source), minutes: excess,
                    money: context.pendingReview(
                        context.spread(min(excess, care), over: entries.filter(\.category.isCareClaimable).reversed())),
                    staffID: context[key.staff], date: key.day))
        }
        return findings
    }
}
