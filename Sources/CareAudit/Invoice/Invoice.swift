/// The CARE invoice worksheet net of the findings, and the two other money totals (docs/MONEY.md):
/// for each month of the period and each claimable category, the gross minutes, the minutes
/// removed by reason and the net; the ledger that traces every removed minute to a finding and
/// a record; the billing exposure; and the minutes pending review.
///
/// A record counts at most once in each total, whatever number of findings name it: a timesheet
/// entry loses each of its minutes once (rules in `adjustingRules` order claim them), a claim
/// line is exposed for the largest amount any finding puts on it.
package struct Invoice: Sendable {
    /// Rules whose findings take CARE minutes off the invoice, in the order they claim an entry's
    /// minutes: reasons that disqualify the whole entry come first, so a minute removed as
    /// implementation is not removed again as an overlap.
    package static let adjustingRules = ["CARE002", "TS003", "TS001", "DC001", "CARE001"]
    /// Rules whose findings may take CARE minutes off after review; not deducted.
    package static let pendingRules = ["DC002", "DC004"]
    /// Rules whose findings put billed dollars at risk.
    package static let exposureRules = [
        "DC003", "DC005", "DUP001", "DUP003", "PEER001", "PEER002", "REF001", "TS003", "TS004", "UNIT001", "UNIT003",
    ]

    /// What a rule's findings do to the money, in words (`care-audit explain`, docs/MONEY.md).
    package static func effect(ofRule id: String) -> String {
        switch id {
        case "CARE002": "invoice adjustment: the entry's minutes come off the CARE invoice (the first claim on an entry's minutes)"
        case "TS003":
            "invoice adjustment: CARE minutes inside the leave (all of them on a day of leave); billing exposure: a line rendered during leave, its whole amount"
        case "TS001":
            "invoice adjustment: a CARE entry's minutes that are also inside an earlier entry, or inside an entry that is not CARE time"
        case "DC001": "invoice adjustment: the overlap minutes, taken from the CARE entries (the billed service stands)"
        case "CARE001": "invoice adjustment: the travel minutes"
        case "DC002", "DC004":
            "pending review: the CARE minutes in question, less what adjustments already took off the same records; listed, not deducted"
        case "DC003", "PEER001", "PEER002", "REF001": "billing exposure: the line's whole billed amount"
        case "DC005": "billing exposure: each later line's billed share of the minutes it shares with earlier ones"
        case "DUP001": "billing exposure: every copy after the first"
        case "DUP003": "billing exposure: every line but the largest payment"
        case "TS004":
            "billing exposure: the share of the line's amount for its minutes on no timesheet entry (an auditor disallows billed time no timesheet shows)"
        case "UNIT001": "billing exposure: the excess units' share of the amount (too few units: none)"
        case "UNIT003": "billing exposure: the units past the cap, shared over the day's lines by their units"
        default: "none: the finding does not change the money totals"
        }
    }

    /// Minutes of one cell (a month and category, or a total): gross, removed by rule, net.
    package struct Minutes: Sendable, Equatable {
        package var gross = 0
        package var removed: [String: Int] = [:]
        package var removedTotal: Int { removed.values.reduce(0, +) }
        package var net: Int { gross - removedTotal }

        static func + (a: Minutes, b: Minutes) -> Minutes {
            Minutes(gross: a.gross + b.gross, removed: a.removed.merging(b.removed, uniquingKeysWith: +))
        }
    }

    /// One month (cut to the period) or the whole period.
    package struct Month: Sendable {
        package let period: Period
        /// The five claimable categories, all present.
        package var byCategory: [ClaimingCategory: Minutes]
        package var total: Minutes {
            ClaimingCategory.claimable.reduce(Minutes()) { $0 + (byCategory[$1] ?? Minutes()) }
        }
    }

    /// One staff member's minutes in one claimable category.
    package struct StaffLine: Sendable {
        package let staffID: String
        package let name: String?
        package let category: ClaimingCategory
        package var minutes: Minutes
    }

    /// One row of the ledger (or of pending review): which finding took how many minutes of which
    /// entry, and why.
    package struct Adjustment: Sendable {
        package let rule: String
        package let severity: Severity
        package let record: SourceRef
        package let staffID: String?
        package let day: Day
        package let category: ClaimingCategory
        package let minutes: Int
        package let amount: Money
        /// The finding's own claim, when the record had less left to give ("30 of 60 min: the
        /// rest already removed by CARE002"), or the other rules that name it.
        package let note: String?
    }

    /// One claim line at risk, once, with every rule that names it.
    package struct Exposure: Sendable {
        /// The rule behind the amount (the largest claim on the line).
        package let rule: String
        package let rules: [String]
        /// The most serious finding naming the line.
        package let severity: Severity
        package let record: SourceRef
        package let day: Day
        package let amount: Money
    }

    /// What suppression (the baseline) hid from the findings list. Suppressed findings still
    /// count in every total: a report must not look cleaner than the exports are.
    package struct Suppressed: Sendable {
        package var findings = 0
        package var invoiceMinutes = 0
        package var exposure = Money.zero
        package var pendingMinutes = 0
    }

    package let period: Period
    package let hourlyRate: Money
    package private(set) var months: [Month]
    package private(set) var staff: [StaffLine] = []
    package private(set) var ledger: [Adjustment] = []
    package private(set) var pending: [Adjustment] = []
    package private(set) var exposure: [Exposure] = []
    package internal(set) var suppressed = Suppressed()

    /// The whole period, month by month added up.
    package var whole: Month {
        Month(
            period: period,
            byCategory: Dictionary(
                uniqueKeysWithValues: ClaimingCategory.claimable.map { category in
                    (category, months.reduce(Minutes()) { $0 + ($1.byCategory[category] ?? Minutes()) })
                }))
    }

    /// One row of the worksheet: a month (or the period) and a category (nil: the total).
    package struct Row: Sendable {
        package let period: Period
        /// The period's rows after the months' (only when it spans more than one month, or asked).
        package let isPeriod: Bool
        package let category: ClaimingCategory?
        package let minutes: Minutes
    }

    /// The worksheet in the order every report prints it: each month's five categories and its
    /// total, then the period's when it has several months (or `period` always).
    package func rows(periodAlways: Bool = false) -> [Row] {
        let whole = periodAlways || months.count > 1 ? [(self.whole, true)] : []
        return (months.map { ($0, false) } + whole).flatMap { month, isPeriod in
            ClaimingCategory.claimable.map { Row(period: month.period, isPeriod: isPeriod, category: $0, minutes: month.byCategory[$0]!) }
                + [Row(period: month.period, isPeriod: isPeriod, category: nil, minutes: month.total)]
        }
    }

    /// `minutes` at the hourly rate, rounded half up to the cent (each figure from its own minutes).
    package func amount(_ minutes: Int) -> Money { Money.forMinutes(minutes, atHourlyRate: hourlyRate) }

    /// The rules with a removed minute somewhere, in `adjustingRules` order (the worksheet's
    /// reason columns; other rules after them, by id).
    package var reasons: [String] {
        let used = Set(ledger.filter { $0.minutes > 0 }.map(\.rule))
        return Self.adjustingRules.filter(used.contains) + used.subtracting(Self.adjustingRules).sorted()
    }

    /// Minutes removed, by the severity of the finding that removed them.
    package var removedBySeverity: [Severity: Int] {
        ledger.reduce(into: [:]) { $0[$1.severity, default: 0] += $1.minutes }
    }

    package var exposureTotal: Money { exposure.reduce(.zero) { $0 + $1.amount } }

    package var exposureBySeverity: [Severity: Money] {
        exposure.reduce(into: [:]) { $0[$1.severity, default: .zero] += $1.amount }
    }

    package var pendingMinutes: Int { pending.reduce(0) { $0 + $1.minutes } }

    /// Builds the worksheet from the period's gross minutes (`totals`) and the findings' money
    /// effects; `name` gives a staff member's name.
    init(period: Period, totals: AuditResult.Totals, findings: [Finding], name: (String) -> String?) {
        self.period = period
        hourlyRate = totals.hourlyRate
        months = zip(period.months, totals.minutesByMonth).map { month, minutes in
            Month(
                period: month,
                byCategory: Dictionary(
                    uniqueKeysWithValues: ClaimingCategory.claimable.map {
                        ($0, Minutes(gross: minutes[$0] ?? 0))
                    }))
        }
        var staffLines: [String: [ClaimingCategory: Minutes]] = [:]
        for (id, byCategory) in totals.minutesByStaff {
            for category in ClaimingCategory.claimable {
                if let gross = byCategory[category] { staffLines[id, default: [:]][category] = Minutes(gross: gross) }
            }
        }

        // The parts of the adjustments and the exposure, by record, in finding order; only records
        // in the period count (the gross is the period's).
        // Findings are named by index: a `Finding` copied into every table costs more than the rest.
        var parts: [MoneyEffect.Total: [SourceRef: [(finding: Int, part: MoneyEffect.Part)]]] = [:]
        for (index, finding) in findings.enumerated() {
            guard let money = finding.money, money.total != .pendingReview else { continue }
            for part in money.parts where period.contains(part.day) {
                parts[money.total, default: [:]][part.record, default: []].append((index, part))
            }
        }

        var removedFrom: [SourceRef: Int] = [:]
        for (record, claims) in (parts[.invoiceAdjustment] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let ordered = claims.enumerated().sorted {
                (Self.adjustingRules.firstIndex(of: findings[$0.element.finding].rule) ?? Int.max, $0.offset)
                    < (Self.adjustingRules.firstIndex(of: findings[$1.element.finding].rule) ?? Int.max, $1.offset)
            }.map(\.element)
            var left = ordered[0].part.recordMinutes
            var takers: [String] = []
            for (index, part) in ordered {
                let finding = findings[index]
                guard let category = part.category,
                    let month = months.firstIndex(where: { $0.period.contains(part.day) })
                else { continue }
                let taken = min(part.minutes, max(left, 0))
                left -= taken
                let note =
                    taken < part.minutes
                    ? "\(part.minutes) min claimed; \(taken == 0 ? "all" : "the rest") already removed by \(takers.joined(separator: ", "))"
                    : nil
                if taken > 0 && !takers.contains(finding.rule) { takers.append(finding.rule) }
                ledger.append(
                    Adjustment(
                        rule: finding.rule, severity: finding.severity, record: record, staffID: part.staffID,
                        day: part.day, category: category, minutes: taken, amount: amount(taken), note: note))
                months[month].byCategory[category]!.removed[finding.rule, default: 0] += taken
                if let staffID = part.staffID { staffLines[staffID]?[category]?.removed[finding.rule, default: 0] += taken }
                removedFrom[record, default: 0] += taken
            }
        }

        // A finding pending review questions minutes the adjustments, or a pending finding before
        // it (`pendingRules` order: the entry-level DC002 before the day-level DC004), may already
        // have taken from its records; only the rest is pending, spread over its parts in order,
        // each within what its entry has left.
        // Claims are listed flat and then sorted by record: a month without times has one pending
        // finding per staff day, and a dictionary of arrays would allocate one array per entry.
        var pendingClaims: [(record: SourceRef, finding: Int, part: MoneyEffect.Part, minutes: Int)] = []
        var pendingOn: [SourceRef: Int] = [:]
        let pendingFindings = findings.indices.filter { findings[$0].money?.total == .pendingReview }
            .map { (Self.pendingRules.firstIndex(of: findings[$0].rule) ?? Int.max, $0) }.sorted(by: <).map(\.1)
        pendingOn.reserveCapacity(pendingFindings.count)
        for index in pendingFindings {
            let finding = findings[index]
            let questioned = finding.records.reduce(0) { $0 + (removedFrom[$1] ?? 0) + (pendingOn[$1] ?? 0) }
            var left = finding.money!.minutes - questioned
            for part in finding.money!.parts where period.contains(part.day) {
                let minutes = min(
                    part.minutes, part.recordMinutes - (removedFrom[part.record] ?? 0) - (pendingOn[part.record] ?? 0), max(left, 0))
                left -= minutes
                guard minutes > 0 else { continue }
                pendingClaims.append((part.record, index, part, minutes))
                pendingOn[part.record, default: 0] += minutes
            }
        }
        let byRecord = pendingClaims.indices.sorted { (pendingClaims[$0].record, $0) < (pendingClaims[$1].record, $1) }
        var start = 0
        while start < byRecord.count {
            // One row per entry: its minutes pending, by the first finding to question them.
            let first = pendingClaims[byRecord[start]]
            var end = start + 1
            while end < byRecord.count && pendingClaims[byRecord[end]].record == first.record { end += 1 }
            let entryClaims = byRecord[start..<end].lazy.map { pendingClaims[$0] }
            start = end
            guard let category = first.part.category else { continue }
            let minutes = entryClaims.reduce(0) { $0 + $1.minutes }
            let rule = findings[first.finding].rule
            // Most entries are questioned by one finding: no set of rules to build.
            let others = entryClaims.count == 1 ? [] : Set(entryClaims.map { findings[$0.finding].rule }).subtracting([rule]).sorted()
            pending.append(
                Adjustment(
                    rule: rule, severity: entryClaims.map { findings[$0.finding].severity }.max()!, record: first.record,
                    staffID: first.part.staffID, day: first.part.day, category: category, minutes: minutes,
                    amount: amount(minutes), note: others.isEmpty ? nil : "also questioned by \(others.joined(separator: ", "))"))
        }

        for (record, claims) in (parts[.billingExposure] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let rule = { (claim: (finding: Int, part: MoneyEffect.Part)) in findings[claim.finding].rule }
            let largest = claims.max { ($0.part.amount, rule($1)) < ($1.part.amount, rule($0)) }!
            exposure.append(
                Exposure(
                    rule: rule(largest), rules: Set(claims.map(rule)).sorted(),
                    severity: claims.map { findings[$0.finding].severity }.max()!, record: record,
                    day: largest.part.day, amount: largest.part.amount))
        }

        staff = staffLines.keys.sorted().flatMap { id in
            ClaimingCategory.claimable.compactMap { category in
                staffLines[id]![category].map { StaffLine(staffID: id, name: name(id), category: category, minutes: $0) }
            }
        }
    }
}

extension ClaimingCategory {
    /// The five categories the CARE invoice may claim, in catalogue order.
    package static let claimable = allCases.filter(\.isCareClaimable)
}
