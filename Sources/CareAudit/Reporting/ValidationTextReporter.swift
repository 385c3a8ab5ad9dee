/// `validate` for people and CI logs: a line of facts per file, then its problems in the
/// compiler-style `file:line:column: severity: message [code]` form editors and CI understand.
package struct ValidationTextReporter: ValidationReporter {
    package init() {}

    package func render(_ report: ValidationReport) -> String {
        var out = ""
        for file in report.files {
            let kind = file.kind?.rawValue ?? "structure only"
            out += "\(file.path) (\(kind))\n"
            if let fatal = file.fatal {
                out += "  could not be read: \(fatal.message)\n"
            } else {
                out += "  \(counted(file.rows, "row")): \(grouped(file.accepted)) accepted, \(grouped(file.rejected)) rejected; "
                out += "\(counted(file.columns, "column")), \(counted(file.bytes, "byte")), "
                out += "\(counted(file.blankLines, "blank line")) skipped\n"
                out += "  sha256 \(file.sha256)\n"
            }
            for problem in file.problems {
                out += problem.formatted + "\n"
            }
            if file.problemsNotKept > 0 {
                out += "  … and \(grouped(file.problemsNotKept)) more problems not listed\n"
            }
        }
        let counts = report.counts
        let errors = counts[.error] ?? 0
        let warnings = counts[.warning] ?? 0
        let infos = counts[.info] ?? 0
        out += "\(counted(report.files.count, "file")) checked: \(counted(errors, "error")), \(counted(warnings, "warning"))"
        if infos > 0 { out += ", \(infos) info" }
        out += "\n"
        return out
    }
}
