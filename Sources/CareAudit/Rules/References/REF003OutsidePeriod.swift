/// REF003: records dated outside the audit period.
/// Complexity: O(n): one look at each record.
struct REF003OutsidePeriod: Rule {
    let description = RuleDescription(
        id: "REF003", name: "Record outside the audit period",
        summary: "A timesheet entry or billing line dated outside the audit period.",
        rationale:
            "Records from another month are either a wrong export or late entries; either way they belong to another invoice and are left out of this month's totals.",
        severity: .warning,
        examples: [
            RuleExample(
                "a September entry in an October audit",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court report", participant: "C1"),
                    .entry("T2", date: "2026-10-15", start: "10:00", end: "11:00", activity: "CARE court report", participant: "C1"),
                    .entry("T3", date: "2026-09-30", start: "10:00", end: "11:00", activity: "CARE court report", participant: "C1"),
                ],
                findings: 1, expects: ["T3"]),
            RuleExample(
                "all in October",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court report", participant: "C1")
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        let period = context.period
        let entries = context.entries.filter { !period.contains($0.date) }.map { entry in
            Finding(
                message:
                    "timesheet entry of \(context.staffLabel(entry.staffID)) dated \(entry.date) is outside the audit period \(period)",
                records: [context.source(entry)], minutes: entry.minutes, staffID: context[entry.staffID], date: entry.date)
        }
        let lines = context.lines.indices.filter { !period.contains(context.lines[$0].serviceDate) }.map { index in
            let line = context.lines[index]
            return Finding(
                message: "claim \(context[line.claimID]) dated \(line.serviceDate) is outside the audit period \(period)",
                records: [context.source(line)], staffID: context.lineStaffID(index), date: line.serviceDate)
        }
        return entries + lines
    }
}
