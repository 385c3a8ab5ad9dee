/// The audit as JSON (`care-audit/report@2`) for scripts and dashboards. Keys are sorted and
/// money is a string with two decimals, so the output is byte-stable and exact. Version 2
/// replaced `care_invoice_precheck`, `double_claimed_minutes` and `amount_at_risk` with the
/// invoice worksheet and the three money totals (docs/MONEY.md).
package struct AuditJSONReporter: AuditReporter {
    package init() {}

    package func render(_ result: AuditResult) -> String {
        String(decoding: bytes(result), as: UTF8.self)
    }

    /// The document, written straight into bytes and handed on by the megabyte: a month with
    /// 55,000 findings is a 70 MB report (see `JSONWriter`). Keys in each object are listed in
    /// UTF-8 order.
    package func write(_ result: AuditResult, to output: ([UInt8]) -> Void) {
        JSONWriter.stream(to: output) { w in
            w.object { w in
                w.field("findings", result.findings.lazy.map { FindingJSON($0, result) })
                w.key("inputs")
                w.array(result.inputs) { w, input in
                    w.object { w in
                        w.field("accepted", input.accepted)
                        w.field("blank_lines", input.blankLines)
                        w.field("bytes", input.bytes)
                        w.field("kind", input.kind?.rawValue ?? "file")
                        w.field("path", input.path)
                        w.field("rejected", input.rejected)
                        w.field("rows", input.rows)
                        w.field("sha256", input.sha256)
                    }
                }
                w.key("period")
                w.object { w in
                    w.field("from", result.period.first.description)
                    w.field("label", result.period.description)
                    // "configured" (--period or care-audit.yml) or "inferred" (the month holding most records).
                    w.field("source", result.periodInferred ? "inferred" : "configured")
                    w.field("to", result.period.last.description)
                }
                w.field("schema", "care-audit/report@2")
                // Findings a review decided `false_positive` or `accepted`: not failing the run.
                w.field("set_aside", result.setAside.lazy.map { FindingJSON($0, result) })
                w.key("skipped_rules")
                w.array(result.skipped) { w, skipped in
                    w.object { w in
                        w.field("reason", skipped.reason)
                        w.field("rule", skipped.rule)
                    }
                }
                // Review decisions whose finding no longer occurs.
                w.field("stale_decisions", result.staleDecisions)
                w.key("summary")
                writeSummary(result, &w)
                w.field("tool", ToolJSON())
            }
            w.scalar("\n")
        }
    }

    private func writeSummary(_ result: AuditResult, _ w: inout JSONWriter) {
        let totals = result.totals
        let invoice = result.invoice
        w.object { w in
            w.key("billing_exposure")
            w.object { w in
                w.field("amount", invoice.exposureTotal.description)
                w.key("by_severity")
                w.dictionary(Dictionary(uniqueKeysWithValues: invoice.exposureBySeverity.map { ($0.key.rawValue, $0.value.description) })) {
                    $0.string($1)
                }
                w.field("claim_lines", invoice.exposure.count)
                w.key("lines")
                w.array(invoice.exposure) { w, line in
                    w.object { w in
                        w.field("amount", line.amount.description)
                        w.field("date", line.day.description)
                        w.field("file", line.record.file)
                        w.field("line", line.record.line)
                        w.field("record_id", line.record.recordID)
                        w.field("rule", line.rule)
                        w.field("rules", line.rules)
                        w.field("severity", line.severity.rawValue)
                    }
                }
            }
            // The configuration file, or null for the built-in defaults.
            w.field("configuration", result.configurationSource)
            // Staff days DC004 and TS004 left alone because a row of theirs could not be read.
            w.key("days_not_checked")
            w.array(result.uncheckedDays) { w, day in
                w.object { w in
                    w.field("date", day.day.description)
                    w.field("staff_id", day.staffID)
                }
            }
            w.field("findings_by_rule", totals.findingsByRule)
            w.field(
                "findings_by_severity",
                Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, totals.findingsBySeverity[$0] ?? 0) }))
            w.field("hourly_rate", totals.hourlyRate.description)
            // Inputs that lost more than 1% of their rows: the audit does not cover them.
            w.field("incomplete_inputs", result.incompleteInputs.map(\.path))
            w.key("invoice")
            w.object { w in
                w.key("by_staff")
                w.dictionary(Dictionary(grouping: invoice.staff, by: \.staffID)) { w, lines in
                    w.object { w in
                        w.field("name", lines[0].name)
                        w.field("net_minutes", Dictionary(uniqueKeysWithValues: lines.map { ($0.category.rawValue, $0.minutes.net) }))
                    }
                }
                w.field("ledger", invoice.ledger.lazy.map(LedgerJSON.init))
                w.key("months")
                w.dictionary(Dictionary(uniqueKeysWithValues: invoice.months.map { ($0.period.description, $0) })) { w, month in
                    writeMonth(month, invoice, &w)
                }
                w.key("period")
                writeMonth(invoice.whole, invoice, &w)
            }
            w.key("invoice_adjustments")
            w.object { w in
                w.field("amount", invoice.amount(invoice.whole.total.removedTotal).description)
                w.field("by_rule", invoice.whole.total.removed)
                w.field("by_severity", Dictionary(uniqueKeysWithValues: invoice.removedBySeverity.map { ($0.key.rawValue, $0.value) }))
                w.field("minutes", invoice.whole.total.removedTotal)
            }
            w.field("minutes_by_category", Dictionary(uniqueKeysWithValues: totals.minutesByCategory.map { ($0.key.rawValue, $0.value) }))
            w.key("minutes_by_staff")
            w.dictionary(totals.minutesByStaff) { w, minutes in
                w.dictionary(Dictionary(uniqueKeysWithValues: minutes.map { ($0.key.rawValue, $0.value) }))
            }
            w.key("pending_review")
            w.object { w in
                w.field("amount", invoice.amount(invoice.pendingMinutes).description)
                w.field("entries", invoice.pending.lazy.map(LedgerJSON.init))
                w.field("minutes", invoice.pendingMinutes)
            }
            w.key("suppressed")
            w.object { w in
                w.field("exposure", invoice.suppressed.exposure.description)
                w.field("findings", invoice.suppressed.findings)
                w.field("invoice_minutes", invoice.suppressed.invoiceMinutes)
                w.field("pending_minutes", invoice.suppressed.pendingMinutes)
            }
        }
    }

    private func writeMonth(_ month: Invoice.Month, _ invoice: Invoice, _ w: inout JSONWriter) {
        func cell(_ minutes: Invoice.Minutes, _ w: inout JSONWriter) {
            w.object { w in
                w.field("amount", invoice.amount(minutes.net).description)
                w.field("gross_minutes", minutes.gross)
                w.field("net_hours", hoursText(minutes.net).replacingOccurrences(of: ",", with: ""))
                w.field("net_minutes", minutes.net)
                w.field("removed_minutes", minutes.removed)
            }
        }
        w.object { w in
            w.key("categories")
            w.dictionary(Dictionary(uniqueKeysWithValues: month.byCategory.map { ($0.key.rawValue, $0.value) })) { cell($1, &$0) }
            w.key("total")
            cell(month.total, &w)
        }
    }

    /// One finding as the report and the JSON Lines stream write it. Absent values are written
    /// as null, so every finding has the same keys.
    struct FindingJSON: JSONWritable {
        let finding: Finding
        let decision: ReviewDecision?

        init(_ finding: Finding, _ result: AuditResult) {
            (self.finding, decision) = (finding, result.decision(for: finding))
        }

        func write(to w: inout JSONWriter) {
            w.object { w in
                w.field("amount", finding.amount?.description)
                w.field("date", finding.date?.description)
                w.field("decision", decision)
                w.field("message", finding.message)
                w.field("minutes", finding.minutes)
                // The total `amount` feeds: invoice_adjustment, billing_exposure, pending_review.
                w.field("money", finding.money?.total.rawValue)
                w.key("records")
                w.array(finding.records) { w, record in
                    w.object { w in
                        w.field("file", record.file)
                        w.field("line", record.line)
                        w.field("record_id", record.recordID)
                    }
                }
                w.field("rule", finding.rule)
                w.field("severity", finding.severity.rawValue)
                w.field("staff_id", finding.staffID)
            }
        }
    }

    /// A row of the adjustments ledger or of the entries pending review.
    struct LedgerJSON: JSONWritable {
        let row: Invoice.Adjustment
        init(_ row: Invoice.Adjustment) { self.row = row }

        func write(to w: inout JSONWriter) {
            w.object { w in
                w.field("amount", row.amount.description)
                w.field("category", row.category.rawValue)
                w.field("date", row.day.description)
                w.field("file", row.record.file)
                w.field("line", row.record.line)
                w.field("minutes", row.minutes)
                w.field("note", row.note)
                w.field("record_id", row.record.recordID)
                w.field("rule", row.rule)
                w.field("severity", row.severity.rawValue)
                w.field("staff_id", row.staffID)
            }
        }
    }
}

extension ReviewDecision: JSONWritable {
    package func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("decision", kind.rawValue)
            w.field("fingerprint", fingerprint)
            w.field("note", note)
            w.field("reviewer", reviewer)
        }
    }
}
