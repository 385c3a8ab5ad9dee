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
            let json = JSONWriter.document { w in
                w.array(rows) { w, row in
                    let (d, effective, enabled) = row
                    w.object { w in
                        w.field("default_severity", d.severity.rawValue)
                        w.field("enabled", enabled)
                        w.field("id", d.id)
                        w.field("name", d.name)
                        w.field("severity", effective.rawValue)
                        w.field("summary", d.summary)
                    }
                }
            }
            try writeReport(json, to: nil)
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

    func validate() throws {
        if RuleRegistry.rule(id: id) == nil {
            throw ValidationError("no rule \(id); rules: \(RuleRegistry.ids.joined(separator: ", "))")
        }
    }

    func run() throws {
        let d = RuleRegistry.rule(id: id)!.description
        if format == .json {
            let json = JSONWriter.document { w in
                w.object { w in
                    w.key("examples")
                    w.array(d.examples) { w, example in
                        w.object { w in
                            w.field("configuration", example.configuration)
                            w.field("records", example.expects)
                            w.key("rows")
                            w.array(example.rows) { w, row in
                                let fields = Dictionary(
                                    uniqueKeysWithValues: [("kind", row.kind.rawValue)]
                                        + row.fields.filter { !$0.value.isEmpty }.map { ($0.name, $0.value) })
                                w.dictionary(fields) { $0.string($1) }
                            }
                            w.field("title", example.title)
                            w.field("triggers", example.findings)
                        }
                    }
                    w.field("id", d.id)
                    w.field("money", Invoice.effect(ofRule: d.id))
                    w.field("name", d.name)
                    w.key("options")
                    w.array(d.options) { w, option in
                        w.object { w in
                            w.field("default_value", option.defaultValue)
                            w.field("help", option.help)
                            w.field("name", option.name)
                        }
                    }
                    w.field("rationale", d.rationale)
                    w.field("requires", d.requires.map(\.rawValue))
                    w.field("severity", d.severity.rawValue)
                    w.field("summary", d.summary)
                }
            }
            try writeReport(json, to: nil)
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
