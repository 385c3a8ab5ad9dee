/// Hours as a plain number a spreadsheet reads as one (no thousands separator).
private func hoursWithoutGrouping(_ minutes: Int) -> String {
    hoursText(minutes).replacingOccurrences(of: ",", with: "")
}

/// Findings (or totals) as CSV that opens safely in a spreadsheet and pipes into `qsv` or
/// `duckdb`: RFC 4180 quoting, formula-looking cells neutralised (numbers exempt), optional BOM.
public struct AuditCSVReporter: AuditReporter {
    public var table: CSVTable
    public var bom: Bool
    private let writer = CSVWriter()

    public init(table: CSVTable = .findings, bom: Bool = false) {
        self.table = table
        self.bom = bom
    }

    public func render(_ result: AuditResult) -> String {
        var out = bom ? CSVWriter.byteOrderMark : ""
        switch table {
        case .findings:
            out += writer.record(["rule", "severity", "staff_id", "date", "minutes", "amount", "message", "records", "record_ids"])
            for finding in result.findings {
                out += writer.record([
                    finding.rule, finding.severity.rawValue, finding.staffID ?? "", finding.date?.description ?? "",
                    finding.minutes.map(String.init) ?? "", finding.amount?.description ?? "", finding.message,
                    ReportText.locations(finding), ReportText.recordIDs(finding),
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
        }
        return out
    }
}
