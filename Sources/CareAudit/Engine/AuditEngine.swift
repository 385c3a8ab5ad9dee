/// Runs the audit: builds the context once, runs every enabled rule (on both cores; the result
/// does not depend on which finishes first), applies configured severities, and totals the
/// month for the report.
public struct AuditEngine {
    public let configuration: Configuration
    public let rules: [any Rule]
    /// Called as each phase ends ("context", "rules"), for `--timings`.
    public var onPhase: ((String) -> Void)?
    /// Rules not to run, with the reason the report gives (`--select`, `--ignore`).
    public var excluded: [String: String] = [:]
    /// Called after the rules with the time each took (on its thread), for `--timings`.
    public var onRuleTimes: (([(rule: String, time: Duration)]) -> Void)?

    public init(configuration: Configuration, rules: [any Rule] = RuleRegistry.all) {
        self.configuration = configuration
        self.rules = rules
    }

    /// The audit period: the configured one, else the calendar month holding most records.
    public static func period(configured: Period?, loaded: InputLoader.Loaded) -> Period? {
        if let configured { return configured }
        // Records come in runs of one day: count per day run, then add the runs up by month.
        var byDay: [Day: Int] = [:]
        func count(_ days: some Sequence<Day>) {
            var current: Day?
            var run = 0
            for day in days {
                if day != current {
                    if let current { byDay[current, default: 0] += run }
                    (current, run) = (day, 0)
                }
                run += 1
            }
            if let current { byDay[current, default: 0] += run }
        }
        count(loaded.timeEntries.lazy.map(\.date))
        count(loaded.billingLines.lazy.map(\.serviceDate))
        var counts: [Period: Int] = [:]
        for (day, records) in byDay { counts[Period.month(of: day), default: 0] += records }
        return counts.max { ($0.value, $1.key.first) < ($1.value, $0.key.first) }?.key
    }

    /// The calendar months the records are dated in, with how many each holds, most first.
    public static func months(_ loaded: InputLoader.Loaded) -> [(month: Period, records: Int)] {
        var counts: [Period: Int] = [:]
        var last: (day: Day, month: Period)?
        func count(_ day: Day) {
            if last?.day != day { last = (day, Period.month(of: day)) }
            counts[last!.month, default: 0] += 1
        }
        loaded.timeEntries.forEach { count($0.date) }
        loaded.billingLines.forEach { count($0.serviceDate) }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.records, $0.month.first) < ($0.records, $1.month.first) }
    }

    /// Whether any record is dated in `period` (stops at the first: the usual answer is yes).
    public static func holdsRecords(_ loaded: InputLoader.Loaded, in period: Period) -> Bool {
        loaded.timeEntries.contains { period.contains($0.date) } || loaded.billingLines.contains { period.contains($0.serviceDate) }
    }

    /// Pairs of inputs that are the same bytes (same SHA-256): one export given twice (two globs
    /// that overlap) would double every minute and pair each record with itself.
    public static func sameFiles(_ loaded: InputLoader.Loaded) -> [(first: String, again: String)] {
        var seen: [String: String] = [:]
        var pairs: [(String, String)] = []
        for summary in loaded.summaries where !summary.sha256.isEmpty && summary.rows > 0 {
            if let first = seen[summary.sha256] { pairs.append((first, summary.path)) } else { seen[summary.sha256] = summary.path }
        }
        return pairs
    }

    public func run(_ loaded: InputLoader.Loaded, classifier: Classifier, hasRoster: Bool) -> AuditResult {
        let period = Self.period(configured: configuration.period, loaded: loaded)
            ?? Period.month(of: Day(year: 2000, month: 1, day: 1)!)
        let context = AuditContext(configuration: configuration, period: period, loaded: loaded,
                                   classifier: classifier, hasRoster: hasRoster)
        onPhase?("context")
        var skipped: [AuditResult.SkippedRule] = []
        var runnable: [(any Rule, RuleOptions, Severity)] = []
        for rule in rules {
            let description = rule.description
            let settings = configuration.rules[description.id]
            if let reason = excluded[description.id] {
                skipped.append(.init(rule: description.id, reason: reason))
                continue
            }
            if settings?.enabled == false {
                skipped.append(.init(rule: description.id, reason: "disabled in the configuration"))
                continue
            }
            if let missing = description.requires.first(where: { !context.has($0) }) {
                skipped.append(.init(rule: description.id, reason: missing.missingReason))
                continue
            }
            runnable.append((rule, RuleOptions(description: description, configured: settings?.options ?? [:]),
                             settings?.severity ?? description.severity))
        }
        let clock = ContinuousClock()
        // The month's minute totals are one more job beside the rules (nil: the totals).
        let jobs: [(any Rule, RuleOptions, Severity)?] = [nil] + runnable.map { $0 }
        var outcomes = ParallelMap.map(jobs) { job -> (findings: [Finding], time: Duration, totals: AuditResult.Totals?) in
            guard let (rule, options, severity) = job else { return ([], .zero, AuditResult.Totals(context)) }
            let start = clock.now
            let findings = rule.check(context, options).map { finding in
                var finding = finding.printable
                finding.rule = rule.description.id
                // A rule may say a finding is less serious than its kind (a likely renewal).
                finding.severity = min(finding.severity, severity)
                return finding
            }
            return (findings, clock.now - start, nil)
        }
        let totals = outcomes.removeFirst().totals!
        onRuleTimes?(zip(runnable, outcomes).map { ($0.0.description.id, $1.time) })
        let findings = outcomes.flatMap(\.findings).sorted(by: Finding.reportOrder)
        onPhase?("rules")
        return AuditResult(context: context, totals: totals, findings: findings, skipped: skipped,
                           ranRules: runnable.map { $0.0.description.id }, rules: rules.map(\.description),
                           periodInferred: configuration.period == nil)
    }
}

extension AuditContext {
    /// Whether the audit has what `requirement` names.
    func has(_ requirement: RuleRequirement) -> Bool {
        switch requirement {
        case .roster: hasRoster
        case .timesheets: summaries.contains { $0.kind == .timesheet }
        case .timesheetTimes: entries.contains { $0.interval != nil }
        case .billingTimes: lines.contains { $0.interval != nil }
        case .taxonomyColumn: lines.contains { $0.hasTaxonomy }
        case .timesheetParticipantColumn: summaries.contains { $0.kind == .timesheet && $0.fields.contains(Field.participantId.name) }
        case .billingParticipantColumn: summaries.contains { $0.kind == .billing && $0.fields.contains(Field.participantId.name) }
        case .unitCaps: !configuration.billing.dailyUnitCaps.isEmpty
        }
    }
}
