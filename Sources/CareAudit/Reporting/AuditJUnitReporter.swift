/// JUnit XML so CI dashboards show the audit as tests: one test case per rule, failing with its
/// findings listed when any is at or above `failOn` (the run's `--fail-on`), passing with the
/// others listed as output; rules that could not run are skipped with the reason.
package struct AuditJUnitReporter: AuditReporter {
    package var failOn: Severity?

    package init(failOn: Severity? = .error) { self.failOn = failOn }

    package func render(_ result: AuditResult) -> String {
        let byRule = Dictionary(grouping: result.findings, by: \.rule)
        let skipped = Dictionary(uniqueKeysWithValues: result.skipped.map { ($0.rule, $0.reason) })
        func fails(_ findings: [Finding]) -> Bool { failOn.map { threshold in findings.contains { $0.severity >= threshold } } ?? false }
        let failing = result.rules.filter { byRule[$0.id].map(fails) ?? false }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"care-audit\" tests=\"\(result.rules.count)\" failures=\"\(failing)\" skipped=\"\(skipped.count)\">\n"
        out +=
            "  <testsuite name=\"care-audit \(ReportText.xml(result.period.description))\" tests=\"\(result.rules.count)\" failures=\"\(failing)\" skipped=\"\(skipped.count)\">\n"
        for rule in result.rules {
            out += "    <testcase classname=\"care-audit.\(rule.id)\" name=\"\(rule.id) \(ReportText.xml(rule.name))\""
            if let reason = skipped[rule.id] {
                out += ">\n      <skipped message=\"\(ReportText.xml(reason))\"/>\n    </testcase>\n"
            } else if let findings = byRule[rule.id] {
                let listed = ReportText.xml(
                    findings.map { "\($0.severity.rawValue): \($0.message) (\(ReportText.locations($0)))" }.joined(separator: "\n"))
                if fails(findings) {
                    out +=
                        ">\n      <failure message=\"\(findings.count) finding\(findings.count == 1 ? "" : "s")\" type=\"\(findings[0].severity.rawValue)\">"
                    out += listed + "</failure>\n    </testcase>\n"
                } else {
                    // Below --fail-on: shown, not failed.
                    out += ">\n      <system-out>" + listed + "</system-out>\n    </testcase>\n"
                }
            } else {
                out += "/>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}
