import Foundation

/// `validate --format json`: the same facts as the text report, for scripts. Keys are sorted so
/// the output is byte-stable.
package struct ValidationJSONReporter: ValidationReporter {
    package init() {}

    struct Document: Encodable {
        let schema = "care-audit/validation@1"
        let tool = ToolJSON()
        let files: [File]
        let summary: Summary
    }

    struct File: Encodable {
        let path: String
        let kind: String
        let readable: Bool
        let bytes: Int
        let sha256: String
        let rows: Int
        let accepted: Int
        let rejected: Int
        let columns: Int
        let blank_lines: Int
        let problems: [InputProblem]
        let problems_not_listed: Int
    }

    struct Summary: Encodable {
        let files: Int
        let errors: Int
        let warnings: Int
        let infos: Int
    }

    package func render(_ report: ValidationReport) -> String {
        let counts = report.counts
        let document = Document(
            files: report.files.map { file in
                File(
                    path: file.path, kind: file.kind?.rawValue ?? "structure", readable: file.fatal == nil,
                    bytes: file.bytes, sha256: file.sha256, rows: file.rows, accepted: file.accepted,
                    rejected: file.rejected, columns: file.columns, blank_lines: file.blankLines,
                    problems: file.problems,
                    problems_not_listed: file.problemsNotKept)
            },
            summary: Summary(
                files: report.files.count, errors: counts[.error] ?? 0,
                warnings: counts[.warning] ?? 0, infos: counts[.info] ?? 0))
        return encodeJSON(document)
    }
}

/// `"tool": {"name", "version"}` in every JSON document care-audit writes.
struct ToolJSON: Encodable {
    let name = "care-audit"
    let version = CareAuditVersion.current
}

/// Pretty, key-sorted, slash-unescaped JSON with a final newline: diffable and stable.
package func encodeJSON<T: Encodable>(_ value: T) -> String {
    ((try? SortedJSONEncoder().encode(value)) ?? "{}") + "\n"
}
