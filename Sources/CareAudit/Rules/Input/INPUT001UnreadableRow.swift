/// INPUT001: rows that could not be read, one finding per problem; they are counted as
/// rejected and left out of every other rule.
/// Complexity: O(p) in the problems kept (at most 10,000 per file).
struct INPUT001UnreadableRow: Rule {
    let description = RuleDescription(
        id: "INPUT001", name: "Unreadable row",
        summary:
            "A row that could not be read (ragged, bad quoting, bad date, time, amount or code, missing required value); the row is counted as rejected and named.",
        rationale:
            "A rejected row is time or billing the audit did not see: it may hide exactly the double claim the audit is for. Fix the export and rerun.",
        severity: .error,
        examples: [
            RuleExample(
                "a date that does not exist",
                [
                    .entry("T1", date: "2026-02-30", start: "10:00", end: "11:00", activity: "CARE court report", participant: "C1")
                ],
                findings: 1, expects: ["timesheet.csv:2"]),
            RuleExample(
                "readable rows",
                [
                    .entry("T1", date: "2026-10-14", start: "10:00", end: "11:00", activity: "CARE court report", participant: "C1")
                ],
                findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        context.summaries.flatMap { summary in
            summary.problems.filter { $0.severity == .error }.map { problem in
                Finding(
                    message: "\(problem.message) [\(problem.code.rawValue)]",
                    records: [SourceRef(file: problem.file, line: problem.line)], withheld: problem.quoted)
            }
        }
    }
}
