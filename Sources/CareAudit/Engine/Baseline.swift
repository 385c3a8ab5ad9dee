internal import Crypto

/// Findings already known and accepted, so month-over-month work shows only what is new.
///
/// A fingerprint is keyed on content, not on line numbers: the rule, the message (built from
/// staff, dates, times, claims and codes) and the records' export ids. A re-export with shifted
/// lines still matches; a changed claim does not. The file is one sorted line per finding, so it
/// diffs cleanly in version control.
package struct Baseline: Sendable, Equatable {
    /// Fingerprint → how many findings carry it.
    package let counts: [String: Int]
    /// The fingerprint the file was written with (see `fingerprint(_:version:)`).
    package let version: Int

    package static let header = "# care-audit baseline v2: one finding per line (fingerprint rule); edit by deleting lines"

    package init(findings: [Finding]) {
        counts = findings.reduce(into: [:]) { $0[Self.fingerprint($1), default: 0] += 1 }
        version = 2
    }

    package init(contents: String, file: String) throws {
        var counts: [String: Int] = [:]
        var version = 1
        for (index, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if index == 0 && text.hasPrefix("# care-audit baseline v2") { version = 2 }
            if text.isEmpty || text.hasPrefix("#") { continue }
            let print = String(text.split(separator: " ")[0])
            guard print.count == 32, print.allSatisfy(\.isHexDigit) else {
                throw ConfigurationError(file: file, line: index + 1, key: "", message: "not a baseline line: \"\(text.prefix(60))\"")
            }
            counts[print, default: 0] += 1
        }
        self.counts = counts
        self.version = version
    }

    /// The file: a header and one sorted line per finding.
    package static func contents(for findings: [Finding]) -> String {
        let lines = findings.map { "\(fingerprint($0)) \($0.rule)" }.sorted()
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    /// Version 2 (written since the second hardening round) leaves participant ids and quoted
    /// free text out of the message it hashes: the baseline file travels with redacted reports,
    /// and an unkeyed hash of a message holding an id gave the id back by brute force. Version 1
    /// (the message as it is) is still read, so older baseline files keep working.
    package static func fingerprint(_ finding: Finding, version: Int = 2) -> String {
        var message = finding.message
        if version >= 2 {
            for id in Set(finding.participantIDs).sorted(by: { ($0.count, $0) > ($1.count, $1) }) where !id.isEmpty {
                message = message.replacingOccurrences(of: id, with: "<participant>")
            }
            message = Redactor.withholding(finding.withheld, in: message)
        }
        var hasher = SHA256()
        hasher.update(data: Array(finding.rule.utf8))
        hasher.update(data: [0])
        hasher.update(data: Array(message.utf8))
        for id in finding.records.map({ $0.recordID ?? "" }).sorted() {
            hasher.update(data: [0])
            hasher.update(data: Array(id.utf8))
        }
        return hasher.finalize().prefix(16).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
