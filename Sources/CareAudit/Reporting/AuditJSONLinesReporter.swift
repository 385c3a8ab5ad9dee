import Foundation

/// One finding per line (the same keys as a finding in the JSON report), for `jq`, log
/// shippers and other streaming tools.
package struct AuditJSONLinesReporter: AuditReporter {
    package init() {}

    package func render(_ result: AuditResult) -> String {
        let encoder = SortedJSONEncoder(pretty: false)
        return result.findings.map { finding in
            ((try? encoder.encode(AuditJSONReporter.FindingJSON(finding, decision: result.decision(for: finding)))) ?? "{}") + "\n"
        }.joined()
    }
}
