import Foundation

/// SARIF 2.1.0, which code-scanning dashboards (GitHub's among them) read: one result per
/// finding located at the export file and line, every rule in `tool.driver.rules` with its help.
/// Results are capped below 25,000 (GitHub's limit), worst first, with a note saying how many.
public struct AuditSARIFReporter: AuditReporter {
    public var maxResults = 24_999

    public init() {}

    public func render(_ result: AuditResult) -> String {
        let rules = RuleRegistry.all.map(\.description)
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let findings = result.findings.prefix(maxResults)
        let results: [[String: Any]] = findings.map { finding in
            [
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule] ?? 0,
                "level": Self.level(finding.severity),
                "message": ["text": finding.message],
                "locations": finding.records.map { record in
                    ["physicalLocation": [
                        "artifactLocation": ["uri": record.file],
                        "region": ["startLine": max(record.line, 1)],
                    ]]
                },
            ]
        }
        var run: [String: Any] = [
            "tool": ["driver": [
                "name": "care-audit",
                "version": CareAuditVersion.current,
                "rules": rules.map { rule in
                    [
                        "id": rule.id,
                        "name": rule.name,
                        "shortDescription": ["text": rule.name],
                        "fullDescription": ["text": rule.summary],
                        "help": ["text": "\(rule.summary)\n\nWhy it matters: \(rule.rationale)\n\nRun `care-audit explain \(rule.id)` for examples."],
                        "defaultConfiguration": ["level": Self.level(rule.severity)],
                    ] as [String: Any]
                },
            ]],
            "results": results,
        ]
        if result.findings.count > maxResults {
            run["invocations"] = [[
                "executionSuccessful": true,
                "toolExecutionNotifications": [[
                    "level": "note",
                    "message": ["text": "\(result.findings.count - maxResults) more findings (the least severe) are not included; see the JSON or CSV report."],
                ]],
            ]]
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
