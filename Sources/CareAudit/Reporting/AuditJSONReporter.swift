/// The audit as JSON (`care-audit/report@2`) for scripts and dashboards. Keys are sorted and
/// money is a string with two decimals, so the output is byte-stable and exact. Version 2
/// replaced `care_invoice_precheck`, `double_claimed_minutes` and `amount_at_risk` with the
/// invoice worksheet and the three money totals (docs/MONEY.md).
package struct AuditJSONReporter: AuditReporter {
    package init() {}

    struct Document: Encodable {
        let schema = "care-audit/report@2"
        let tool = ToolJSON()
        let period: Period
        let inputs: [Input]
        let summary: Summary
        let skipped_rules: [Skipped]
        let findings: [FindingJSON]
        /// Findings a review decided `false_positive` or `accepted`: not failing the run.
        let set_aside: [FindingJSON]
        /// Review decisions whose finding no longer occurs.
        let stale_decisions: [Decision]
    }

    struct Decision: Encodable {
        let fingerprint: String
        let decision: String
        let note: String
        let reviewer: String

        init(_ decision: ReviewDecision) {
            (fingerprint, self.decision, note, reviewer) = (decision.fingerprint, decision.kind.rawValue, decision.note, decision.reviewer)
        }
    }

    struct Period: Encodable {
        let from: String
        let to: String
        let label: String
        /// "configured" (--period or care-audit.yml) or "inferred" (the month holding most records).
        let source: String
    }

    struct Input: Encodable {
        let path: String
        let kind: String
        let sha256: String
        let bytes: Int
        let rows: Int
        let accepted: Int
        let rejected: Int
        let blank_lines: Int
    }

    struct Summary: Encodable {
        let findings_by_severity: [String: Int]
        let findings_by_rule: [String: Int]
        let minutes_by_category: [String: Int]
        let minutes_by_staff: [String: [String: Int]]
        let hourly_rate: String
        let invoice: InvoiceJSON
        let invoice_adjustments: Adjustments
        let billing_exposure: ExposureJSON
        let pending_review: Pending
        let suppressed: SuppressedJSON
        /// Inputs that lost more than 1% of their rows: the audit does not cover them.
        let incomplete_inputs: [String]
        /// Staff days DC004 and TS004 left alone because a row of theirs could not be read.
        let days_not_checked: [DayNotChecked]
        /// The configuration file, or null for the built-in defaults.
        let configuration: String?

        func encode(to encoder: Encoder) throws {
            enum Keys: String, CodingKey {
                case findings_by_severity, findings_by_rule, minutes_by_category, minutes_by_staff, hourly_rate, invoice,
                    invoice_adjustments, billing_exposure, pending_review, suppressed, incomplete_inputs, days_not_checked, configuration
            }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(findings_by_severity, forKey: .findings_by_severity)
            try container.encode(findings_by_rule, forKey: .findings_by_rule)
            try container.encode(minutes_by_category, forKey: .minutes_by_category)
            try container.encode(minutes_by_staff, forKey: .minutes_by_staff)
            try container.encode(hourly_rate, forKey: .hourly_rate)
            try container.encode(invoice, forKey: .invoice)
            try container.encode(invoice_adjustments, forKey: .invoice_adjustments)
            try container.encode(billing_exposure, forKey: .billing_exposure)
            try container.encode(pending_review, forKey: .pending_review)
            try container.encode(suppressed, forKey: .suppressed)
            try container.encode(incomplete_inputs, forKey: .incomplete_inputs)
            try container.encode(days_not_checked, forKey: .days_not_checked)
            try container.encode(configuration, forKey: .configuration)
        }
    }

    struct DayNotChecked: Encodable {
        let staff_id: String
        let date: String
    }

    struct InvoiceJSON: Encodable {
        let months: [String: Month]
        let period: Month
        let by_staff: [String: Staff]
        let ledger: [Ledger]
    }

    struct Month: Encodable {
        let categories: [String: Cell]
        let total: Cell

        init(_ month: Invoice.Month, _ invoice: Invoice) {
            categories = Dictionary(uniqueKeysWithValues: month.byCategory.map { ($0.key.rawValue, Cell($0.value, invoice)) })
            total = Cell(month.total, invoice)
        }
    }

    struct Cell: Encodable {
        let gross_minutes: Int
        let removed_minutes: [String: Int]
        let net_minutes: Int
        let net_hours: String
        let amount: String

        init(_ minutes: Invoice.Minutes, _ invoice: Invoice) {
            gross_minutes = minutes.gross
            removed_minutes = minutes.removed
            net_minutes = minutes.net
            net_hours = hoursText(minutes.net).replacingOccurrences(of: ",", with: "")
            amount = invoice.amount(minutes.net).description
        }
    }

    struct Staff: Encodable {
        let name: String?
        let net_minutes: [String: Int]

        func encode(to encoder: Encoder) throws {
            enum Keys: String, CodingKey { case name, net_minutes }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(name, forKey: .name)
            try container.encode(net_minutes, forKey: .net_minutes)
        }
    }

    struct Ledger: Encodable {
        let rule: String
        let severity: String
        let file: String
        let line: Int
        let record_id: String?
        let staff_id: String?
        let date: String
        let category: String
        let minutes: Int
        let amount: String
        let note: String?

        init(_ row: Invoice.Adjustment) {
            rule = row.rule
            severity = row.severity.rawValue
            file = row.record.file
            line = row.record.line
            record_id = row.record.recordID
            staff_id = row.staffID
            date = row.day.description
            category = row.category.rawValue
            minutes = row.minutes
            amount = row.amount.description
            note = row.note
        }

        func encode(to encoder: Encoder) throws {
            enum Keys: String, CodingKey { case rule, severity, file, line, record_id, staff_id, date, category, minutes, amount, note }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(record_id, forKey: .record_id)
            try container.encode(staff_id, forKey: .staff_id)
            try container.encode(date, forKey: .date)
            try container.encode(category, forKey: .category)
            try container.encode(minutes, forKey: .minutes)
            try container.encode(amount, forKey: .amount)
            try container.encode(note, forKey: .note)
        }
    }

    struct Adjustments: Encodable {
        let minutes: Int
        let amount: String
        let by_severity: [String: Int]
        let by_rule: [String: Int]
    }

    struct ExposureJSON: Encodable {
        let amount: String
        let claim_lines: Int
        let by_severity: [String: String]
        let lines: [Line]
    }

    struct Line: Encodable {
        let rule: String
        let rules: [String]
        let severity: String
        let file: String
        let line: Int
        let record_id: String?
        let date: String
        let amount: String

        func encode(to encoder: Encoder) throws {
            enum Keys: String, CodingKey { case rule, rules, severity, file, line, record_id, date, amount }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(rules, forKey: .rules)
            try container.encode(severity, forKey: .severity)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(record_id, forKey: .record_id)
            try container.encode(date, forKey: .date)
            try container.encode(amount, forKey: .amount)
        }
    }

    struct Pending: Encodable {
        let minutes: Int
        let amount: String
        let entries: [Ledger]
    }

    struct SuppressedJSON: Encodable {
        let findings: Int
        let invoice_minutes: Int
        let exposure: String
        let pending_minutes: Int
    }

    struct Skipped: Encodable {
        let rule: String
        let reason: String
    }

    struct FindingJSON: Encodable {
        init(_ finding: Finding, decision: ReviewDecision?) {
            self.decision = decision.map(Decision.init)
            rule = finding.rule
            severity = finding.severity.rawValue
            message = finding.message
            minutes = finding.minutes
            amount = finding.amount?.description
            money = finding.money?.total.rawValue
            staff_id = finding.staffID
            date = finding.date?.description
            records = finding.records.map { Record(file: $0.file, line: $0.line, record_id: $0.recordID) }
        }

        let rule: String
        let severity: String
        let message: String
        let minutes: Int?
        let amount: String?
        /// The total `amount` feeds: invoice_adjustment, billing_exposure, pending_review.
        let money: String?
        let staff_id: String?
        let date: String?
        let records: [Record]
        let decision: Decision?

        /// Absent values are written as null, so every finding has the same keys.
        func encode(to encoder: Encoder) throws {
            enum Keys: String, CodingKey { case rule, severity, message, minutes, amount, money, staff_id, date, records, decision }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(minutes, forKey: .minutes)
            try container.encode(amount, forKey: .amount)
            try container.encode(money, forKey: .money)
            try container.encode(staff_id, forKey: .staff_id)
            try container.encode(date, forKey: .date)
            try container.encode(records, forKey: .records)
            try container.encode(decision, forKey: .decision)
        }
    }

    struct Record: Encodable {
        let file: String
        let line: Int
        let record_id: String?

        func encode(to encoder: Encoder) throws {
            enum Keys: String, CodingKey { case file, line, record_id }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(record_id, forKey: .record_id)
        }
    }

    package func render(_ result: AuditResult) -> String {
        let totals = result.totals
        let invoice = result.invoice
        let document = Document(
            period: Period(
                from: result.period.first.description, to: result.period.last.description,
                label: result.period.description, source: result.periodInferred ? "inferred" : "configured"),
            inputs: result.inputs.map {
                Input(
                    path: $0.path, kind: $0.kind?.rawValue ?? "file", sha256: $0.sha256, bytes: $0.bytes, rows: $0.rows,
                    accepted: $0.accepted, rejected: $0.rejected, blank_lines: $0.blankLines)
            },
            summary: Summary(
                findings_by_severity: Dictionary(
                    uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, totals.findingsBySeverity[$0] ?? 0) }),
                findings_by_rule: totals.findingsByRule,
                minutes_by_category: Dictionary(uniqueKeysWithValues: totals.minutesByCategory.map { ($0.key.rawValue, $0.value) }),
                minutes_by_staff: totals.minutesByStaff.mapValues {
                    Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) })
                },
                hourly_rate: totals.hourlyRate.description,
                invoice: InvoiceJSON(
                    months: Dictionary(uniqueKeysWithValues: invoice.months.map { ($0.period.description, Month($0, invoice)) }),
                    period: Month(invoice.whole, invoice),
                    by_staff: Dictionary(grouping: invoice.staff, by: \.staffID).mapValues { lines in
                        Staff(
                            name: lines[0].name,
                            net_minutes: Dictionary(uniqueKeysWithValues: lines.map { ($0.category.rawValue, $0.minutes.net) }))
                    },
                    ledger: invoice.ledger.map(Ledger.init)),
                invoice_adjustments: Adjustments(
                    minutes: invoice.whole.total.removedTotal, amount: invoice.amount(invoice.whole.total.removedTotal).description,
                    by_severity: Dictionary(uniqueKeysWithValues: invoice.removedBySeverity.map { ($0.key.rawValue, $0.value) }),
                    by_rule: invoice.whole.total.removed),
                billing_exposure: ExposureJSON(
                    amount: invoice.exposureTotal.description, claim_lines: invoice.exposure.count,
                    by_severity: Dictionary(
                        uniqueKeysWithValues: invoice.exposureBySeverity.map { ($0.key.rawValue, $0.value.description) }),
                    lines: invoice.exposure.map {
                        Line(
                            rule: $0.rule, rules: $0.rules, severity: $0.severity.rawValue, file: $0.record.file, line: $0.record.line,
                            record_id: $0.record.recordID, date: $0.day.description, amount: $0.amount.description)
                    }),
                pending_review: Pending(
                    minutes: invoice.pendingMinutes, amount: invoice.amount(invoice.pendingMinutes).description,
                    entries: invoice.pending.map(Ledger.init)),
                suppressed: SuppressedJSON(
                    findings: invoice.suppressed.findings, invoice_minutes: invoice.suppressed.invoiceMinutes,
                    exposure: invoice.suppressed.exposure.description,
                    pending_minutes: invoice.suppressed.pendingMinutes),
                incomplete_inputs: result.incompleteInputs.map(\.path),
                days_not_checked: result.uncheckedDays.map { DayNotChecked(staff_id: $0.staffID, date: $0.day.description) },
                configuration: result.configurationSource),
            skipped_rules: result.skipped.map { Skipped(rule: $0.rule, reason: $0.reason) },
            findings: result.findings.map { FindingJSON($0, decision: result.decision(for: $0)) },
            set_aside: result.setAside.map { FindingJSON($0, decision: result.decision(for: $0)) },
            stale_decisions: result.staleDecisions.map(Decision.init))
        return encodeJSON(document)
    }
}
