/// The money lines every human-readable report opens with (text, HTML, Markdown): the net CARE
/// invoice, the billing exposure, what is pending review, and anything that makes the figures
/// less than complete (suppressed findings, money rules that did not run).
enum InvoiceText {
    static func headline(_ result: AuditResult) -> [String] {
        let invoice = result.invoice
        let whole = invoice.whole.total
        var lines: [String] = result.incompleteInputs.map { input in
            let share = Double(input.rejected) * 100 / Double(max(input.rows, 1))
            return
                "INCOMPLETE: \(input.path) lost \(grouped(input.rejected)) of \(grouped(input.rows)) rows (\(String(format: "%.1f", share))%) to reading errors: the totals and findings below do not cover them (`care-audit validate` names each)"
        }
        var first =
            "CARE invoice, \(invoice.period): \(hoursText(whole.net)) h net of \(hoursText(whole.removedTotal)) h adjustments (\(hoursText(whole.gross)) h gross); "
        first +=
            invoice.hourlyRate.cents > 0
            ? "\(invoice.amount(whole.net).display) at \(invoice.hourlyRate.display)/h"
            : "minutes only: no care.hourly_rate configured"
        lines.append(first)
        let removed = invoice.removedBySeverity
        if removed.values.contains(where: { $0 > 0 }) {
            lines.append(
                "  adjustments: "
                    + Severity.allCases.reversed().compactMap { severity in
                        guard let minutes = removed[severity], minutes > 0 else { return nil }
                        return "\(grouped(minutes)) min from \(severity.rawValue)s"
                    }.joined(separator: ", ") + " (\(counted(invoice.ledger.count, "ledger row")))")
        }
        let exposure = invoice.exposureBySeverity
        lines.append(
            "Billing exposure: \(invoice.exposureTotal.display) on \(counted(invoice.exposure.count, "claim line"))"
                + (exposure.isEmpty
                    ? ""
                    : " ("
                        + Severity.allCases.reversed().compactMap { severity in
                            exposure[severity].map { "\($0.display) from \(severity.rawValue)s" }
                        }.joined(separator: ", ") + ")"))
        let pending = invoice.pendingMinutes
        lines.append(
            "Pending review: \(grouped(pending)) CARE min (\(hoursText(pending)) h"
                + (invoice.hourlyRate.cents > 0 ? ", \(invoice.amount(pending).display)" : "")
                + ") on \(grouped(invoice.pending.count)) \(invoice.pending.count == 1 ? "entry" : "entries"), not deducted")
        let suppressed = invoice.suppressed
        if suppressed.findings > 0 {
            lines.append(
                "Suppressed by the baseline: \(counted(suppressed.findings, "finding")) (\(grouped(suppressed.invoiceMinutes)) min of adjustments, \(suppressed.exposure.display) of exposure, \(grouped(suppressed.pendingMinutes)) min pending): still counted in these totals"
            )
        }
        let moneyRules = Set(Invoice.adjustingRules + Invoice.pendingRules + Invoice.exposureRules)
        let unchecked = result.skipped.filter { moneyRules.contains($0.rule) }
        if !unchecked.isEmpty {
            lines.append(
                "Not checked: \(unchecked.map(\.rule).joined(separator: ", ")) did not run (see \"Rules not run\"): their adjustments and exposure are not in these totals"
            )
        }
        if !result.decisions.isEmpty || !result.staleDecisions.isEmpty {
            let total = result.findings.count + result.setAside.count
            let kinds = Dictionary(grouping: result.decisions.values, by: \.kind)
            let split = ReviewDecision.Kind.allCases.compactMap { kind in
                kinds[kind].map { "\(grouped($0.count)) \(kind.rawValue.replacingOccurrences(of: "_", with: " "))" }
            }
            lines.append(
                "Review: \(grouped(total - result.findings.filter { result.decision(for: $0) == nil }.count)) of \(grouped(total)) findings decided (\(split.joined(separator: ", "))); \(grouped(result.setAside.count)) set aside; \(counted(result.staleDecisions.count, "stale decision")) (no longer found)"
            )
        }
        if !result.uncheckedDays.isEmpty {
            let days = result.uncheckedDays.prefix(3).map { "\($0.staffID) \($0.day)" }.joined(separator: ", ")
            lines.append(
                "Not checked: DC004 and TS004 on \(grouped(result.uncheckedDays.count)) staff \(result.uncheckedDays.count == 1 ? "day" : "days") that lost a row (\(days)\(result.uncheckedDays.count > 3 ? ", …" : "")): rows missing"
            )
        }
        return lines
    }
}
