import ArgumentParser
import CareAudit
import Foundation

/// `care-audit rules`: the rule catalogue with what the configuration makes of it.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, default and effective severity, enabled, name.",
        discussion: """
            Examples:
              care-audit rules
              care-audit rules --format markdown > RULES.md
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let configuration = try configOptions.load()
        let rows = RuleRegistry.all.map { rule -> (RuleDescription, Severity, Bool) in
            let settings = configuration.rules[rule.description.id]
            return (rule.description, settings?.severity ?? rule.description.severity, settings?.enabled ?? true)
        }
        switch format {
        case .text:
            var out = "ID        DEFAULT  EFFECTIVE  ENABLED  NAME\n"
            for (d, effective, enabled) in rows {
                out += d.id.padding(toLength: 10, withPad: " ", startingAt: 0)
                out += d.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                out += effective.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
                out += (enabled ? "yes" : "no").padding(toLength: 9, withPad: " ", startingAt: 0)
                out += d.name + "\n"
            }
            try writeReport(out, to: nil)
        case .markdown:
            var out = "| id | default | effective | enabled | name | what it flags |\n|---|---|---|---|---|---|\n"
            for (d, effective, enabled) in rows {
                out +=
                    "| `\(d.id)` | \(d.severity.rawValue) | \(effective.rawValue) | \(enabled ? "yes" : "no") | \(d.name) | \(d.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
            try writeReport(out, to: nil)
        case .json:
            struct Row: Encodable {
                let id, name, summary, default_severity, severity: String
                let enabled: Bool
            }
            try writeReport(
                encodeJSON(
                    rows.map { d, effective, enabled in
                        Row(
                            id: d.id, name: d.name, summary: d.summary, default_severity: d.severity.rawValue,
                            severity: effective.rawValue, enabled: enabled)
                    }), to: nil)
        }
    }
}

/// `care-audit explain ID`: one rule's rationale, options and examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it flags, why auditors care, its options and examples.",
        discussion: """
            Examples:
              care-audit explain DC001
              care-audit explain DC005 --format json
            """
    )

    @Argument(help: "A rule id, e.g. DC001 (see `care-audit rules`).")
    var id: String

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    /// The rule as JSON: its description, options and examples by field name.
    struct RuleJSON: Encodable {
        struct Option: Encodable { let name, default_value, help: String }
        struct Example: Encodable {
            let title: String
            let triggers: Int
            let records: [String]
            let rows: [[String: String]]
            let configuration: String
        }
        let id, name, severity, summary, rationale, money: String
        let requires: [String]
        let options: [Option]
        let examples: [Example]
    }

    func validate() throws {
        if RuleRegistry.rule(id: id) == nil {
            throw ValidationError("no rule \(id); rules: \(RuleRegistry.ids.joined(separator: ", "))")
        }
    }

    func run() throws {
        let d = RuleRegistry.rule(id: id)!.description
        if format == .json {
            try writeReport(
                encodeJSON(
                    RuleJSON(
                        id: d.id, name: d.name, severity: d.severity.rawValue, summary: d.summary, rationale: d.rationale,
                        money: Invoice.effect(ofRule: d.id), requires: d.requires.map(\.rawValue),
                        options: d.options.map { .init(name: $0.name, default_value: $0.defaultValue, help: $0.help) },
                        examples: d.examples.map { example in
                            .init(
                                title: example.title, triggers: example.findings, records: example.expects,
                                rows: example.rows.map { row in
                                    Dictionary(
                                        uniqueKeysWithValues: [("kind", row.kind.rawValue)]
                                            + row.fields.filter { !$0.value.isEmpty }.map { ($0.name, $0.value) })
                                },
                                configuration: example.configuration)
                        })), to: nil)
            return
        }
        var out = "\(d.id): \(d.name) [\(d.severity.rawValue)]\n\n\(d.summary)\n\nWhy it matters: \(d.rationale)\n"
        out += "\nMoney (docs/MONEY.md): \(Invoice.effect(ofRule: d.id))\n"
        if !d.requires.isEmpty {
            out += "\nNeeds: " + d.requires.map(\.rawValue).joined(separator: ", ") + " (skipped with the reason when missing)\n"
        }
        out += "\nConfiguration (care-audit.yml):\n  rules:\n    \(d.id): {enabled: true, severity: \(d.severity.rawValue)"
        for option in d.options { out += ", \(option.name): \"\(option.defaultValue)\"" }
        out += "}\n"
        for option in d.options { out += "  \(option.name) (default \"\(option.defaultValue)\"): \(option.help)\n" }
        out += "\nExamples (fields by their canonical names; `care-audit validate --help` lists the headers each accepts)\n"
        for example in d.examples {
            out += "\n  \(example.findings > 0 ? "triggers" : "does not trigger"): \(example.title)\n"
            for row in example.rows { out += "    \(row.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(row.text)\n" }
            if !example.configuration.isEmpty { out += "    config     \(example.configuration)\n" }
            if !example.expects.isEmpty { out += "    names      \(example.expects.joined(separator: ", "))\n" }
        }
        try writeReport(out, to: nil)
    }
}
