internal import Crypto
import Foundation

/// The audit's outcome: findings in report order, the rules that could not run and why, the
/// period's minute totals and the CARE invoice net of the findings.
public struct AuditResult: Sendable {
    public let period: Period
    /// True when no period was given and the audit chose the month holding most records.
    package let periodInferred: Bool
    public let inputs: [ExportSummary]
    public private(set) var findings: [Finding]
    package let skipped: [SkippedRule]
    package let ranRules: [String]
    /// Every rule the engine was built with (run or not), in catalogue order: all a reporter
    /// reads about rules, so an engine with other rules reports them rightly.
    package let rules: [RuleDescription]
    private let rulesByID: [String: RuleDescription]
    package private(set) var totals: Totals
    /// The invoice worksheet, billing exposure and pending review, from every finding (the
    /// baseline hides findings from the list, not from the money).
    package private(set) var invoice: Invoice
    /// SHA-256 of the configuration in effect, as `care-audit config` prints it: two reports
    /// with the same hash were audited under the same settings.
    package let configurationHash: String
    /// Names of the staff the findings or the minutes name (roster, else timesheet), by staff id.
    package let staffNames: [String: String]
    /// Roster roles, by staff id.
    package let staffRoles: [String: String]
    /// Review decisions attached by `reviewed(by:)`, by fingerprint.
    package internal(set) var decisions: [String: ReviewDecision] = [:]
    /// Findings decided `false_positive` or `accepted`: listed apart, not driving the exit code.
    package internal(set) var setAside: [Finding] = []
    /// Decisions whose finding no longer occurs (fixed at the source, or changed).
    package internal(set) var staleDecisions: [ReviewDecision] = []
    /// Every finding the rules made: the money comes from these, whatever a baseline hides.
    private let moneyFindings: [Finding]
    /// The configuration file the audit ran under; nil: the built-in defaults.
    package let configurationSource: String?
    /// Staff days in the period that lost a row to a reading error: `DC004` and `TS004` left them
    /// alone (their minutes are not all known), and the reports list them as not checked.
    package let uncheckedDays: [LostStaffDay]
    /// Findings left out because the baseline already knew them.
    package private(set) var suppressedByBaseline = 0

    package struct SkippedRule: Sendable, Equatable {
        package let rule: String
        package let reason: String
    }

    /// Minutes by category (all accepted entries dated in the period), per month and per staff
    /// member, and the findings counted.
    package struct Totals: Sendable {
        package var minutesByCategory: [ClaimingCategory: Int] = [:]
        /// Staff id → minutes by category.
        package var minutesByStaff: [String: [ClaimingCategory: Int]] = [:]
        /// Minutes by category in each month of the period (`Period.months`, in order).
        package var minutesByMonth: [[ClaimingCategory: Int]] = []
        package var findingsByRule: [String: Int] = [:]
        package var findingsBySeverity: [Severity: Int] = [:]
        package var hourlyRate = Money.zero

        /// The minutes of `context`'s entries in the period, by staff and category (the totals
        /// that come from findings are added by `AuditResult`). Runs beside the rules.
        init(_ context: AuditContext) {
            hourlyRate = context.configuration.care.hourlyRate
            // Tallied in a flat array by staff number and category index; entries come in runs of
            // one staff member, so the number is looked up only when the staff id changes.
            let categories = ClaimingCategory.allCases
            var staffNumber: [TextID: Int] = [:]
            var staffIDs: [TextID] = []
            var minutes: [Int] = []  // staff number * categories + category; -1: no entry
            var current = (staff: TextID.empty, number: -1)
            let months = context.period.months
            var monthMinutes = [Int](repeating: 0, count: months.count * categories.count)  // month * categories + category
            var month = (day: Day(number: .min), slot: 0)  // entries come in runs of a day
            for entry in context.entries where context.period.contains(entry.date) {
                if entry.date != month.day {
                    month = (entry.date, months.firstIndex { $0.contains(entry.date) }! * categories.count)
                }
                let category = categories.firstIndex(of: entry.category)!
                monthMinutes[month.slot + category] += entry.minutes
                if entry.staffID != current.staff || current.number < 0 {
                    if staffNumber[entry.staffID] == nil {
                        staffNumber[entry.staffID] = staffIDs.count
                        staffIDs.append(entry.staffID)
                        minutes += repeatElement(-1, count: categories.count)
                    }
                    current = (entry.staffID, staffNumber[entry.staffID]!)
                }
                let slot = current.number * categories.count + category
                minutes[slot] = max(minutes[slot], 0) + entry.minutes
            }
            minutesByMonth = months.indices.map { index in
                var byCategory: [ClaimingCategory: Int] = [:]
                for (c, category) in categories.enumerated() where monthMinutes[index * categories.count + c] > 0 {
                    byCategory[category] = monthMinutes[index * categories.count + c]
                }
                return byCategory
            }
            for (number, staff) in staffIDs.enumerated() {
                var perCategory: [ClaimingCategory: Int] = [:]
                for (index, category) in categories.enumerated() where minutes[number * categories.count + index] >= 0 {
                    let value = minutes[number * categories.count + index]
                    perCategory[category] = value
                    minutesByCategory[category, default: 0] += value
                }
                minutesByStaff[context[staff]] = perCategory
            }
        }

    }

    init(
        context: AuditContext, totals: Totals, findings: [Finding], skipped: [SkippedRule], ranRules: [String],
        rules: [RuleDescription], periodInferred: Bool
    ) {
        self.rules = rules
        rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        period = context.period
        self.periodInferred = periodInferred
        inputs = context.summaries.map { summary in
            var summary = summary
            summary.path = summary.path.printableText
            return summary
        }
        self.findings = findings
        self.skipped = skipped
        self.ranRules = ranRules
        self.totals = totals
        configurationHash = SHA256.hash(data: Array(ConfigurationWriter.yaml(context.configuration).utf8))
            .map { String(format: "%02x", $0) }.joined()
        configurationSource = context.configuration.source?.printableText
        uncheckedDays =
            ranRules.contains { $0 == "DC004" || $0 == "TS004" }
            ? context.lostStaffDays.filter { context.period.contains($0.day) }.sorted() : []
        var names: [String: String] = [:]
        for id in Set(findings.compactMap(\.staffID)).union(totals.minutesByStaff.keys) { names[id] = context.staffName(id) }
        staffNames = names
        invoice = Invoice(period: context.period, totals: totals, findings: findings, name: { names[$0] })
        staffRoles = context.staffByID.compactMapValues { $0.role.isEmpty ? nil : $0.role }
        moneyFindings = findings
        tally()
    }

    /// Recomputes the totals that come from the findings.
    private mutating func tally() {
        totals.findingsByRule = [:]
        totals.findingsBySeverity = [:]
        for finding in findings {
            totals.findingsByRule[finding.rule, default: 0] += 1
            totals.findingsBySeverity[finding.severity, default: 0] += 1
        }
    }

    /// The same result with the findings a baseline already holds left out (and counted).
    package func excluding(_ baseline: Baseline) -> AuditResult {
        var copy = self
        var remaining = baseline.counts
        var suppressed = Invoice.Suppressed()
        copy.findings = findings.filter { finding in
            let print = Baseline.fingerprint(finding, version: baseline.version)
            guard let left = remaining[print], left > 0 else { return true }
            remaining[print] = left - 1
            suppressed.findings += 1
            switch finding.money?.total {
            case .invoiceAdjustment: suppressed.invoiceMinutes += finding.money!.minutes
            case .pendingReview: suppressed.pendingMinutes += finding.money!.minutes
            case .billingExposure: suppressed.exposure += finding.money!.amount
            case nil: break
            }
            return false
        }
        copy.suppressedByBaseline = suppressed.findings
        copy.invoice.suppressed = suppressed
        copy.tally()
        return copy
    }

    /// Sets the findings listed to `kept` and recomputes the money from those of every finding
    /// `keepsMoney` accepts (a false positive no longer counts; what a baseline hides still does).
    mutating func replaceFindings(_ kept: [Finding], keepsMoney: (Finding) -> Bool) {
        let suppressed = invoice.suppressed
        let names = Dictionary(invoice.staff.map { ($0.staffID, $0.name) }, uniquingKeysWith: { a, _ in a })
        invoice = Invoice(period: period, totals: totals, findings: moneyFindings.filter(keepsMoney), name: { names[$0] ?? nil })
        invoice.suppressed = suppressed
        findings = kept
        tally()
    }

    /// The same result with every participant id replaced by `redactor`'s keyed hash.
    package func redacted(by redactor: Redactor) -> AuditResult {
        var copy = self
        copy.findings = findings.map(redactor.redact)
        copy.setAside = setAside.map(redactor.redact)
        // A stale decision's message came from the review file: it may name a participant.
        copy.staleDecisions = staleDecisions.map {
            ReviewDecision(
                fingerprint: $0.fingerprint, kind: $0.kind, note: $0.note, reviewer: $0.reviewer, source: $0.source,
                rule: $0.rule, message: $0.message.isEmpty ? "" : "(withheld by --redact)")
        }
        return copy
    }

    /// Timesheet and billing inputs that lost more than 1% of their rows to reading errors: the
    /// audit does not cover those rows, and every report says so first.
    package var incompleteInputs: [ExportSummary] {
        inputs.filter { ($0.kind == .timesheet || $0.kind == .billing) && $0.rejected * 100 > $0.rows }
    }

    /// The claim lines (`claim/line`) among a finding's records: those from billing exports.
    package func claimIDs(_ finding: Finding) -> [String] {
        finding.records.filter { record in inputs.contains { $0.kind == .billing && $0.path == record.file } }.compactMap(\.recordID)
    }

    /// The description of rule `id`, if the engine had it.
    package func rule(_ id: String) -> RuleDescription? { rulesByID[id] }

    /// The exit status the findings call for: 1 when any is at or above `failOn`.
    public func hasFindings(atOrAbove failOn: Severity) -> Bool {
        findings.contains { $0.severity >= failOn }
    }
}
