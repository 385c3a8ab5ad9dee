import Foundation
internal import Yams

/// A configuration that cannot be used: names the file, the line and the key.
package struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var key: String
    package var message: String

    package var description: String {
        "\(file):\(line): error: \(key.isEmpty ? "" : "\(key): ")\(message)"
    }
}

/// Reads `care-audit.yml`. Every key is checked: an unknown key or a value of the wrong kind is
/// an error naming the key and its line, never silently ignored.
public enum ConfigurationLoader {
    package static let currentVersion = 1

    public static func load(path: String) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, line: 0, key: "", message: "cannot read the configuration file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ yaml: String, file: String) throws -> Configuration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigurationError(file: file, line: line(of: error), key: "", message: "not valid YAML: \(error)")
        }
        var configuration = Configuration()
        guard let root else { return configuration }
        let reader = NodeReader(file: file)
        let top = try reader.mapping(root, key: "")
        try reader.allow(
            top, keys: ["version", "period", "time_zone", "input", "columns", "care", "classification", "billing", "rules"], in: "")
        guard let version = top["version"] else {
            throw ConfigurationError(file: file, line: 1, key: "version", message: "missing; write `version: 1` at the top")
        }
        guard try reader.int(version, key: "version") == currentVersion else {
            throw reader.error(version, "version", "this care-audit reads configuration version \(currentVersion)")
        }
        if let node = top["period"] { configuration.period = try reader.period(node) }
        if let node = top["time_zone"] {
            let text = try reader.string(node, key: "time_zone")
            guard let zone = LocalTime(identifier: text) else {
                throw reader.error(node, "time_zone", "\"\(text)\" is not a time zone such as America/Los_Angeles")
            }
            configuration.localTime = zone
        }
        if let node = top["input"] { try reader.input(node, into: &configuration.input) }
        if let node = top["columns"] { configuration.columns = try reader.columns(node) }
        if let node = top["care"] { try reader.care(node, into: &configuration.care) }
        if let node = top["classification"] { try reader.classification(node, into: &configuration.classification) }
        if let node = top["billing"] { try reader.billing(node, into: &configuration.billing) }
        if let node = top["rules"] { configuration.rules = try reader.rules(node) }
        return configuration
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 0
        }
    }
}

/// Typed reads of YAML nodes that remember where each node is.
struct NodeReader {
    let file: String
    static let largestHourlyRate = Money(cents: 1_000_000)

    func error(_ node: Node, _ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line ?? 0, key: key, message: message)
    }

    /// A mapping as ordered (key text, key node, value) triples, plus lookup by key.
    /// Lookups scan the entries: only small mappings (sections, a rule's options) are read by
    /// key; big ones (a code map) are walked in order, so loading stays linear.
    struct Mapping {
        var entries: [(key: String, keyNode: Node, value: Node)]
        subscript(key: String) -> Node? { entries.first { $0.key == key }?.value }
    }

    func mapping(_ node: Node, key: String) throws -> Mapping {
        guard let mapping = node.mapping else { throw error(node, key, "expected a mapping of keys to values") }
        var entries: [(String, Node, Node)] = []
        var seen = Set<String>()
        for (k, v) in mapping {
            guard let text = k.string else { throw error(k, key, "keys must be plain text") }
            if !seen.insert(text).inserted { throw error(k, join(key, text), "appears twice") }
            entries.append((text, k, v))
        }
        return Mapping(entries: entries)
    }

    func allow(_ mapping: Mapping, keys: [String], in parent: String) throws {
        for entry in mapping.entries where !keys.contains(entry.key) {
            var message = "unknown key"
            if let guess = keys.min(by: { distance($0, entry.key) < distance($1, entry.key) }),
                distance(guess, entry.key) <= 3
            {
                message += "; did you mean \"\(guess)\"?"
            } else {
                message += "; allowed here: \(keys.joined(separator: ", "))"
            }
            throw error(entry.keyNode, join(parent, entry.key), message)
        }
    }

    private func distance(_ a: String, _ b: String) -> Int {
        HeaderMapping.editDistance(Array(a.utf8), Array(b.utf8))
    }

    func join(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

    func string(_ node: Node, key: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, key, "expected a single value") }
        return scalar.string
    }

    func int(_ node: Node, key: String) throws -> Int {
        guard let value = Int(try string(node, key: key)) else { throw error(node, key, "expected a whole number") }
        return value
    }

    func bool(_ node: Node, key: String) throws -> Bool {
        switch try string(node, key: key).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, key, "expected true or false")
        }
    }

    func strings(_ node: Node, key: String) throws -> [String] {
        if case .scalar = node { return [try string(node, key: key)] }
        guard let sequence = node.sequence else { throw error(node, key, "expected a list") }
        return try sequence.map { try string($0, key: key) }
    }

    func category(_ node: Node, key: String) throws -> ClaimingCategory {
        let text = try string(node, key: key)
        guard let value = ClaimingCategory(rawValue: text.uppercased()) else {
            throw error(
                node, key, "\"\(text)\" is not a claiming category (\(ClaimingCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return value
    }

    func ancillary(_ node: Node, key: String) throws -> Ancillary {
        let text = try string(node, key: key)
        guard let value = Ancillary(rawValue: text.lowercased()) else {
            throw error(node, key, "\"\(text)\" is not an ancillary kind (\(Ancillary.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return value
    }

    func period(_ node: Node) throws -> Period {
        if case .scalar = node {
            let text = try string(node, key: "period")
            guard let period = Period.parse(text) else {
                throw error(node, "period", "\"\(text)\" is not a month (2026-10), a quarter (2026-Q4) or a range (2026-10-01..2026-12-31)")
            }
            return period
        }
        let map = try mapping(node, key: "period")
        try allow(map, keys: ["from", "to"], in: "period")
        guard let fromNode = map["from"], let toNode = map["to"] else {
            throw error(node, "period", "needs both from and to")
        }
        guard let from = FieldParser.day(try string(fromNode, key: "period.from")) else {
            throw error(fromNode, "period.from", "not a date (\(FieldParser.dateFormats))")
        }
        guard let to = FieldParser.day(try string(toNode, key: "period.to")), from <= to else {
            throw error(toNode, "period.to", "not a date on or after period.from")
        }
        return Period(first: from, last: to)
    }

    func input(_ node: Node, into settings: inout Configuration.InputSettings) throws {
        let map = try mapping(node, key: "input")
        try allow(
            map, keys: ["delimiter", "encoding", "max_field_bytes", "max_record_bytes", "max_fields", "max_stream_bytes"], in: "input")
        if let n = map["delimiter"] {
            let text = try string(n, key: "input.delimiter")
            guard let byte = CSVDialect.delimiter(named: text) else {
                throw error(n, "input.delimiter", "\"\(text)\" is not one character; use ',', ';', '|' or 'tab'")
            }
            settings.delimiter = byte
        }
        if let n = map["encoding"] {
            let text = try string(n, key: "input.encoding")
            guard let encoding = TextEncoding(name: text) else {
                throw error(n, "input.encoding", "\"\(text)\" is not utf-8 or windows-1252")
            }
            settings.encoding = encoding
        }
        if let n = map["max_field_bytes"] {
            settings.maxFieldBytes = try positive(n, key: "input.max_field_bytes", max: hardFieldCeiling)
        }
        if let n = map["max_record_bytes"] {
            settings.maxRecordBytes = try positive(n, key: "input.max_record_bytes", max: 1 << 30)
        }
        if let n = map["max_fields"] {
            settings.maxFields = try positive(n, key: "input.max_fields", max: 1 << 20)
        }
        if let n = map["max_stream_bytes"] {
            settings.maxStreamBytes = try positive(n, key: "input.max_stream_bytes", max: 1 << 40)
        }
    }

    func positive(_ node: Node, key: String, max: Int) throws -> Int {
        let value = try int(node, key: key)
        guard value > 0, value <= max else { throw error(node, key, "must be between 1 and \(max)") }
        return value
    }

    func columns(_ node: Node) throws -> [InputKind: [String: String]] {
        let map = try mapping(node, key: "columns")
        try allow(map, keys: InputKind.allCases.map(\.rawValue), in: "columns")
        var result: [InputKind: [String: String]] = [:]
        for entry in map.entries {
            let kind = InputKind(rawValue: entry.key)!
            let fields = InputSchema.of(kind).fields.map(\.name)
            let headers = try mapping(entry.value, key: "columns.\(entry.key)")
            var mapped: [String: String] = [:]
            for header in headers.entries {
                let key = "columns.\(entry.key).\(header.key)"
                let field = try string(header.value, key: key)
                guard fields.contains(field) else {
                    throw error(header.value, key, "\"\(field)\" is not a \(entry.key) field (\(fields.joined(separator: ", ")))")
                }
                mapped[header.key] = field
            }
            if !mapped.isEmpty { result[kind] = mapped }
        }
        return result
    }

    func care(_ node: Node, into settings: inout Configuration.CareSettings) throws {
        let map = try mapping(node, key: "care")
        try allow(map, keys: ["hourly_rate", "default_ancillary_category"], in: "care")
        if let n = map["hourly_rate"] {
            let text = try string(n, key: "care.hourly_rate")
            guard let rate = FieldParser.money(text), rate.cents >= 0 else {
                throw error(n, "care.hourly_rate", "\"\(text)\" is not an amount such as 85.00")
            }
            // An hourly rate above this is a typo, and would overflow minutes × rate totals.
            guard rate <= Self.largestHourlyRate else {
                throw error(
                    n, "care.hourly_rate",
                    "\(rate.display) an hour is not a plausible rate; the most accepted is \(Self.largestHourlyRate.display)")
            }
            settings.hourlyRate = rate
        }
        if let n = map["default_ancillary_category"] {
            let category = try category(n, key: "care.default_ancillary_category")
            guard category.isCareClaimable else {
                throw error(n, "care.default_ancillary_category", "must be one of the five claimable CARE categories")
            }
            settings.defaultAncillaryCategory = category
        }
    }

    func classification(_ node: Node, into settings: inout ClassificationSettings) throws {
        let map = try mapping(node, key: "classification")
        try allow(
            map, keys: ["activity_codes", "descriptions", "ancillary", "leave_pay_codes", "care_procedure_codes"],
            in: "classification")
        if let n = map["activity_codes"] {
            let codes = try mapping(n, key: "classification.activity_codes")
            for entry in codes.entries {
                let key = "classification.activity_codes.\(entry.key)"
                if case .scalar = entry.value {
                    settings.activityCodes[entry.key] = .init(category: try category(entry.value, key: key))
                } else {
                    let detail = try mapping(entry.value, key: key)
                    try allow(detail, keys: ["category", "ancillary"], in: key)
                    guard let c = detail["category"] else { throw error(entry.value, key, "needs a category") }
                    settings.activityCodes[entry.key] = .init(
                        category: try category(c, key: key + ".category"),
                        ancillary: try detail["ancillary"].map { try ancillary($0, key: key + ".ancillary") })
                }
            }
        }
        if let n = map["descriptions"] {
            guard let sequence = n.sequence else { throw error(n, "classification.descriptions", "expected a list") }
            settings.descriptions = try sequence.enumerated().map { index, item in
                let key = "classification.descriptions[\(index)]"
                let detail = try mapping(item, key: key)
                try allow(detail, keys: ["keywords", "regex", "category", "ancillary"], in: key)
                guard let c = detail["category"] else { throw error(item, key, "needs a category") }
                let keywords = try detail["keywords"].map { try strings($0, key: key + ".keywords") } ?? []
                let regex = try detail["regex"].map { try string($0, key: key + ".regex") }
                if let regex, let regexNode = detail["regex"], (try? NSRegularExpression(pattern: regex)) == nil {
                    throw error(regexNode, key + ".regex", "not a valid regular expression")
                }
                guard !keywords.isEmpty || regex != nil else { throw error(item, key, "needs keywords or a regex") }
                return .init(
                    keywords: keywords, regex: regex, category: try category(c, key: key + ".category"),
                    ancillary: try detail["ancillary"].map { try ancillary($0, key: key + ".ancillary") })
            }
        }
        if let n = map["ancillary"] {
            guard let sequence = n.sequence else { throw error(n, "classification.ancillary", "expected a list") }
            settings.ancillary = try sequence.enumerated().map { index, item in
                let key = "classification.ancillary[\(index)]"
                let detail = try mapping(item, key: key)
                try allow(detail, keys: ["keywords", "ancillary"], in: key)
                guard let k = detail["keywords"], let a = detail["ancillary"] else {
                    throw error(item, key, "needs keywords and ancillary")
                }
                return .init(keywords: try strings(k, key: key + ".keywords"), ancillary: try ancillary(a, key: key + ".ancillary"))
            }
        }
        if let n = map["leave_pay_codes"] {
            settings.leavePayCodes = try strings(n, key: "classification.leave_pay_codes")
        }
        if let n = map["care_procedure_codes"] {
            settings.careProcedureCodes = try strings(n, key: "classification.care_procedure_codes")
        }
    }

    func billing(_ node: Node, into settings: inout Configuration.BillingSettings) throws {
        let map = try mapping(node, key: "billing")
        try allow(
            map,
            keys: [
                "peer_codes", "unit_rules", "daily_unit_caps", "peer_taxonomy", "group_modifiers", "group_codes",
                "group_minutes",
            ], in: "billing")
        if let n = map["peer_codes"] { settings.peerCodes = try strings(n, key: "billing.peer_codes").map { $0.uppercased() } }
        if let n = map["unit_rules"] {
            for entry in try mapping(n, key: "billing.unit_rules").entries {
                let key = "billing.unit_rules.\(entry.key)"
                let text = try string(entry.value, key: key)
                guard let rule = UnitRule(rawValue: text) else {
                    throw error(
                        entry.value, key, "\"\(text)\" is not a unit rule (\(UnitRule.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                settings.unitRules[entry.key.uppercased()] = rule
            }
        }
        if let n = map["daily_unit_caps"] {
            for entry in try mapping(n, key: "billing.daily_unit_caps").entries {
                settings.dailyUnitCaps[entry.key.uppercased()] = try positive(
                    entry.value, key: "billing.daily_unit_caps.\(entry.key)", max: 9_999)
            }
        }
        if let n = map["peer_taxonomy"] { settings.peerTaxonomy = try string(n, key: "billing.peer_taxonomy").uppercased() }
        if let n = map["group_modifiers"] {
            settings.groupModifiers = try strings(n, key: "billing.group_modifiers").map { $0.uppercased() }
        }
        if let n = map["group_codes"] { settings.groupCodes = try strings(n, key: "billing.group_codes").map { $0.uppercased() } }
        if let n = map["group_minutes"] {
            let text = try string(n, key: "billing.group_minutes")
            guard let value = Configuration.GroupMinutes(rawValue: text.lowercased()) else {
                throw error(n, "billing.group_minutes", "\"\(text)\" is not full or prorated")
            }
            settings.groupMinutes = value
        }
    }

    func rules(_ node: Node) throws -> [String: Configuration.RuleSettings] {
        let map = try mapping(node, key: "rules")
        try allow(map, keys: RuleRegistry.ids, in: "rules")
        var result: [String: Configuration.RuleSettings] = [:]
        for entry in map.entries {
            let key = "rules.\(entry.key)"
            var settings = Configuration.RuleSettings()
            for option in try mapping(entry.value, key: key).entries {
                let optionKey = "\(key).\(option.key)"
                switch option.key {
                case "enabled":
                    settings.enabled = try bool(option.value, key: optionKey)
                case "severity":
                    let text = try string(option.value, key: optionKey)
                    guard let severity = Severity(rawValue: text.lowercased()) else {
                        throw error(option.value, optionKey, "\"\(text)\" is not error, warning or info")
                    }
                    settings.severity = severity
                default:
                    let known = RuleRegistry.rule(id: entry.key)?.description.options.map(\.name) ?? []
                    guard known.contains(option.key) else {
                        let allowed = (["enabled", "severity"] + known).joined(separator: ", ")
                        throw error(option.keyNode, optionKey, "unknown key; allowed here: \(allowed)")
                    }
                    settings.options[option.key] = try string(option.value, key: optionKey)
                }
            }
            result[entry.key] = settings
        }
        return result
    }
}
