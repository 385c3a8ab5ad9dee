/// One finding per line (the same keys as a finding in the JSON report), for `jq`, log
/// shippers and other streaming tools.
package struct AuditJSONLinesReporter: AuditReporter {
    package init() {}

    package func render(_ result: AuditResult) -> String {
        var text: [UInt8] = []
        write(result) { text += $0 }
        return String(decoding: text, as: UTF8.self)
    }

    package func write(_ result: AuditResult, to output: ([UInt8]) -> Void) {
        withoutActuallyEscaping(output) { output in
            var w = JSONWriter(pretty: false, drain: output)
            for finding in result.findings {
                AuditJSONReporter.FindingJSON(finding, result).write(to: &w)
                w.scalar("\n")
            }
            w.flush()
        }
    }
}
