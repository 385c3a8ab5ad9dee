import Foundation

/// SARIF 2.1.0, which code-scanning dashboards (GitHub's among them) read: one result per
/// finding located at its first record's file and line, the other records as related locations,
/// a content fingerprint (the baseline's, stable when lines shift) so a dashboard tracks a
/// finding across runs, every rule in `tool.driver.rules` with its help, and the invocation.
/// Results are capped below 25,000 (GitHub's limit), worst first, with a note saying how many.
package struct AuditSARIFReporter: AuditReporter {
    package var maxResults = 24_999
    package var invocation: Invocation?

    package init(invocation: Invocation? = nil) { self.invocation = invocation }

    static func location(_ record: SourceRef) -> [String: Any] {
        [
            "physicalLocation": [
                "artifactLocation": ["uri": record.file],
                "region": ["startLine": max(record.line, 1)],
            ]
        ]
    }

    package func render(_ result: AuditResult) -> String {
        let rules = result.rules
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let findings = result.findings.prefix(maxResults)
        let results: [[String: Any]] = findings.map { finding in
            var result: [String: Any] = [
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule] ?? 0,
                "level": Self.level(finding.severity),
                "message": ["text": finding.message],
                "locations": finding.records.prefix(1).map(Self.location),
                "partialFingerprints": ["careAuditContent/v2": Baseline.fingerprint(finding)],
            ]
            if finding.records.count > 1 {
                result["relatedLocations"] = finding.records.dropFirst().enumerated().map { number, record in
                    var location = Self.location(record)
                    location["id"] = number + 1
                    if let id = record.recordID { location["message"] = ["text": id] }
                    return location
                }
            }
            return result
        }
        var run: [String: Any] = [
            "tool": [
                "driver": [
                    "name": "care-audit",
                    "version": CareAuditVersion.current,
                    "rules": rules.map { rule in
                        [
                            "id": rule.id,
                            "name": rule.name,
                            "shortDescription": ["text": rule.name],
                            "fullDescription": ["text": rule.summary],
                            "help": [
                                "text":
                                    "\(rule.summary)\n\nWhy it matters: \(rule.rationale)\n\nMoney: \(Invoice.effect(ofRule: rule.id))\n\nRun `care-audit explain \(rule.id)` for examples.",
                                "markdown":
                                    "\(rule.summary)\n\n**Why it matters:** \(rule.rationale)\n\n**Money:** \(Invoice.effect(ofRule: rule.id))\n\nRun `care-audit explain \(rule.id)` for examples that trigger it and examples that must not.",
                            ],
                            "defaultConfiguration": ["level": Self.level(rule.severity)],
                        ] as [String: Any]
                    },
                ]
            ],
            "results": results,
        ]
        var invocation: [String: Any] = ["executionSuccessful": true]
        if let described = self.invocation {
            let format = ISO8601DateFormatter()
            invocation["commandLine"] = described.commandLine
            invocation["exitCode"] = Int(described.exitCode)
            invocation["startTimeUtc"] = format.string(from: described.start)
            invocation["endTimeUtc"] = format.string(from: described.end)
        }
        if result.findings.count > maxResults {
            invocation["toolExecutionNotifications"] = [
                [
                    "level": "note",
                    "message": [
                        "text":
                            "\(result.findings.count - maxResults) more findings (the least severe) are not included; see the JSON or CSV report."
                    ],
                ]
            ]
        }
        run["invocations"] = [invocation]
        return Self.document(run)
    }

    /// A SARIF 2.1.0 log of one run, as stable JSON (sorted keys) with a final newline.
    static func document(_ run: [String: Any]) -> String {
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
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
