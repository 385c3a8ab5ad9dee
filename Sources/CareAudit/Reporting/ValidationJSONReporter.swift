/// `validate --format json`: the same facts as the text report, for scripts. Keys are sorted so
/// the output is byte-stable.
package struct ValidationJSONReporter: ValidationReporter {
    package init() {}

    package func render(_ report: ValidationReport) -> String {
        let counts = report.counts
        return JSONWriter.document { w in
            w.object { w in
                w.key("files")
                w.array(report.files) { w, file in
                    w.object { w in
                        w.field("accepted", file.accepted)
                        w.field("blank_lines", file.blankLines)
                        w.field("bytes", file.bytes)
                        w.field("columns", file.columns)
                        w.field("kind", file.kind?.rawValue ?? "structure")
                        w.field("path", file.path)
                        w.field("problems", file.problems)
                        w.field("problems_not_listed", file.problemsNotKept)
                        w.field("readable", file.fatal == nil)
                        w.field("rejected", file.rejected)
                        w.field("rows", file.rows)
                        w.field("sha256", file.sha256)
                    }
                }
                w.field("schema", "care-audit/validation@1")
                w.key("summary")
                w.object { w in
                    w.field("errors", counts[.error] ?? 0)
                    w.field("files", report.files.count)
                    w.field("infos", counts[.info] ?? 0)
                    w.field("warnings", counts[.warning] ?? 0)
                }
                w.field("tool", ToolJSON())
            }
        }
    }
}

extension InputProblem: JSONWritable {
    package func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("code", code.rawValue)
            w.field("column", column)
            w.field("file", file)
            w.field("line", line)
            w.field("message", message)
            w.field("severity", severity.rawValue)
        }
    }
}

/// `"tool": {"name", "version"}` in every JSON document care-audit writes.
struct ToolJSON: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("name", "care-audit")
            w.field("version", CareAuditVersion.current)
        }
    }
}
