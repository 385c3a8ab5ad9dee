/// One finding per line (the same keys as a finding in the JSON report), for `jq`, log
/// shippers and other streaming tools.
package struct AuditJSONLinesReporter: AuditReporter {
    package init() {}

    package func render(_ result: AuditResult) -> String {
        String(decoding: renderBytes(result), as: UTF8.self)
    }

    package func renderBytes(_ result: AuditResult) -> [UInt8] {
        var w = JSONWriter(pretty: false, capacity: 600 * result.findings.count)
        for finding in result.findings {
            AuditJSONReporter.FindingJSON(finding, result).write(to: &w)
            w.scalar("\n")
        }
        return w.bytes
    }
}
