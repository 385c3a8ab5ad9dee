import Foundation

/// A rule is data plus one check: its description (id, severity, rationale, options, examples)
/// and a function from the audit context to findings.
package protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding]
}

/// What a rule needs that an audit may lack; a rule whose need is not met is reported as
/// skipped with the reason, never silently passed.
package enum RuleRequirement: String, Sendable, CaseIterable {
    case roster
    case timesheets
    case timesheetTimes
    case billingTimes
    case taxonomyColumn
    case timesheetParticipantColumn
    case billingParticipantColumn
    case unitCaps

    /// Why the rule was skipped when this is missing.
    package var missingReason: String {
        switch self {
        case .roster: "no roster given (--roster): staff and NPIs cannot be checked"
        case .timesheets: "no timesheet export given (--timesheets): billed time has no time worked to be compared with"
        case .timesheetTimes: "no timesheet entry has start and end times"
        case .billingTimes: "no billing line has start and end times"
        case .taxonomyColumn: "the billing export has no rendering taxonomy column"
        case .timesheetParticipantColumn:
            "the timesheet export has no participant id column (participant_id: Client ID, CIN, …): entries cannot be matched to participants"
        case .billingParticipantColumn: "the billing export has no participant id column (participant_id: CIN, Client ID, Member ID, …)"
        case .unitCaps: "no daily unit caps configured (billing.daily_unit_caps)"
        }
    }
}

/// A setting of one rule, with its default (the configuration key is `rules.<ID>.<name>`).
package struct RuleOption: Sendable {
    package let name: String
    package let defaultValue: String
    package let help: String

    package init(_ name: String, default defaultValue: String, help: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
    }
}

/// A tiny month that must (or must not) make the rule fire. Rows are CSV without the header;
/// the standard headers below are added.
package struct RuleExample: Sendable {
    package let title: String
    /// The records, written by field name (`ExampleRow.entry`, `.line`, `.member`).
    package let rows: [ExampleRow]
    /// How many findings of this rule the example must produce (0: must not trigger).
    package let findings: Int
    /// The export ids of the records the findings name, together (entries by id, lines as
    /// `claim/line`, roster rows by staff id; a row without an id as `timesheet.csv:2`): what
    /// the example is about, not only a count.
    package let expects: [String]
    /// Extra configuration YAML (without `version`).
    package let configuration: String
    /// Whether a roster is given (any roster row): rules that need one are skipped without it.
    package let hasRoster: Bool

    package init(_ title: String, _ rows: [ExampleRow], findings: Int, expects: [String] = [], configuration: String = "") {
        self.title = title
        self.rows = rows
        self.findings = findings
        self.expects = expects
        self.configuration = configuration
        hasRoster = rows.contains { $0.kind == .roster }
    }

    /// The rows of one export kind as CSV: a header of every field the rows use (in the order
    /// they first appear), then one line per row.
    package func csv(_ kind: InputKind) -> String {
        let rows = self.rows.filter { $0.kind == kind }
        var names: [String] = []
        // An export with no rows still has its header (as a county's empty export would).
        let template: ExampleRow =
            switch kind {
            case .timesheet: .entry("", date: "", activity: "")
            case .billing: .line("", date: "", code: "", units: "")
            case .roster: .member("")
            }
        for row in rows.isEmpty ? [template] : rows { for (name, _) in row.fields where !names.contains(name) { names.append(name) } }
        let writer = CSVWriter(spreadsheetSafe: false, lineEnding: "\n")
        return writer.record(names)
            + rows.map { row in
                writer.record(names.map { name in row.fields.first { $0.name == name }?.value ?? "" })
            }.joined()
    }
}

/// One record of a rule example by field name (DOMAIN.md §5's canonical names), with the
/// values most examples share as defaults: staff E1, pay code REG, program CARE; a line PAID,
/// frequency 1, Medi-Cal, place of service 11.
package struct ExampleRow: Sendable {
    package let kind: InputKind
    let cells: [(field: Field, value: String)]

    /// The cells by canonical field name.
    package var fields: [(name: String, value: String)] { cells.map { ($0.field.name, $0.value) } }

    /// "program=CARE, pay_code=REG": how `explain` shows the row.
    package var text: String { fields.filter { !$0.value.isEmpty }.map { "\($0.name)=\($0.value)" }.joined(separator: ", ") }

    /// A timesheet entry.
    package static func entry(
        _ id: String, staff: String = "E1", date: String, start: String = "", end: String = "",
        minutes: String = "", code: String = "", activity: String, participant: String = "",
        travel: String = "0", payCode: String = "REG", program: String = "CARE"
    ) -> ExampleRow {
        ExampleRow(
            kind: .timesheet,
            cells: [
                (.recordId, id), (.staffId, staff), (.workDate, date), (.startTime, start), (.endTime, end),
                (.minutes, minutes), (.activityCode, code), (.activityDescription, activity), (.participantId, participant),
                (.travelMinutes, travel), (.payCode, payCode), (.program, program),
            ])
    }

    /// A claim line; `id` is "claim/line". A taxonomy column is written only when given (rules
    /// that need one are skipped without it).
    package static func line(
        _ id: String, participant: String = "", date: String, start: String = "", end: String = "",
        minutes: String = "", code: String, modifier: String = "", units: String, staff: String = "E1",
        npi: String = "", amount: String = "", status: String = "PAID", frequency: String = "1",
        original: String = "", payer: String = "MEDI-CAL", place: String = "11",
        taxonomy: String? = nil
    ) -> ExampleRow {
        let parts = id.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        return ExampleRow(
            kind: .billing,
            cells: [
                (.claimId, parts[0]), (.lineNumber, parts.count > 1 ? parts[1] : ""), (.participantId, participant),
                (.serviceDate, date), (.startTime, start), (.endTime, end), (.serviceMinutes, minutes),
                (.procedureCode, code), (.modifier1, modifier), (.units, units), (.renderingStaffId, staff),
                (.renderingNpi, npi), (.billedAmount, amount), (.claimStatus, status), (.frequencyCode, frequency),
                (.originalClaimId, original), (.payerType, payer), (.placeOfService, place),
            ] + (taxonomy.map { [(.renderingTaxonomy, $0)] } ?? []))
    }

    /// A roster row.
    package static func member(
        _ staff: String, npi: String = "", name: String = "", role: String = "", cert: String = "",
        issued: String = "", expires: String = "", status: String = "", initial: String = ""
    ) -> ExampleRow {
        ExampleRow(
            kind: .roster,
            cells: [
                (.staffId, staff), (.npi, npi), (.staffName, name), (.role, role), (.peerCertNumber, cert),
                (.peerCertIssued, issued), (.peerCertExpires, expires), (.peerCertStatus, status),
                (.peerCertInitial, initial),
            ])
    }
}

/// Everything known about a rule that is not its check: the catalogue entry users read with
/// `care-audit rules` and `care-audit explain`.
package struct RuleDescription: Sendable {
    /// The DOMAIN.md §4 id; also the configuration key.
    package let id: String
    package let name: String
    package let summary: String
    /// Why an auditor cares, with the source fact.
    package let rationale: String
    package let severity: Severity
    package let options: [RuleOption]
    package let requires: [RuleRequirement]
    package let examples: [RuleExample]

    package init(
        id: String, name: String, summary: String, rationale: String, severity: Severity,
        options: [RuleOption] = [], requires: [RuleRequirement] = [], examples: [RuleExample]
    ) {
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
package struct RuleOptions: Sendable {
    let values: [String: String]

    package init(description: RuleDescription, configured: [String: String]) {
        var values: [String: String] = [:]
        for option in description.options { values[option.name] = option.defaultValue }
        values.merge(configured) { $1 }
        self.values = values
    }

    package func int(_ name: String) -> Int { Int(values[name] ?? "") ?? 0 }

    package func list(_ name: String) -> [String] {
        (values[name] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
