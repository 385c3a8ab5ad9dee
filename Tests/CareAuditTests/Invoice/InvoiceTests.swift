import Foundation
import Testing

@testable import CareAudit

/// The money line (docs/MONEY.md): net = gross − adjustments, every removed minute in the ledger,
/// each record counted once, quarters month by month, exact cents.
@Suite("Invoice")
struct InvoiceTests {
    static func audit(
        _ folder: String, timesheets: [String], billing: [String], roster: String = "roster.csv",
        configuration file: String = "care-audit.yml"
    ) throws -> AuditResult {
        let configuration = try ConfigurationLoader.load(path: Fixtures.path("\(folder)/\(file)"))
        let classifier = Classifier(configuration: configuration)
        let inputs =
            timesheets.map { (Fixtures.path("\(folder)/\($0)"), InputKind.timesheet) }
            + billing.map { (Fixtures.path("\(folder)/\($0)"), InputKind.billing) }
            + [(Fixtures.path("\(folder)/\(roster)"), InputKind.roster)]
        let loaded = InputLoader(configuration: configuration, classifier: classifier).load(inputs)
        return AuditEngine(configuration: configuration).run(loaded, classifier: classifier, hasRoster: true)
    }

    static func quarter() throws -> AuditResult {
        try audit(
            "quarter", timesheets: ["timesheets-2026-10.csv", "timesheets-2026-11.csv", "timesheets-2026-12.csv"],
            billing: ["billing-2026-10.csv", "billing-2026-11.csv", "billing-2026-12.csv"])
    }

    static func example() throws -> AuditResult {
        let root = Fixtures.root.appendingPathComponent("../examples/county-month").standardized.path
        let configuration = try ConfigurationLoader.load(path: root + "/care-audit.yml")
        let classifier = Classifier(configuration: configuration)
        let loaded = InputLoader(configuration: configuration, classifier: classifier)
            .load([(root + "/timesheets.csv", .timesheet), (root + "/billing.csv", .billing), (root + "/roster.csv", .roster)])
        return AuditEngine(configuration: configuration).run(loaded, classifier: classifier, hasRoster: true)
    }

    /// net = gross − removed in every cell, and the ledger adds up to the removed minutes.
    static func expectBalanced(_ invoice: Invoice) {
        for month in invoice.months + [invoice.whole] {
            for (category, cell) in month.byCategory {
                #expect(cell.net == cell.gross - cell.removedTotal, "\(month.period) \(category)")
                let ledger = invoice.ledger.filter { $0.category == category && month.period.contains($0.day) }
                #expect(ledger.reduce(0) { $0 + $1.minutes } == cell.removedTotal, "\(month.period) \(category)")
            }
        }
        let whole = invoice.whole.total
        #expect(invoice.ledger.reduce(0) { $0 + $1.minutes } == whole.gross - whole.net)
    }

    @Test("the example month: net = gross − adjustments, the ledger sums to the difference")
    func exampleBalances() throws {
        let result = try Self.example()
        let invoice = result.invoice
        Self.expectBalanced(invoice)
        let whole = invoice.whole.total
        #expect(whole.gross == 170_100 && whole.net == 169_960)
        #expect(whole.removed == ["CARE002": 60, "TS001": 30, "DC001": 30, "CARE001": 20])
        #expect(invoice.hourlyRate == Money(cents: 9450))
        #expect(invoice.amount(whole.net) == Money(cents: 26_768_700))  // 169,960 min × $94.50/h
        // Claim 885868 is named by TS003 and TS004: one line, once, at the larger amount.
        let line = invoice.exposure.filter { $0.record.recordID == "885868/1" }
        #expect(line.count == 1 && line.first?.rules == ["TS003", "TS004"] && line.first?.amount == Money(cents: 11_550))
        #expect(invoice.exposureTotal == Money(cents: 136_500))
        #expect(invoice.exposure.count == Set(invoice.exposure.map(\.record)).count)
    }

    @Test("every finding's money goes to the total its rule is documented for")
    func moneyByRule() throws {
        for result in [try Self.example(), try Self.quarter()] {
            for finding in result.findings {
                switch finding.money?.total {
                case .invoiceAdjustment: #expect(Invoice.adjustingRules.contains(finding.rule), "\(finding.rule)")
                case .pendingReview: #expect(Invoice.pendingRules.contains(finding.rule), "\(finding.rule)")
                case .billingExposure: #expect(Invoice.exposureRules.contains(finding.rule), "\(finding.rule)")
                case nil: #expect(finding.amount == nil)
                }
            }
        }
    }

    @Test("a quarter: each month and the period, exactly; a claim replaced in November nets against October")
    func quarterWorksheet() throws {
        let result = try Self.quarter()
        let invoice = result.invoice
        #expect(invoice.period.description == "2026-Q4")
        #expect(invoice.months.map(\.period.description) == ["2026-10", "2026-11", "2026-12"])
        Self.expectBalanced(invoice)
        let months = invoice.months.map(\.total)
        #expect(months.map(\.gross) == [180, 240, 300])
        #expect(
            months.map(\.removed) == [
                ["DC001": 30], ["CARE002": 60, "TS003": 60, "TS001": 30], ["CARE002": 60, "CARE001": 20, "DC001": 0],
            ])
        #expect(months.map(\.net) == [150, 90, 220])
        #expect(invoice.whole.total.net == 460 && invoice.amount(460) == Money(cents: 65_450))
        #expect(invoice.months[1].byCategory[.careCourtHearing] == Invoice.Minutes(gross: 90, removed: ["CARE002": 60, "TS001": 30]))
        #expect(invoice.months[2].byCategory[.careNotice]?.net == 40)
        // B102 billed 5 units in October and was replaced by B102R (4 units) in November: the
        // original is no longer billed, so UNIT001 does not fire on it and nothing is exposed.
        #expect(!result.findings.contains { $0.records.contains { $0.recordID == "B102/1" } })
        #expect(invoice.exposure.map(\.record.recordID) == ["B302/1"])
        // Per staff: Ann Lee's and Bo Diaz's net minutes.
        let net = Dictionary(grouping: invoice.staff, by: \.staffID).mapValues { $0.reduce(0) { $0 + $1.minutes.net } }
        #expect(net == ["E1": 340, "E2": 120])
        #expect(invoice.staff.first { $0.staffID == "E1" }?.name == "Ann Lee")
    }

    @Test("one entry named by three rules loses its minutes once")
    func oneRecordThreeRules() throws {
        let invoice = try Self.quarter().invoice
        let rows = invoice.ledger.filter { $0.record.recordID == "T304" }
        #expect(rows.map(\.rule) == ["CARE002", "DC001", "CARE001"])
        #expect(rows.map(\.minutes) == [60, 0, 0])
        #expect(rows.reduce(0) { $0 + $1.minutes } == 60)  // the entry's own 60 minutes, not 60 + 30 + 30
        #expect(rows[1].note == "30 min claimed; all already removed by CARE002")
    }

    @Test("money is exact: minutes at a rate round half up to the cent, each figure from its own minutes")
    func rounding() throws {
        let rate = Money(cents: 8537)  // $85.37/h
        #expect(Money.forMinutes(7, atHourlyRate: rate) == Money(cents: 996))  // 995.98… cents
        #expect(Money.forMinutes(20, atHourlyRate: rate) == Money(cents: 2846))  // 2,845.67 cents
        #expect(Money.forMinutes(30, atHourlyRate: rate) == Money(cents: 4269))  // 4,268.5 cents: half up
        let invoice = try Self.quarter().invoice
        #expect(invoice.ledger.first { $0.rule == "CARE001" }?.amount == Money(cents: 2846))
        // The period's dollars come from its minutes, not from adding rounded months.
        #expect(invoice.amount(invoice.whole.total.net) == Money(cents: 65_450))
        #expect(invoice.months.reduce(Money.zero) { $0 + invoice.amount($1.total.net) } == Money(cents: 65_451))
    }

    @Test("a baseline hides findings from the list, never from the money; the headline says so")
    func suppressionIsShown() throws {
        let result = try Self.quarter()
        let suppressed = result.excluding(Baseline(findings: result.findings.filter { $0.rule == "DC001" || $0.rule == "PEER002" }))
        #expect(suppressed.findings.count == result.findings.count - 3)
        #expect(suppressed.invoice.whole.total == result.invoice.whole.total)
        #expect(suppressed.invoice.exposureTotal == result.invoice.exposureTotal)
        let headline = InvoiceText.headline(suppressed)
        #expect(
            headline.contains(
                "Suppressed by the baseline: 3 findings (60 min of adjustments, $80.00 of exposure, 0 min pending): still counted in these totals"
            ))
        #expect(headline[0] == "CARE invoice, 2026-Q4: 7.67 h net of 4.33 h adjustments (12.00 h gross); $654.50 at $85.37/h")
    }

    @Test("a money rule that did not run is named in the headline")
    func uncheckedRules() throws {
        var configuration = try ConfigurationLoader.load(path: Fixtures.path("quarter/care-audit.yml"))
        configuration.rules["DC001"] = Configuration.RuleSettings(enabled: false)
        let classifier = Classifier(configuration: configuration)
        let loaded = InputLoader(configuration: configuration, classifier: classifier)
            .load([(Fixtures.path("quarter/timesheets-2026-10.csv"), .timesheet), (Fixtures.path("quarter/billing-2026-10.csv"), .billing)])
        let result = AuditEngine(configuration: configuration).run(loaded, classifier: classifier, hasRoster: false)
        let line = InvoiceText.headline(result).first { $0.hasPrefix("Not checked: ") }
        #expect(line?.contains("DC001") == true && line?.contains("PEER001") == true)
    }
}
