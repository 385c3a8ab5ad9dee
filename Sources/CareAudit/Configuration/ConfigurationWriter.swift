/// Writes a configuration as commented YAML that `ConfigurationLoader` reads back to the same
/// value. Keys come in a fixed order and maps are sorted, so the output is stable.
package enum ConfigurationWriter {
    /// Comments `init` adds to what it proposes (REVIEW marks what a person should check).
    package struct Notes {
        /// Comment lines under `columns.<kind>`.
        package var columns: [InputKind: [String]] = [:]
        /// A comment after one column mapping (header → comment).
        package var columnLines: [InputKind: [String: String]] = [:]
        /// A comment after an activity code's mapping.
        package var activityCodes: [String: String] = [:]
        /// Comment lines opening the `classification` and `billing` sections.
        package var classification: [String] = []
        package var billing: [String] = []

        package init() {}
    }

    package static func yaml(_ configuration: Configuration, notes: Notes = Notes()) -> String {
        let columnComments = notes.columns
        let activityCodeComments = notes.activityCodes
        var out = "# care-audit configuration. Every key is optional but version; `care-audit config` prints\n"
        out += "# the effective values (defaults merged with this file).\n"
        out += "version: \(configuration.version)\n"
        if let period = configuration.period {
            out += "period: \(quote(period.description))\n"
        } else {
            out += "# period: \"2026-10\"          # or 2026-Q4, or 2026-10-01..2026-12-31; default: the month holding most records\n"
        }
        out += "# The county's time zone: durations on the nights clocks change (fall back: 01:00-03:00 is 3 h).\n"
        out += "time_zone: \(quote(configuration.localTime.identifier))\n"

        out += "\ninput:\n"
        if configuration.input.delimiter != nil {
            out += "  delimiter: \(quote(configuration.input.dialect.delimiterName))\n"
        } else {
            out += "  # delimiter: \",\"   # default: detected per file (, ; tab |)\n"
        }
        if let encoding = configuration.input.encoding {
            out += "  encoding: \(quote(encoding.rawValue))\n"
        } else {
            out += "  # encoding: utf-8   # default: detected per file (UTF-8, else Windows-1252)\n"
        }
        out += "  max_field_bytes: \(configuration.input.maxFieldBytes)\n"
        out += "  max_record_bytes: \(configuration.input.maxRecordBytes)\n"
        out += "  max_fields: \(configuration.input.maxFields)\n"
        out += "  max_stream_bytes: \(configuration.input.maxStreamBytes)\n"

        out += "\n# Export header → field. Built-in names and aliases (see README) are recognised without an entry.\n"
        out += "columns:\n"
        for kind in InputKind.allCases {
            let mapped = configuration.columns[kind] ?? [:]
            let comments = columnComments[kind] ?? []
            if mapped.isEmpty && comments.isEmpty {
                out += "  \(kind.rawValue): {}\n"
                continue
            }
            out += "  \(kind.rawValue):\n"
            for header in mapped.keys.sorted() {
                out += "    \(quote(header)): \(mapped[header]!)"
                out += notes.columnLines[kind]?[header].map { "  # \($0)\n" } ?? "\n"
            }
            for comment in comments { out += "    # \(comment)\n" }
            if mapped.isEmpty { out += "    {}\n" }
        }

        out += "\ncare:\n"
        out += "  # DHCS publishes no rate: with 0.00 reports show minutes only.\n"
        out += "  hourly_rate: \(quote(configuration.care.hourlyRate.description))\n"
        out += "  default_ancillary_category: \(configuration.care.defaultAncillaryCategory.rawValue)\n"

        let c = configuration.classification
        out += "\n# Tried in order: activity_codes, then descriptions (first match wins; ancillary marks meetings,\n"
        out += "# supervision and preparation that serve a CARE activity), then leave_pay_codes.\n"
        out += "classification:\n"
        for note in notes.classification { out += "  # \(note)\n" }
        if c.activityCodes.isEmpty {
            out += "  activity_codes: {}\n"
        } else {
            out += "  activity_codes:\n"
            for code in c.activityCodes.keys.sorted() {
                let mapping = c.activityCodes[code]!
                var line = "    \(quote(code)): "
                if let ancillary = mapping.ancillary {
                    line += "{category: \(mapping.category.rawValue), ancillary: \(ancillary.rawValue)}"
                } else {
                    line += mapping.category.rawValue
                }
                if let comment = activityCodeComments[code] { line += "  # \(comment)" }
                out += line + "\n"
            }
        }
        out += "  descriptions:\n"
        for pattern in c.descriptions {
            var line = "    - {"
            if !pattern.keywords.isEmpty { line += "keywords: \(list(pattern.keywords)), " }
            if let regex = pattern.regex { line += "regex: \(quote(regex)), " }
            line += "category: \(pattern.category.rawValue)"
            if let ancillary = pattern.ancillary { line += ", ancillary: \(ancillary.rawValue)" }
            out += line + "}\n"
        }
        out += "  ancillary:\n"
        for pattern in c.ancillary {
            out += "    - {keywords: \(list(pattern.keywords)), ancillary: \(pattern.ancillary.rawValue)}\n"
        }
        out += "  leave_pay_codes: \(list(c.leavePayCodes))\n"
        out += "  care_procedure_codes: \(list(c.careProcedureCodes))\n"

        let b = configuration.billing
        out += "\nbilling:\n"
        for note in notes.billing { out += "  # \(note)\n" }
        out += "  peer_codes: \(list(b.peerCodes))\n"
        out += "  unit_rules: {\(b.unitRules.keys.sorted().map { "\(quote($0)): \(b.unitRules[$0]!.rawValue)" }.joined(separator: ", "))}\n"
        out +=
            "  daily_unit_caps: {\(b.dailyUnitCaps.keys.sorted().map { "\(quote($0)): \(b.dailyUnitCaps[$0]!)" }.joined(separator: ", "))}\n"
        out += "  peer_taxonomy: \(quote(b.peerTaxonomy))\n"
        out += "  # Group sessions: a modifier or code that marks them, and whether each participant's line\n"
        out += "  # carries the session's minutes (full) or its share (prorated).\n"
        out += "  group_modifiers: \(list(b.groupModifiers))\n"
        out += "  group_codes: \(list(b.groupCodes))\n"
        out += "  group_minutes: \(b.groupMinutes.rawValue)\n"

        out += "\n# Per rule id: enabled, severity (error, warning, info) and options.\n"
        if configuration.rules.isEmpty {
            out += "rules: {}\n"
        } else {
            out += "rules:\n"
            for id in configuration.rules.keys.sorted() {
                let rule = configuration.rules[id]!
                var parts: [String] = []
                if let enabled = rule.enabled { parts.append("enabled: \(enabled)") }
                if let severity = rule.severity { parts.append("severity: \(severity.rawValue)") }
                for key in rule.options.keys.sorted() { parts.append("\(key): \(quote(rule.options[key]!))") }
                out += "  \(id): {\(parts.joined(separator: ", "))}\n"
            }
        }
        return out
    }

    /// A double-quoted YAML string.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quote).joined(separator: ", ") + "]"
    }
}
