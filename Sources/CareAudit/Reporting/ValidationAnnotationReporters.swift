import Foundation

/// `validate --format github`: each problem as a GitHub Actions annotation on its file and line
/// (`::error file=…,line=…,col=…::message`), then a notice with the totals.
package struct ValidationGitHubReporter: ValidationReporter {
    package init() {}

    package func render(_ report: ValidationReport) -> String {
        var out = ""
        for file in report.files {
            for problem in file.problems {
                var properties = "file=\(AuditGitHubReporter.escapeProperty(problem.file)),line=\(max(problem.line, 1))"
                if problem.column > 0 { properties += ",col=\(problem.column)" }
                properties += ",title=\(AuditGitHubReporter.escapeProperty(problem.code.rawValue))"
                out +=
                    "::\(AuditGitHubReporter.command(problem.severity)) \(properties)::\(AuditGitHubReporter.escapeData(problem.message))\n"
            }
            if file.problemsNotKept > 0 {
                out += "::notice file=\(AuditGitHubReporter.escapeProperty(file.path))::\(file.problemsNotKept) more problems not listed\n"
            }
        }
        let counts = report.counts
        out +=
            "::notice::\(counted(report.files.count, "file")) checked: \(counted(counts[.error] ?? 0, "error")), \(counted(counts[.warning] ?? 0, "warning"))\n"
        return out
    }
}

/// `validate --format sarif`: each problem as a SARIF 2.1.0 result located at its file, line and
/// column, with the problem code as the rule.
package struct ValidationSARIFReporter: ValidationReporter {
    package init() {}

    package func render(_ report: ValidationReport) -> String {
        let codes = ProblemCode.allCases.map(\.rawValue)
        let results: [[String: Any]] = report.files.flatMap(\.problems).map { problem in
            var region: [String: Any] = ["startLine": max(problem.line, 1)]
            if problem.column > 0 { region["startColumn"] = problem.column }
            return [
                "ruleId": problem.code.rawValue,
                "ruleIndex": codes.firstIndex(of: problem.code.rawValue) ?? 0,
                "level": AuditSARIFReporter.level(problem.severity),
                "message": ["text": problem.message],
                "locations": [["physicalLocation": ["artifactLocation": ["uri": problem.file], "region": region]]],
            ]
        }
        let run: [String: Any] = [
            "tool": [
                "driver": [
                    "name": "care-audit",
                    "version": CareAuditVersion.current,
                    "rules": ProblemCode.allCases.map { code in
                        ["id": code.rawValue, "defaultConfiguration": ["level": AuditSARIFReporter.level(code.severity)]] as [String: Any]
                    },
                ]
            ],
            "results": results,
            "invocations": [["executionSuccessful": !report.files.contains { $0.fatal != nil }]],
        ]
        return AuditSARIFReporter.document(run)
    }
}
