/// One finding per line (the same keys as a finding in the JSON report), for `jq`, log
/// shippers and other streaming tools.
package struct AuditJSONLinesReporter: AuditReporter {
    package init() {}

    package func render(_ result: AuditResult) -> String {
        String(decoding: bytes(result), as: UTF8.self)
    }

    package func write(_ result: AuditResult, to output: ([UInt8]) -> Void) {
        JSONWriter.stream(pretty: false, to: output) { w in
            for finding in result.findings {
                AuditJSONReporter.FindingJSON(finding, result).write(to: &w)
                w.scalar("\n")
            }
        }
    }
}
