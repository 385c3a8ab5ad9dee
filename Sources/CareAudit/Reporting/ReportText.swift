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
            // XML 1.0 allows no other C0 control, not even as a character reference.
            case _ where character.unicodeScalars.contains(where: { $0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value) }):
                out += "\u{FFFD}"
            default: out.append(character)
            }
        }
        return out
    }

    /// A Markdown table cell that shows its text as text: Markdown's active characters escaped
    /// (no emphasis, links, images or code spans), HTML written as entities (no raw tags), no
    /// autolinked URLs, and line breaks (which would end the table row) as spaces.
    static func markdownCell(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "!", "|", "~", "#": out += "\\" + String(character)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        // GitHub links bare URLs and www. names: a backslash in them stops it.
        return out.replacingOccurrences(of: "://", with: ":\\/\\/").replacingOccurrences(of: "www.", with: "www\\.")
    }

    /// "care-audit.yml", or that the built-in defaults were used (and how to write a file).
    static func configuration(_ result: AuditResult) -> String {
        result.configurationSource ?? "built-in defaults (no care-audit.yml; `care-audit init` writes one from your exports)"
    }
}
