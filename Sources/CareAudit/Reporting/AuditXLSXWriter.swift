internal import CLibXlsxWriter
import Foundation

/// The audit as an Excel workbook (written with libxlsxwriter) for finance staff who work the
/// findings in a spreadsheet: *Summary* (what was audited, the money line, inputs with their
/// SHA-256, findings by severity and rule, a chart of minutes by category), *Findings* (typed
/// cells: ids as text, dates as dates, amounts as currency; frozen header, filter, a decision
/// drop-down), *Staff*, *Invoice*, *Ledger* and *Rules*. Every text is written as a string
/// cell, never a formula, so `=HYPERLINK(...)` from an export stays text.
package struct AuditXLSXWriter {
    /// When the run started: the workbook's creation time (`SOURCE_DATE_EPOCH` fixes it).
    package var invocation: Invocation?

    package init(invocation: Invocation? = nil) { self.invocation = invocation }

    /// The decisions a reviewer picks from (`--review`).
    package static let decisions = ReviewDecision.Kind.allCases.map(\.rawValue)

    /// The workbook's bytes (written to a temporary file, read back and removed).
    package func render(_ result: AuditResult) throws -> [UInt8] {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let path = "\(folder)/care-audit-\(getpid())-\(UUID().uuidString).xlsx"
        defer { unlink(path) }
        guard let workbook = workbook_new(path) else { throw XLSXError(message: "cannot create a workbook in \(folder)") }
        var properties = lxw_doc_properties()
        properties.created = time_t((invocation?.start ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970)
        "care-audit \(result.period)".withCString { title in
            "care-audit \(CareAuditVersion.current)".withCString { author in
                properties.title = UnsafeMutablePointer(mutating: title)
                properties.author = UnsafeMutablePointer(mutating: author)
                _ = workbook_set_properties(workbook, &properties)
            }
        }
        let book = Book(workbook)
        summary(book, result)
        findings(book, result)
        staff(book, result)
        invoice(book, result)
        ledger(book, result)
        rules(book, result)
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else { throw XLSXError(message: String(cString: lxw_strerror(status))) }
        guard let data = FileManager.default.contents(atPath: path) else { throw XLSXError(message: "cannot read back \(path)") }
        return [UInt8](data)
    }

    // MARK: - Sheets

    private func summary(_ book: Book, _ result: AuditResult) {
        let sheet = book.sheet("Summary")
        sheet.text(0, 0, "CARE Act claiming audit: \(result.period)", book.title)
        var row = 2
        for (label, value) in [
            ("Period", "\(result.period.first) to \(result.period.last)"),
            ("Tool", "care-audit \(CareAuditVersion.current)"),
            ("Configuration", ReportText.configuration(result)),
            ("Configuration SHA-256", result.configurationHash),
            ("Generated", invocation.map { AuditHTMLReporter.timestamp($0.start) } ?? ""),
        ] {
            sheet.text(row, 0, label, book.bold)
            sheet.text(row, 1, value)
            row += 1
        }
        row += 1
        for line in InvoiceText.headline(result) {
            sheet.text(row, 0, line.trimmingCharacters(in: .whitespaces), line.hasPrefix("CARE invoice") ? book.bold : nil)
            row += 1
        }
        row += 1
        row =
            sheet.table(
                at: row, ["File", "Kind", "Rows", "Accepted", "Rejected", "SHA-256"], header: book.header,
                result.inputs.map { input in
                    [
                        .text(input.path), .text(input.kind?.rawValue ?? "file"), .number(Double(input.rows)),
                        .number(Double(input.accepted)),
                        .number(Double(input.rejected)), .text(input.sha256),
                    ]
                }) + 1
        let bySeverity = result.totals.findingsBySeverity
        row =
            sheet.table(
                at: row, ["Severity", "Findings"], header: book.header,
                Severity.allCases.reversed().map {
                    [.text($0.rawValue), .number(Double(bySeverity[$0] ?? 0))]
                }) + 1
        let rules = result.totals.findingsByRule.keys.sorted()
        row =
            sheet.table(
                at: row, ["Rule", "Name", "Findings"], header: book.header,
                rules.map {
                    [.text($0), .text(result.rule($0)?.name ?? ""), .number(Double(result.totals.findingsByRule[$0] ?? 0))]
                }) + 1
        // Minutes by claiming category, and a bar chart of them.
        let categories = ClaimingCategory.allCases.filter { (result.totals.minutesByCategory[$0] ?? 0) > 0 }
        let first = row + 1
        row = sheet.table(
            at: row, ["Claiming category", "Minutes", "Hours"], header: book.header,
            categories.map { category in
                let minutes = result.totals.minutesByCategory[category] ?? 0
                return [.text(category.label), .number(Double(minutes)), .number(Double(minutes) / 60, book.hours)]
            })
        if !categories.isEmpty, let chart = workbook_add_chart(book.workbook, UInt8(LXW_CHART_BAR.rawValue)) {
            let series = chart_add_series(chart, nil, nil)
            chart_series_set_categories(series, "Summary", lxw_row_t(first), 0, lxw_row_t(row - 1), 0)
            chart_series_set_values(series, "Summary", lxw_row_t(first), 1, lxw_row_t(row - 1), 1)
            chart_title_set_name(chart, "Minutes by claiming category")
            chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
            worksheet_insert_chart(sheet.sheet, 2, 7, chart)
        }
        sheet.widths([34, 40, 12, 12, 12, 66])
    }

    private func findings(_ book: Book, _ result: AuditResult) {
        let sheet = book.sheet("Findings")
        let headers = [
            "Rule", "Severity", "Staff ID", "Staff name", "Date", "Participant", "Claim IDs", "Minutes", "Amount",
            "Money total", "File", "Line", "Records", "Message", "Fingerprint", "Decision", "Note", "Reviewer",
        ]
        let shown = result.findings.prefix(Book.maxRows - 2)
        _ = sheet.table(
            at: 0, headers, header: book.header,
            shown.map { finding in
                let first = finding.records.first
                let claims = result.claimIDs(finding)
                return [
                    .text(finding.rule), .text(finding.severity.rawValue), .text(finding.staffID ?? ""),
                    .text(finding.staffID.flatMap { result.staffNames[$0] } ?? ""), finding.date.map { .date($0) } ?? .blank,
                    .text(finding.participantIDs.joined(separator: "; ")), .text(claims.joined(separator: "; ")),
                    finding.minutes.map { .number(Double($0)) } ?? .blank,
                    finding.amount.map { .number(Double($0.cents) / 100, book.currency) } ?? .blank,
                    .text(finding.money?.total.label ?? ""), .text(first?.file ?? ""), first.map { .number(Double($0.line)) } ?? .blank,
                    .text(ReportText.locations(finding)), .text(finding.message), .text(Baseline.fingerprint(finding)),
                    .text(result.decision(for: finding)?.kind.rawValue ?? ""), .text(result.decision(for: finding)?.note ?? ""),
                    .text(result.decision(for: finding)?.reviewer ?? ""),
                ]
            }, dates: book.date)
        if shown.count < result.findings.count {
            sheet.text(
                shown.count + 1, 0, "\(grouped(result.findings.count - shown.count)) more findings do not fit a sheet: see the CSV report")
        }
        worksheet_freeze_panes(sheet.sheet, 1, 0)
        worksheet_autofilter(sheet.sheet, 0, 0, lxw_row_t(max(shown.count, 1)), lxw_col_t(headers.count - 1))
        // A drop-down of the decisions on the Decision column.
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        let names = Self.decisions.map { strdup($0) } + [nil]
        defer { for name in names { free(name) } }
        var list = names
        list.withUnsafeMutableBufferPointer { buffer in
            validation.value_list = buffer.baseAddress
            _ = worksheet_data_validation_range(sheet.sheet, 1, 15, lxw_row_t(max(shown.count, 1)), 15, &validation)
        }
        sheet.widths([9, 9, 12, 22, 11, 18, 18, 9, 12, 18, 34, 7, 40, 90, 34, 15, 30, 14])
    }

    private func staff(_ book: Book, _ result: AuditResult) {
        let sheet = book.sheet("Staff")
        let categories = ClaimingCategory.allCases
        var bySeverity: [String: [Severity: Int]] = [:]
        for finding in result.findings { if let id = finding.staffID { bySeverity[id, default: [:]][finding.severity, default: 0] += 1 } }
        let ids = Set(result.totals.minutesByStaff.keys).union(bySeverity.keys).sorted()
        _ = sheet.table(
            at: 0, ["Staff ID", "Name", "Role"] + categories.map(\.label) + ["Errors", "Warnings", "Info"], header: book.header,
            ids.map { id in
                let minutes = result.totals.minutesByStaff[id] ?? [:]
                return [.text(id), .text(result.staffNames[id] ?? ""), .text(result.staffRoles[id] ?? "")]
                    + categories.map { minutes[$0].map { .number(Double($0)) } ?? .blank }
                    + Severity.allCases.reversed().map { .number(Double(bySeverity[id]?[$0] ?? 0)) }
            })
        worksheet_freeze_panes(sheet.sheet, 1, 1)
        sheet.widths([12, 24, 18] + categories.map { _ in 14 } + [9, 9, 9])
    }

    private func invoice(_ book: Book, _ result: AuditResult) {
        let sheet = book.sheet("Invoice")
        let invoice = result.invoice
        let reasons = Invoice.adjustingRules
        let rows: [[Cell]] = invoice.rows().map { line in
            let minutes = line.minutes
            return [.text(line.period.description), .text(line.category?.label ?? "Total"), .number(Double(minutes.gross))]
                + reasons.map { .number(Double(minutes.removed[$0] ?? 0)) }
                + [
                    .number(Double(minutes.net)), .number(Double(minutes.net) / 60, book.hours),
                    .number(Double(invoice.amount(minutes.net).cents) / 100, book.currency),
                ]
        }
        _ = sheet.table(
            at: 0, ["Month", "Category", "Gross minutes"] + reasons.map { "Removed \($0)" } + ["Net minutes", "Net hours", "Amount"],
            header: book.header, rows)
        worksheet_freeze_panes(sheet.sheet, 1, 2)
        sheet.widths([16, 30, 14] + reasons.map { _ in 14 } + [13, 11, 14])
    }

    private func ledger(_ book: Book, _ result: AuditResult) {
        let sheet = book.sheet("Ledger")
        _ = sheet.table(
            at: 0, ["Rule", "Severity", "File", "Line", "Record", "Staff ID", "Date", "Category", "Minutes", "Amount", "Note"],
            header: book.header,
            result.invoice.ledger.prefix(Book.maxRows - 1).map { row in
                [
                    .text(row.rule), .text(row.severity.rawValue), .text(row.record.file), .number(Double(row.record.line)),
                    .text(row.record.recordID ?? ""), .text(row.staffID ?? ""), .date(row.day), .text(row.category.label),
                    .number(Double(row.minutes)), .number(Double(row.amount.cents) / 100, book.currency), .text(row.note ?? ""),
                ]
            }, dates: book.date)
        worksheet_freeze_panes(sheet.sheet, 1, 0)
        sheet.widths([9, 9, 34, 7, 14, 12, 11, 30, 9, 12, 50])
    }

    private func rules(_ book: Book, _ result: AuditResult) {
        let sheet = book.sheet("Rules")
        let skipped = Dictionary(result.skipped.map { ($0.rule, $0.reason) }, uniquingKeysWith: { a, _ in a })
        _ = sheet.table(
            at: 0, ["Rule", "Name", "Default severity", "Status", "Findings", "Why not run", "Money"], header: book.header,
            result.rules.map { rule in
                [
                    .text(rule.id), .text(rule.name), .text(rule.severity.rawValue), .text(skipped[rule.id] == nil ? "run" : "not run"),
                    .number(Double(result.totals.findingsByRule[rule.id] ?? 0)), .text(skipped[rule.id] ?? ""),
                    .text(Invoice.effect(ofRule: rule.id)),
                ]
            })
        worksheet_freeze_panes(sheet.sheet, 1, 0)
        sheet.widths([9, 50, 15, 9, 9, 60, 80])
    }

    // MARK: - Cells

    enum Cell {
        case text(String)
        case number(Double, Format? = nil)
        case date(Day)
        case blank
    }

    typealias Format = UnsafeMutablePointer<lxw_format>

    /// A workbook and its formats.
    final class Book {
        /// Excel's row limit.
        static let maxRows = 1_048_576
        let workbook: UnsafeMutablePointer<lxw_workbook>
        let bold, title, header, currency, hours, date: Format?

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            self.workbook = workbook
            func format(_ setup: (Format?) -> Void) -> Format? {
                let format = workbook_add_format(workbook)
                setup(format)
                return format
            }
            bold = format { format_set_bold($0) }
            title = format {
                format_set_bold($0)
                format_set_font_size($0, 14)
            }
            header = format {
                format_set_bold($0)
                format_set_bg_color($0, 0xE8EEF7)
                format_set_bottom($0, UInt8(LXW_BORDER_THIN.rawValue))
                format_set_text_wrap($0)
                format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            }
            currency = format { format_set_num_format($0, "$#,##0.00") }
            hours = format { format_set_num_format($0, "0.00") }
            date = format { format_set_num_format($0, "yyyy-mm-dd") }
        }

        /// A sheet set up to print: landscape, one page wide, its header row on every page.
        func sheet(_ name: String) -> Sheet {
            let sheet = workbook_add_worksheet(workbook, name)
            worksheet_set_landscape(sheet)
            worksheet_fit_to_pages(sheet, 1, 0)
            if name != "Summary" { _ = worksheet_repeat_rows(sheet, 0, 0) }
            return Sheet(sheet)
        }
    }

    /// A worksheet being written.
    struct Sheet {
        let sheet: UnsafeMutablePointer<lxw_worksheet>?

        init(_ sheet: UnsafeMutablePointer<lxw_worksheet>?) { self.sheet = sheet }

        /// A string cell, cut to Excel's 32,767-byte limit at a character boundary.
        func text(_ row: Int, _ column: Int, _ value: String, _ format: Format? = nil) {
            var value = value
            if value.utf8.count > 32_767 {
                var cut = value.utf8.index(value.utf8.startIndex, offsetBy: 32_760)
                while cut > value.utf8.startIndex && !value.unicodeScalars.indices.contains(cut) { cut = value.utf8.index(before: cut) }
                value = String(value[..<cut]) + "…"
            }
            _ = worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), value, format)
        }

        /// A header row and rows of cells from `row`; returns the row after the last.
        func table(at row: Int, _ headers: [String], header: Format?, _ rows: [[Cell]], dates: Format? = nil) -> Int {
            for (column, title) in headers.enumerated() { text(row, column, title, header) }
            var current = row + 1
            for cells in rows {
                for (column, cell) in cells.enumerated() {
                    let (r, c) = (lxw_row_t(current), lxw_col_t(column))
                    switch cell {
                    case .text(let value): if !value.isEmpty { text(current, column, value) }
                    case .number(let value, let format): _ = worksheet_write_number(sheet, r, c, value, format)
                    case .date(let day):
                        let (y, m, d) = day.components
                        var when = lxw_datetime(year: Int32(y), month: Int32(m), day: Int32(d), hour: 0, min: 0, sec: 0)
                        _ = worksheet_write_datetime(sheet, r, c, &when, dates)
                    case .blank: break
                    }
                }
                current += 1
            }
            return current
        }

        func widths(_ widths: [Double]) {
            for (column, width) in widths.enumerated() {
                _ = worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil)
            }
        }
    }
}

package struct XLSXError: Error, CustomStringConvertible {
    package let message: String
    package var description: String { "cannot write the workbook: \(message)" }
}
