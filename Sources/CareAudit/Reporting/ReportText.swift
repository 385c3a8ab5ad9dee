/// Small text helpers the reporters share.
enum ReportText {
    /// The records of a finding as `file:line` references.
    static func locations(_ finding: Finding) -> String {
        finding.records.map(\.location).joined(separator: "; ")
    }

    /// The export ids of a finding's records.
    static func recordIDs(_ finding: Finding) -> String {
        finding.records.compactMap(\.recordID).joined(separator: "; ")
    }

    /// HTML and XML text and attribute escaping.
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Rule descriptions by id.
    static let rules: [String: RuleDescription] = Dictionary(uniqueKeysWithValues: RuleRegistry.all.map {
        ($0.description.id, $0.description)
    })
}
