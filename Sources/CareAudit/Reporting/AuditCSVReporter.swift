/// Hours as a plain number a spreadsheet reads as one (no thousands separator).
private func hoursWithoutGrouping(_ minutes: Int) -> String {
    hoursText(minutes).replacingOccurrences(of: ",", with: "")
}

/// Findings (or totals) as CSV that opens safely in a spreadsheet and pipes into `qsv` or
/// `duckdb`: RFC 4180 quoting, formula-looking cells neutralised (numbers exempt), optional BOM.
package struct AuditCSVReporter: AuditReporter {
    package var table: CSVTable
    package var bom: Bool
    private let writer = CSVWriter()

    /// The findings table's header (a review file needs `fingerprint` and `decision` of them).
    package static let findingColumns = [
        "rule", "severity", "staff_id", "staff_name", "date", "participant", "claim_ids", "minutes", "amount",
        "money", "file", "line", "records", "message", "fingerprint", "decision", "note", "reviewer",
    ]

    package init(table: CSVTable = .findings, bom: Bool = false) {
        self.table = table
        self.bom = bom
    }

    package func render(_ result: AuditResult) -> String {
        var out = bom ? CSVWriter.byteOrderMark : ""
        switch table {
        case .findings:
            // The Findings sheet's columns: one value per cell (the first record's file and line
            // apart), and the review columns a reviewer fills in and gives back with --review.
            out += writer.record(Self.findingColumns)
            for finding in result.findings + result.setAside {
                let first = finding.records.first
                let decision = result.decision(for: finding)
                out += writer.record([
                    finding.rule, finding.severity.rawValue, finding.staffID ?? "", finding.staffID.flatMap { result.staffNames[$0] } ?? "",
                    finding.date?.description ?? "", finding.participantIDs.joined(separator: "; "),
                    result.claimIDs(finding).joined(separator: "; "),
                    finding.minutes.map(String.init) ?? "", finding.amount?.description ?? "", finding.money?.total.rawValue ?? "",
                    first?.file ?? "", first.map { String($0.line) } ?? "", ReportText.locations(finding), finding.message,
                    Baseline.fingerprint(finding), decision?.kind.rawValue ?? "", decision?.note ?? "", decision?.reviewer ?? "",
                ])
            }
        case .summary:
            out += writer.record(["scope", "staff_id", "category", "minutes", "hours"])
            for category in ClaimingCategory.allCases {
                let minutes = result.totals.minutesByCategory[category] ?? 0
                out += writer.record(["period", "", category.rawValue, String(minutes), hoursWithoutGrouping(minutes)])
            }
            for staff in result.totals.minutesByStaff.keys.sorted() {
                let byCategory = result.totals.minutesByStaff[staff]!
                for category in ClaimingCategory.allCases {
                    guard let minutes = byCategory[category] else { continue }
                    out += writer.record(["staff", staff, category.rawValue, String(minutes), hoursWithoutGrouping(minutes)])
                }
            }
        case .invoice:
            let invoice = result.invoice
            // A column for every rule that may remove minutes, so the header never changes.
            let reasons = Invoice.adjustingRules
            out += writer.record(
                ["scope", "month", "staff_id", "staff_name", "category", "gross_minutes"]
                    + reasons.map { "removed_\($0)" } + ["net_minutes", "net_hours", "amount"])
            func row(_ scope: String, _ month: String, _ staff: (String, String), _ category: String, _ minutes: Invoice.Minutes) -> String
            {
                writer.record(
                    [scope, month, staff.0, staff.1, category, String(minutes.gross)]
                        + reasons.map { String(minutes.removed[$0] ?? 0) }
                        + [String(minutes.net), hoursWithoutGrouping(minutes.net), invoice.amount(minutes.net).description])
            }
            for line in invoice.rows(periodAlways: true) {
                out += row(
                    line.isPeriod ? "period" : "month", line.period.description, ("", ""), line.category?.rawValue ?? "total", line.minutes)
            }
            for line in invoice.staff {
                out += row("staff", invoice.period.description, (line.staffID, line.name ?? ""), line.category.rawValue, line.minutes)
            }
        case .ledger:
            out += writer.record([
                "rule", "severity", "file", "line", "record_id", "staff_id", "date", "category", "minutes", "amount", "note",
            ])
            for row in result.invoice.ledger {
                out += writer.record([
                    row.rule, row.severity.rawValue, row.record.file, String(row.record.line), row.record.recordID ?? "",
                    row.staffID ?? "", row.day.description, row.category.rawValue, String(row.minutes), row.amount.description,
                    row.note ?? "",
                ])
            }
        }
        return out
    }
}
