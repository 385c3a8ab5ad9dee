/// GitHub Actions workflow commands: `::error file=…,line=…::message` annotations on the export
/// files, at most ten per severity (GitHub shows no more per step), then one notice with the
/// count not shown.
package struct AuditGitHubReporter: AuditReporter {
    package var maxPerSeverity = 10

    package init() {}

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// Workflow-command escaping: data escapes %, CR, LF; properties also : and ,.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    package func render(_ result: AuditResult) -> String {
        var out = ""
        var hidden = 0
        for severity in Severity.allCases.reversed() {
            let findings = result.findings.filter { $0.severity == severity }
            for finding in findings.prefix(maxPerSeverity) {
                var properties = "title=\(Self.escapeProperty("\(finding.rule) \(result.rule(finding.rule)?.name ?? "")"))"
                if let record = finding.records.first {
                    properties = "file=\(Self.escapeProperty(record.file)),line=\(max(record.line, 1)),\(properties)"
                }
                out += "::\(Self.command(severity)) \(properties)::\(Self.escapeData(finding.message))\n"
            }
            hidden += max(0, findings.count - maxPerSeverity)
        }
        if hidden > 0 {
            out += "::notice title=care-audit::\(hidden) more findings not annotated; see the full report\n"
        }
        return out
    }
}
