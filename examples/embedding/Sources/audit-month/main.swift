import CareAudit
import Foundation

// Audits one month as `care-audit audit` does, through the library: configuration, loading,
// the engine, the results and a report.
//   swift run --package-path examples/embedding audit-month examples/county-month
let folder = CommandLine.arguments.dropFirst().first ?? "examples/county-month"
let configuration = try ConfigurationLoader.load(path: "\(folder)/care-audit.yml")
let classifier = Classifier(configuration: configuration)
let input = InputLoader(configuration: configuration, classifier: classifier).load([
    (path: "\(folder)/timesheets.csv", kind: .timesheet),
    (path: "\(folder)/billing.csv", kind: .billing),
    (path: "\(folder)/roster.csv", kind: .roster),
])
guard input.blockingProblems.isEmpty else {
    for problem in input.blockingProblems { print(problem.formatted) }
    exit(2)
}
for summary in input.summaries {
    print("\(summary.path): \(summary.rows) rows, \(summary.accepted) accepted, \(summary.rejected) rejected")
}
let result = AuditEngine(configuration: configuration).run(input, classifier: classifier, hasRoster: true)
print("\(result.findings.count) findings for \(result.period)")
for finding in result.findings.prefix(5) {
    let at = finding.records.first.map(\.location) ?? "-"
    print("\(finding.severity.rawValue) \(finding.rule) \(at) \(finding.amount.map { "$\($0)" } ?? ""): \(finding.message)")
}
var settings = ReportSettings()
settings.maxPerRule = 10
let json = try ReportFormat.json.render(result, settings)
try Data(json).write(to: URL(fileURLWithPath: "/tmp/audit-month.json"))
print("JSON report: /tmp/audit-month.json (\(json.count) bytes)")
exit(result.hasFindings(atOrAbove: .error) ? 1 : 0)
