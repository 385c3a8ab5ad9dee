/// The audit for a person reading top to bottom: what was read, the month's totals and the
/// CARE invoice pre-check, then the findings grouped by rule with their `file:line` references.
public struct AuditTextReporter: AuditReporter {
    /// Findings shown per rule; the rest are counted, with a pointer to the complete formats.
    public var maxPerRule: Int
    /// ANSI colors for severities and headings.
    public var color: Bool

    public init(maxPerRule: Int = 25, color: Bool = false) {
        self.maxPerRule = maxPerRule
        self.color = color
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard color else { return text }
        let code = switch severity {
        case .error: "31;1"
        case .warning: "33"
        case .info: "36"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    public func render(_ result: AuditResult) -> String {
        var out = "care-audit \(CareAuditVersion.current): CARE Act claiming audit for \(result.period)"
        out += result.periodInferred ? " (no period given: the month holding most records)\n" : "\n"
        out += "\nInputs\n"
        let pathWidth = result.inputs.map(\.path.count).max() ?? 0
        // Columns as wide as their widest number (a 10,000,000-row export stays aligned).
        let rowWidth = max(9, result.inputs.map { grouped($0.rows).count }.max() ?? 0)
        let rejectedWidth = max(7, result.inputs.map { grouped($0.rejected).count }.max() ?? 0)
        for input in result.inputs {
            out += "  \(pad(input.path, pathWidth))  \(pad(input.kind?.rawValue ?? "file", 9))  "
            out += "\(padLeft(grouped(input.rows), rowWidth)) rows  \(padLeft(grouped(input.accepted), rowWidth)) accepted  \(padLeft(grouped(input.rejected), rejectedWidth)) rejected"
            if input.blankLines > 0 { out += "  (\(counted(input.blankLines, "blank line")) skipped)" }
            let warnings = input.counts[.warning] ?? 0
            if warnings > input.blankLines { out += "  \(counted(warnings - input.blankLines, "input warning")): see `care-audit validate`" }
            out += "\n"
        }
        // Notes about how the records were read (an adjustment naming a claim of another period).
        let notes = result.inputs.flatMap { $0.problems.filter { $0.severity == .info } }
        for note in notes.prefix(10) { out += "  note: \(note.file):\(note.line): \(note.message)\n" }
        if notes.count > 10 { out += "  note: \(grouped(notes.count - 10)) more notes not shown\n" }

        let totals = result.totals
        out += "\nMinutes by claiming category\n"
        for category in ClaimingCategory.allCases {
            let minutes = totals.minutesByCategory[category] ?? 0
            guard minutes > 0 else { continue }
            out += "  \(pad(category.rawValue, 22))  \(padLeft(grouped(minutes), 9)) min  \(padLeft(hoursText(minutes), 9)) h\n"
        }

        out += "\nCARE invoice pre-check (claimable minutes in the period)\n"
        var claimable = 0
        for row in totals.invoicePrecheck {
            claimable += row.minutes
            out += "  \(pad(row.category.rawValue, 22))  \(padLeft(grouped(row.minutes), 9)) min  \(padLeft(hoursText(row.minutes), 9)) h"
            out += totals.hourlyRate.cents > 0 ? "  \(padLeft(row.amount.display, 12))\n" : "\n"
        }
        out += "  \(pad("total", 22))  \(padLeft(grouped(claimable), 9)) min  \(padLeft(hoursText(claimable), 9)) h\n"
        if totals.hourlyRate.cents == 0 {
            out += "  (no care.hourly_rate configured: minutes only)\n"
        }
        out += "  double-claimed minutes: \(grouped(totals.doubleClaimedMinutes)) (\(hoursText(totals.doubleClaimedMinutes)) h); amount at risk: \(totals.amountAtRisk.display)\n"

        out += "\nFindings by rule\n"
        let descriptions = Dictionary(uniqueKeysWithValues: RuleRegistry.all.map { ($0.description.id, $0.description) })
        if result.findings.isEmpty { out += "  none\n" }
        var seen: [String] = []
        for finding in result.findings where !seen.contains(finding.rule) { seen.append(finding.rule) }
        for rule in seen {
            let sample = result.findings.first { $0.rule == rule }!
            out += "  \(pad(rule, 8)) \(paint(pad(sample.severity.rawValue, 7), sample.severity)) \(padLeft(grouped(totals.findingsByRule[rule] ?? 0), 6))  \(descriptions[rule]?.name ?? "")\n"
        }
        if !result.skipped.isEmpty {
            out += "\nRules not run\n"
            for skip in result.skipped { out += "  \(pad(skip.rule, 8)) \(skip.reason)\n" }
        }

        for rule in seen {
            let findings = result.findings.filter { $0.rule == rule }
            out += "\n" + bold("\(rule) \(descriptions[rule]?.name ?? "") (\(grouped(findings.count)))") + "\n"
            for finding in findings.prefix(maxPerRule) {
                out += "  \(paint(finding.severity.rawValue, finding.severity)): \(finding.message)\n"
                out += "    " + finding.records.prefix(6).map { ref in
                    ref.location + (ref.recordID.map { " (\($0))" } ?? "")
                }.joined(separator: ", ")
                if finding.records.count > 6 { out += ", … \(finding.records.count - 6) more records" }
                out += "\n"
            }
            if findings.count > maxPerRule {
                out += "  … \(grouped(findings.count - maxPerRule)) more not shown (see --format csv or json)\n"
            }
        }

        let bySeverity = totals.findingsBySeverity
        out += "\n\(counted(bySeverity[.error] ?? 0, "error")), \(counted(bySeverity[.warning] ?? 0, "warning")), \(grouped(bySeverity[.info] ?? 0)) info\n"
        return out
    }


    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
