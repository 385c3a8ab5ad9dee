/// The audit as JSON (`care-audit/report@1`) for scripts and dashboards. Keys are sorted and
/// money is a string with two decimals, so the output is byte-stable and exact.
public struct AuditJSONReporter: AuditReporter {
    public init() {}

    struct Document: Encodable {
        let schema = "care-audit/report@1"
        let tool = ToolJSON()
        let period: Period
        let inputs: [Input]
        let summary: Summary
        let skipped_rules: [Skipped]
        let findings: [FindingJSON]
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
        let care_invoice_precheck: [String: Precheck]
        let double_claimed_minutes: Int
        let amount_at_risk: String
        let hourly_rate: String
    }

    struct Precheck: Encodable {
        let minutes: Int
        let amount: String
    }

    struct Skipped: Encodable {
        let rule: String
        let reason: String
    }

    struct FindingJSON: Encodable {
        init(_ finding: Finding) {
            rule = finding.rule
            severity = finding.severity.rawValue
            message = finding.message
            minutes = finding.minutes
            amount = finding.amount?.description
            staff_id = finding.staffID
            date = finding.date?.description
            records = finding.records.map { Record(file: $0.file, line: $0.line, record_id: $0.recordID) }
        }

        let rule: String
        let severity: String
        let message: String
        let minutes: Int?
        let amount: String?
        let staff_id: String?
        let date: String?
        let records: [Record]

        /// Absent values are written as null, so every finding has the same keys.
        func encode(to encoder: Encoder) throws {
            enum Keys: String, CodingKey { case rule, severity, message, minutes, amount, staff_id, date, records }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(minutes, forKey: .minutes)
            try container.encode(amount, forKey: .amount)
            try container.encode(staff_id, forKey: .staff_id)
            try container.encode(date, forKey: .date)
            try container.encode(records, forKey: .records)
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

    public func render(_ result: AuditResult) -> String {
        let totals = result.totals
        let document = Document(
            period: Period(from: result.period.first.description, to: result.period.last.description,
                           label: result.period.description, source: result.periodInferred ? "inferred" : "configured"),
            inputs: result.inputs.map {
                Input(path: $0.path, kind: $0.kind?.rawValue ?? "file", sha256: $0.sha256, bytes: $0.bytes, rows: $0.rows,
                      accepted: $0.accepted, rejected: $0.rejected, blank_lines: $0.blankLines)
            },
            summary: Summary(
                findings_by_severity: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, totals.findingsBySeverity[$0] ?? 0) }),
                findings_by_rule: totals.findingsByRule,
                minutes_by_category: Dictionary(uniqueKeysWithValues: totals.minutesByCategory.map { ($0.key.rawValue, $0.value) }),
                minutes_by_staff: totals.minutesByStaff.mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) }) },
                care_invoice_precheck: Dictionary(uniqueKeysWithValues: totals.invoicePrecheck.map {
                    ($0.category.rawValue, Precheck(minutes: $0.minutes, amount: $0.amount.description))
                }),
                double_claimed_minutes: totals.doubleClaimedMinutes,
                amount_at_risk: totals.amountAtRisk.description,
                hourly_rate: totals.hourlyRate.description),
            skipped_rules: result.skipped.map { Skipped(rule: $0.rule, reason: $0.reason) },
            findings: result.findings.map(FindingJSON.init))
        return encodeJSON(document)
    }
}
