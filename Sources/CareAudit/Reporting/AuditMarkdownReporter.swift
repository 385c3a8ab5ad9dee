/// A summary and a findings table in GitHub-flavoured Markdown, sized for
/// `$GITHUB_STEP_SUMMARY` (which accepts 1 MiB): rows are capped with an honest count.
package struct AuditMarkdownReporter: AuditReporter {
    /// Findings listed before the table is cut.
    package var maxRows = 500
    /// Hard ceiling on the output, under GitHub's 1 MiB step-summary limit.
    package var maxBytes = 900_000

    package init() {}

    private func cell(_ text: String) -> String {
        ReportText.markdownCell(text)
    }

    package func render(_ result: AuditResult) -> String {
        let totals = result.totals
        var out = "## care-audit: \(result.period)\n\n"
        out +=
            InvoiceText.headline(result).map { "**\(cell($0.trimmingCharacters(in: .whitespaces)))**" }.joined(separator: "<br>\n") + "\n\n"
        out += "| errors | warnings | info |\n|---:|---:|---:|\n"
        out +=
            "| \(totals.findingsBySeverity[.error] ?? 0) | \(totals.findingsBySeverity[.warning] ?? 0) | \(totals.findingsBySeverity[.info] ?? 0) |\n\n"
        out += "| input | kind | rows | accepted | rejected |\n|---|---|---:|---:|---:|\n"
        for input in result.inputs {
            out +=
                "| \(cell(input.path)) | \(input.kind?.rawValue ?? "file") | \(grouped(input.rows)) | \(grouped(input.accepted)) | \(grouped(input.rejected)) |\n"
        }
        let invoice = result.invoice
        out +=
            "\n### CARE invoice worksheet\n\n| month | category | gross min | removed min | net min | net h |\n|---|---|---:|---:|---:|---:|\n"
        for line in invoice.rows() {
            let minutes = line.minutes
            out +=
                "| \(line.period) | \(line.category?.label ?? "**total**") | \(grouped(minutes.gross)) | \(grouped(minutes.removedTotal)) | \(grouped(minutes.net)) | \(hoursText(minutes.net)) |\n"
        }
        if !result.skipped.isEmpty {
            out += "\n### Rules not run\n\n"
            for skip in result.skipped { out += "- `\(skip.rule)`: \(cell(skip.reason))\n" }
        }
        out += "\n### Findings\n\n"
        guard !result.findings.isEmpty else { return out + "None.\n" }
        out += "| rule | severity | finding | records |\n|---|---|---|---|\n"
        var shown = 0
        for finding in result.findings {
            let row =
                "| `\(finding.rule)` | \(finding.severity.rawValue) | \(cell(finding.message)) | \(cell(ReportText.locations(finding))) |\n"
            guard shown < maxRows, out.utf8.count + row.utf8.count < maxBytes else { break }
            out += row
            shown += 1
        }
        if shown < result.findings.count {
            out += "\n\(grouped(result.findings.count - shown)) more findings not shown here; see the CSV, JSON or SARIF report.\n"
        }
        return out
    }
}
