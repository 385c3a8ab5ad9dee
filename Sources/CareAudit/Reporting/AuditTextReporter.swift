/// The audit for a person reading top to bottom: what was read, the month's totals and the
/// CARE invoice net of the findings and its worksheet, then the findings grouped by rule with their `file:line` references.
package struct AuditTextReporter: AuditReporter {
    /// Findings shown per rule; the rest are counted, with a pointer to the complete formats.
    package var maxPerRule: Int
    /// ANSI colors for severities and headings.
    package var color: Bool

    package init(maxPerRule: Int = 25, color: Bool = false) {
        self.maxPerRule = maxPerRule
        self.color = color
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard color else { return text }
        let code =
            switch severity {
            case .error: "31;1"
            case .warning: "33"
            case .info: "36"
            }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    package func render(_ result: AuditResult) -> String {
        var out = "care-audit \(CareAuditVersion.current): CARE Act claiming audit for \(result.period)"
        out += result.periodInferred ? " (no period given: the month holding most records)\n" : "\n"
        out += "configuration: \(ReportText.configuration(result))\n"
        out += "\n" + InvoiceText.headline(result).map { bold($0) }.joined(separator: "\n") + "\n"
        out += "\nInputs\n"
        let pathWidth = result.inputs.map(\.path.count).max() ?? 0
        // Columns as wide as their widest number (a 10,000,000-row export stays aligned).
        let rowWidth = max(9, result.inputs.map { grouped($0.rows).count }.max() ?? 0)
        let rejectedWidth = max(7, result.inputs.map { grouped($0.rejected).count }.max() ?? 0)
        for input in result.inputs {
            out += "  \(pad(input.path, pathWidth))  \(pad(input.kind?.rawValue ?? "file", 9))  "
            out +=
                "\(padLeft(grouped(input.rows), rowWidth)) rows  \(padLeft(grouped(input.accepted), rowWidth)) accepted  \(padLeft(grouped(input.rejected), rejectedWidth)) rejected"
            if input.blankLines > 0 { out += "  (\(counted(input.blankLines, "blank line")) skipped)" }
            let warnings = input.counts[.warning] ?? 0
            if warnings > input.blankLines {
                out += "  \(counted(warnings - input.blankLines, "input warning")): see `care-audit validate`"
            }
            out += "\n"
        }
        // Notes about how the records were read (an adjustment naming a claim of another period).
        // (and entries exported twice, which only the audit, seeing every file, can tell).
        let notes = result.inputs.flatMap { $0.problems.filter { $0.severity == .info || $0.code == .duplicateRecordID } }
        for note in notes.prefix(10) {
            out += "  \(note.severity == .info ? "note" : note.severity.rawValue): \(note.file):\(note.line): \(note.message)\n"
        }
        if notes.count > 10 { out += "  note: \(grouped(notes.count - 10)) more notes not shown\n" }

        let totals = result.totals
        out += "\nMinutes by claiming category\n"
        for category in ClaimingCategory.allCases {
            let minutes = totals.minutesByCategory[category] ?? 0
            guard minutes > 0 else { continue }
            out += "  \(pad(category.rawValue, 22))  \(padLeft(grouped(minutes), 9)) min  \(padLeft(hoursText(minutes), 9)) h\n"
        }

        out += worksheet(result.invoice)
        out += "\nFindings by rule\n"
        if result.findings.isEmpty { out += "  none\n" }
        var seen: [String] = []
        for finding in result.findings where !seen.contains(finding.rule) { seen.append(finding.rule) }
        for rule in seen {
            let sample = result.findings.first { $0.rule == rule }!
            out +=
                "  \(pad(rule, 8)) \(paint(pad(sample.severity.rawValue, 7), sample.severity)) \(padLeft(grouped(totals.findingsByRule[rule] ?? 0), 6))  \(result.rule(rule)?.name ?? "")\n"
        }
        if !result.skipped.isEmpty {
            out += "\nRules not run\n"
            for skip in result.skipped { out += "  \(pad(skip.rule, 8)) \(skip.reason)\n" }
        }

        for rule in seen {
            let findings = result.findings.filter { $0.rule == rule }
            out += "\n" + bold("\(rule) \(result.rule(rule)?.name ?? "") (\(grouped(findings.count)))") + "\n"
            for finding in findings.prefix(maxPerRule) {
                out += "  \(paint(finding.severity.rawValue, finding.severity)): \(finding.message)"
                out += result.decision(for: finding).map { " [\(Self.describe($0))]" } ?? ""
                out += "\n"
                out +=
                    "    "
                    + finding.records.prefix(6).map { ref in
                        ref.location + (ref.recordID.map { " (\($0))" } ?? "")
                    }.joined(separator: ", ")
                if finding.records.count > 6 { out += ", … \(finding.records.count - 6) more records" }
                out += "\n"
            }
            if findings.count > maxPerRule {
                out += "  … \(grouped(findings.count - maxPerRule)) more not shown (see --format csv or json)\n"
            }
        }

        if !result.setAside.isEmpty {
            out += "\n" + bold("Set aside by review (\(grouped(result.setAside.count))): not failing the run") + "\n"
            for finding in result.setAside {
                out +=
                    "  \(finding.rule) \(finding.severity.rawValue): \(finding.message) [\(result.decision(for: finding).map(Self.describe) ?? "")]\n"
            }
        }
        if !result.staleDecisions.isEmpty {
            out += "\n" + bold("Stale decisions (\(grouped(result.staleDecisions.count))): their finding no longer occurs") + "\n"
            for decision in result.staleDecisions {
                out +=
                    "  \(decision.source.location): \(decision.rule.isEmpty ? "" : decision.rule + " ")\(decision.message.isEmpty ? decision.fingerprint : decision.message) [\(Self.describe(decision))]\n"
            }
        }

        let bySeverity = totals.findingsBySeverity
        out +=
            "\n\(counted(bySeverity[.error] ?? 0, "error")), \(counted(bySeverity[.warning] ?? 0, "warning")), \(grouped(bySeverity[.info] ?? 0)) info\n"
        return out
    }

    /// The invoice worksheet (each month, then the period when it has several), the ledger, the
    /// exposure and pending review (the first `maxPerRule` rows of each), and net minutes by staff.
    private func worksheet(_ invoice: Invoice) -> String {
        let reasons = invoice.reasons
        let paid = invoice.hourlyRate.cents > 0
        var out = "\nCARE invoice worksheet (minutes; net hours\(paid ? " and dollars at \(invoice.hourlyRate.display)/h" : ""))\n"
        out += "  \(pad("month", 9))  \(pad("category", 30))  \(padLeft("gross", 9))"
        for reason in reasons { out += "  \(padLeft(reason, 7))" }
        out += "  \(padLeft("net", 9))  \(padLeft("net h", 9))\(paid ? "  " + padLeft("amount", 13) : "")\n"
        func row(_ month: String, _ label: String, _ minutes: Invoice.Minutes) -> String {
            var line = "  \(pad(month, 9))  \(pad(label, 30))  \(padLeft(grouped(minutes.gross), 9))"
            for reason in reasons { line += "  \(padLeft(grouped(minutes.removed[reason] ?? 0), 7))" }
            line += "  \(padLeft(grouped(minutes.net), 9))  \(padLeft(hoursText(minutes.net), 9))"
            return line + (paid ? "  \(padLeft(invoice.amount(minutes.net).display, 13))" : "") + "\n"
        }
        for line in invoice.rows() {
            out += row(line.isPeriod ? "period" : line.period.description, line.category?.label ?? "total", line.minutes)
        }

        let ledger = invoice.ledger
        out += "\nAdjustments ledger (\(counted(ledger.count, "row")): every minute between gross and net)\n"
        if ledger.isEmpty { out += "  none\n" }
        for adjustment in ledger.prefix(maxPerRule) {
            out +=
                "  \(pad(adjustment.rule, 8)) \(pad(adjustment.severity.rawValue, 7)) \(reference(adjustment.record))  \(adjustment.day)  "
            out += "\(adjustment.category.label): \(grouped(adjustment.minutes)) min\(paid ? ", \(adjustment.amount.display)" : "")"
            out += (adjustment.note.map { " (\($0))" } ?? "") + "\n"
        }
        if ledger.count > maxPerRule {
            out += "  … \(grouped(ledger.count - maxPerRule)) more rows (see --format csv --table ledger, or json)\n"
        }

        out += "\nBilling exposure (\(counted(invoice.exposure.count, "claim line")), each once)\n"
        if invoice.exposure.isEmpty { out += "  none\n" }
        for line in invoice.exposure.prefix(maxPerRule) {
            out += "  \(pad(line.rule, 8)) \(pad(line.severity.rawValue, 7)) \(reference(line.record))  \(line.day)  \(line.amount.display)"
            out += line.rules.count > 1 ? " (named by \(line.rules.joined(separator: ", ")))\n" : "\n"
        }
        if invoice.exposure.count > maxPerRule {
            out += "  … \(grouped(invoice.exposure.count - maxPerRule)) more lines (see --format json)\n"
        }

        if !invoice.pending.isEmpty {
            out += "\nPending review (not deducted)\n"
            for entry in invoice.pending.prefix(maxPerRule) {
                out +=
                    "  \(pad(entry.rule, 8)) \(pad(entry.severity.rawValue, 7)) \(reference(entry.record))  \(entry.day)  \(entry.category.label): \(grouped(entry.minutes)) min"
                out += (entry.note.map { " (\($0))" } ?? "") + "\n"
            }
            if invoice.pending.count > maxPerRule {
                out += "  … \(grouped(invoice.pending.count - maxPerRule)) more entries (see --format json)\n"
            }
        }

        // One line per staff member: net minutes in each category with any time.
        let used = ClaimingCategory.claimable.filter { category in invoice.staff.contains { $0.category == category } }
        if !used.isEmpty {
            let people = Dictionary(grouping: invoice.staff, by: \.staffID)
            let nameWidth = max(4, people.values.map { ($0[0].name ?? "").count }.max() ?? 0)
            out += "\nNet CARE minutes by staff\n  \(pad("staff", 10))  \(pad("name", nameWidth))"
            for category in used { out += "  \(padLeft(category.shortLabel, 9))" }
            out += "  \(padLeft("net", 9))\n"
            for id in people.keys.sorted() {
                let lines = people[id]!
                out += "  \(pad(id, 10))  \(pad(lines[0].name ?? "", nameWidth))"
                for category in used {
                    out += "  \(padLeft(lines.first { $0.category == category }.map { grouped($0.minutes.net) } ?? "", 9))"
                }
                out += "  \(padLeft(grouped(lines.reduce(0) { $0 + $1.minutes.net }), 9))\n"
            }
        }
        return out
    }

    /// "false_positive: the session was a group (M. Ortiz)".
    static func describe(_ decision: ReviewDecision) -> String {
        decision.kind.rawValue + (decision.note.isEmpty ? "" : ": \(decision.note)")
            + (decision.reviewer.isEmpty ? "" : " (\(decision.reviewer))")
    }

    private func reference(_ record: SourceRef) -> String {
        record.location + (record.recordID.map { " (\($0))" } ?? "")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
