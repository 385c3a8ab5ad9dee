import Foundation

/// One finding per line (the same keys as a finding in the JSON report), for `jq`, log
/// shippers and other streaming tools.
public struct AuditJSONLinesReporter: AuditReporter {
    public init() {}

    public func render(_ result: AuditResult) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return result.findings.map { finding in
            let line = AuditJSONReporter.FindingJSON(finding)
            return String(decoding: (try? encoder.encode(line)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
        }.joined()
    }
}
