import Foundation

/// A rule is data plus one check: its description (id, severity, rationale, options, examples)
/// and a function from the audit context to findings.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding]
}

/// What a rule needs that an audit may lack; a rule whose need is not met is reported as
/// skipped with the reason, never silently passed.
public enum RuleRequirement: String, Sendable, CaseIterable {
    case roster
    case timesheets
    case timesheetTimes
    case billingTimes
    case taxonomyColumn
    case unitCaps

    /// Why the rule was skipped when this is missing.
    public var missingReason: String {
        switch self {
        case .roster: "no roster given (--roster): staff and NPIs cannot be checked"
        case .timesheets: "no timesheet export given (--timesheets): billed time has no time worked to be compared with"
        case .timesheetTimes: "no timesheet entry has start and end times"
        case .billingTimes: "no billing line has start and end times"
        case .taxonomyColumn: "the billing export has no rendering taxonomy column"
        case .unitCaps: "no daily unit caps configured (billing.daily_unit_caps)"
        }
    }
}

/// A setting of one rule, with its default (the configuration key is `rules.<ID>.<name>`).
public struct RuleOption: Sendable {
    public let name: String
    public let defaultValue: String
    public let help: String

    public init(_ name: String, default defaultValue: String, help: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
    }
}

/// A tiny month that must (or must not) make the rule fire. Rows are CSV without the header;
/// the standard headers below are added.
public struct RuleExample: Sendable {
    public let title: String
    public let timesheet: [String]
    public let billing: [String]
    public let roster: [String]?
    /// How many findings of this rule the example must produce (0: must not trigger).
    public let findings: Int
    /// Extra configuration YAML (without `version`).
    public let configuration: String
    /// The billing header, when the example needs other columns than the standard ones.
    public let billingHeader: String

    public static let timesheetHeader = "Entry ID,Staff ID,Date,Start,End,Minutes,Activity Code,Activity,Client ID,Travel Min,Pay Code,Program"
    public static let billingHeader = "Claim ID,Line,CIN,DOS,Start,End,Minutes,HCPCS,Units,Rendering Staff ID,Rendering NPI,Charge,Status,Frequency,Original Claim,Payer Type,POS"
    public static let rosterHeader = "Staff ID,NPI,Name,Role,Cert Number,Cert Issued,Cert Expires,Cert Status"

    public init(_ title: String, timesheet: [String] = [], billing: [String] = [], roster: [String]? = nil,
                findings: Int, configuration: String = "", billingHeader: String = RuleExample.billingHeader) {
        self.title = title
        self.timesheet = timesheet
        self.billing = billing
        self.roster = roster
        self.findings = findings
        self.configuration = configuration
        self.billingHeader = billingHeader
    }
}

/// Everything known about a rule that is not its check: the catalogue entry users read with
/// `care-audit rules` and `care-audit explain`.
public struct RuleDescription: Sendable {
    /// The DOMAIN.md §4 id; also the configuration key.
    public let id: String
    public let name: String
    public let summary: String
    /// Why an auditor cares, with the source fact.
    public let rationale: String
    public let severity: Severity
    public let options: [RuleOption]
    public let requires: [RuleRequirement]
    public let examples: [RuleExample]

    public init(id: String, name: String, summary: String, rationale: String, severity: Severity,
                options: [RuleOption] = [], requires: [RuleRequirement] = [], examples: [RuleExample]) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.options = options
        self.requires = requires
        self.examples = examples
    }
}

/// A rule's option values: configured ones over the defaults.
public struct RuleOptions: Sendable {
    let values: [String: String]

    public init(description: RuleDescription, configured: [String: String]) {
        var values: [String: String] = [:]
        for option in description.options { values[option.name] = option.defaultValue }
        values.merge(configured) { $1 }
        self.values = values
    }

    public func int(_ name: String) -> Int { Int(values[name] ?? "") ?? 0 }

    public func list(_ name: String) -> [String] {
        (values[name] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
