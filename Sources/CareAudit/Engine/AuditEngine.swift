/// Runs the audit: builds the context once, runs every enabled rule (on both cores; the result
/// does not depend on which finishes first), applies configured severities, and totals the
/// month for the report.
public struct AuditEngine {
    package let configuration: Configuration
    package let rules: [any Rule]
    /// Called as each phase ends ("context", "rules"), for `--timings`.
    package var onPhase: ((String) -> Void)?
    /// Rules not to run, with the reason the report gives (`--select`, `--ignore`).
    package var excluded: [String: String] = [:]
    /// Called after the rules with the time each took (on its thread), for `--timings`.
    package var onRuleTimes: (([(rule: String, time: Duration)]) -> Void)?

    /// An engine that runs every rule of the catalogue.
    public init(configuration: Configuration) {
        self.init(configuration: configuration, rules: RuleRegistry.all)
    }

    /// An engine that runs `rules` (tests and rule examples run one).
    package init(configuration: Configuration, rules: [any Rule]) {
        self.configuration = configuration
        self.rules = rules
    }

    public func run(_ input: AuditInput, classifier: Classifier, hasRoster: Bool) -> AuditResult {
        let period =
            input.period(configured: configuration.period)
            ?? Period.month(of: Day(year: 2000, month: 1, day: 1)!)
        let context = AuditContext(
            configuration: configuration, period: period, input: input,
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
            runnable.append(
                (
                    rule, RuleOptions(description: description, configured: settings?.options ?? [:]),
                    settings?.severity ?? description.severity
                ))
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
        return AuditResult(
            context: context, totals: totals, findings: findings, skipped: skipped,
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
        case .timesheetParticipantColumn: summaries.contains { $0.kind == .timesheet && $0.fields.contains(.participantId) }
        case .billingParticipantColumn: summaries.contains { $0.kind == .billing && $0.fields.contains(.participantId) }
        case .unitCaps: !configuration.billing.dailyUnitCaps.isEmpty
        }
    }
}
