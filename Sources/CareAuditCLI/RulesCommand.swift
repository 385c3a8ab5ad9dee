import ArgumentParser
import Foundation
import CareAudit

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
                out += "| `\(d.id)` | \(d.severity.rawValue) | \(effective.rawValue) | \(enabled ? "yes" : "no") | \(d.name) | \(d.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
            try writeReport(out, to: nil)
        case .json:
            struct Row: Encodable {
                let id, name, summary, default_severity, severity: String
                let enabled: Bool
            }
            try writeReport(encodeJSON(rows.map { d, effective, enabled in
                Row(id: d.id, name: d.name, summary: d.summary, default_severity: d.severity.rawValue,
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
        Example:
          care-audit explain DC001
        """
    )

    @Argument(help: "A rule id, e.g. DC001 (see `care-audit rules`).")
    var id: String

    func validate() throws {
        if RuleRegistry.rule(id: id) == nil {
            throw ValidationError("no rule \(id); rules: \(RuleRegistry.ids.joined(separator: ", "))")
        }
    }

    func run() throws {
        let d = RuleRegistry.rule(id: id)!.description
        var out = "\(d.id): \(d.name) [\(d.severity.rawValue)]\n\n\(d.summary)\n\nWhy it matters: \(d.rationale)\n"
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

