/// The audit's outcome: findings in report order, the rules that could not run and why, and the
/// month's totals (the invoice pre-check).
public struct AuditResult: Sendable {
    public let period: Period
    /// True when no period was given and the audit chose the month holding most records.
    public let periodInferred: Bool
    public let inputs: [ExportSummary]
    public private(set) var findings: [Finding]
    public let skipped: [SkippedRule]
    public let ranRules: [String]
    public private(set) var totals: Totals
    /// Findings left out because the baseline already knew them.
    public private(set) var suppressedByBaseline = 0

    public struct SkippedRule: Sendable, Equatable {
        public let rule: String
        public let reason: String
    }


    /// Minutes by category (all accepted entries dated in the period), per staff member, and
    /// the money at stake.
    public struct Totals: Sendable {
        public var minutesByCategory: [ClaimingCategory: Int] = [:]
        /// Staff id → minutes by category.
        public var minutesByStaff: [String: [ClaimingCategory: Int]] = [:]
        /// Minutes claimed twice: DC001's overlaps, each entry's minutes counted once.
        public var doubleClaimedMinutes = 0
        /// Billed amounts and CARE minutes at the hourly rate that findings put at risk.
        public var amountAtRisk = Money.zero
        public var findingsByRule: [String: Int] = [:]
        public var findingsBySeverity: [Severity: Int] = [:]
        public var hourlyRate = Money.zero

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
            for entry in context.entries where context.period.contains(entry.date) {
                if entry.staffID != current.staff || current.number < 0 {
                    if staffNumber[entry.staffID] == nil {
                        staffNumber[entry.staffID] = staffIDs.count
                        staffIDs.append(entry.staffID)
                        minutes += repeatElement(-1, count: categories.count)
                    }
                    current = (entry.staffID, staffNumber[entry.staffID]!)
                }
                let slot = current.number * categories.count + categories.firstIndex(of: entry.category)!
                minutes[slot] = max(minutes[slot], 0) + entry.minutes
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

        /// CARE-claimable minutes per claimable category: what the quarterly invoice may claim.
        public var invoicePrecheck: [(category: ClaimingCategory, minutes: Int, amount: Money)] {
            ClaimingCategory.allCases.filter(\.isCareClaimable).map { category in
                let minutes = minutesByCategory[category] ?? 0
                return (category, minutes, Money.forMinutes(minutes, atHourlyRate: hourlyRate))
            }
        }
    }

    init(context: AuditContext, totals: Totals, findings: [Finding], skipped: [SkippedRule], ranRules: [String], periodInferred: Bool) {
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
        tally()
    }

    /// Recomputes the totals that come from the findings.
    private mutating func tally() {
        totals.findingsByRule = [:]
        totals.findingsBySeverity = [:]
        totals.amountAtRisk = .zero
        for finding in findings {
            totals.findingsByRule[finding.rule, default: 0] += 1
            totals.findingsBySeverity[finding.severity, default: 0] += 1
            if let amount = finding.amount { totals.amountAtRisk += amount }
        }
        totals.doubleClaimedMinutes = Self.doubleClaimed(findings.filter { $0.rule == "DC001" })
    }

    /// The same result with the findings a baseline already holds left out (and counted).
    public func excluding(_ baseline: Baseline) -> AuditResult {
        var copy = self
        var remaining = baseline.counts
        copy.findings = findings.filter { finding in
            let print = Baseline.fingerprint(finding, version: baseline.version)
            guard let left = remaining[print], left > 0 else { return true }
            remaining[print] = left - 1
            return false
        }
        copy.suppressedByBaseline = findings.count - copy.findings.count
        copy.tally()
        return copy
    }

    /// The same result with every participant id replaced by `redactor`'s keyed hash.
    public func redacted(by redactor: Redactor) -> AuditResult {
        var copy = self
        copy.findings = findings.map(redactor.redact)
        return copy
    }

    /// DC001's minutes. Each DC001 finding is one timesheet entry with the union of its overlaps
    /// with every billed line, so no minute of an entry is counted twice.
    static func doubleClaimed(_ findings: [Finding]) -> Int {
        findings.reduce(0) { $0 + ($1.minutes ?? 0) }
    }

    /// The exit status the findings call for: 1 when any is at or above `failOn`.
    public func hasFindings(atOrAbove failOn: Severity) -> Bool {
        findings.contains { $0.severity >= failOn }
    }
}
