/// What a reviewer decided about a finding, as audit work papers keep it: the disposition, a
/// note and who decided. Findings are matched by their content fingerprint (the baseline's:
/// rule, message and the records' export ids, so it survives lines shifting in a re-export).
package struct ReviewDecision: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        /// The finding is right; it stays a finding until the export is fixed.
        case confirmed
        /// The source was corrected; it stays a finding until the next export shows it gone.
        case corrected
        /// The finding is wrong: listed apart, it no longer counts for the exit code or the money.
        case falsePositive = "false_positive"
        /// Known and accepted as it is: listed apart, no longer counts for the exit code.
        case accepted

        /// Whether the finding is set aside (listed apart, not driving the exit code).
        package var setsAside: Bool { self == .falsePositive || self == .accepted }
    }

    package let fingerprint: String
    package let kind: Kind
    package let note: String
    package let reviewer: String
    /// Where the decision was read (`review.csv:12`), for messages.
    package let source: SourceRef
    /// For a stale decision: the finding's rule and message as the review file had them.
    package let rule: String
    package let message: String
}

/// A review file: the Findings CSV (or sheet saved as CSV) with `decision`, `note` and
/// `reviewer` filled in; any CSV with at least `fingerprint` and `decision` columns.
package struct ReviewDecisions: Sendable {
    package let decisions: [String: ReviewDecision]

    package init(_ decisions: [ReviewDecision]) {
        self.decisions = Dictionary(decisions.map { ($0.fingerprint, $0) }, uniquingKeysWith: { _, later in later })
    }

    /// Reads `path`; a row with an unknown decision is an error naming file, line and column.
    package static func load(path: String, configuration: Configuration = Configuration()) throws -> ReviewDecisions {
        var decisions: [ReviewDecision] = []
        var failure: ConfigurationError?
        try PinnedInput.reading(path, kind: nil, configuration: configuration) { reader in
            var columns: [String: Int] = [:]
            let summary = try reader.read(
                onHeader: { mapping in
                    for (index, header) in mapping.headers.enumerated() {
                        columns[HeaderMapping.normalize(header)] = columns[HeaderMapping.normalize(header)] ?? index
                    }
                    guard columns["fingerprint"] != nil, columns["decision"] != nil else {
                        throw ConfigurationError(
                            file: path, line: 1, key: "",
                            message:
                                "a review file needs fingerprint and decision columns (the Findings CSV has them); headers found: \(mapping.headers.prefix(20).joined(separator: ", "))"
                        )
                    }
                },
                onRow: { record in
                    func field(_ name: String) -> String {
                        guard let index = columns[name], index < record.count else { return "" }
                        return record.string(index).trimmingCharacters(in: .whitespaces)
                    }
                    let text = field("decision")
                    guard !text.isEmpty else { return [] }  // not decided yet
                    guard let kind = ReviewDecision.Kind(rawValue: text.lowercased().replacingOccurrences(of: " ", with: "_")) else {
                        if failure == nil {
                            failure = ConfigurationError(
                                file: path, line: record.line, key: "decision",
                                message:
                                    "\"\(text)\" is not a decision: use \(ReviewDecision.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                            )
                        }
                        return []
                    }
                    decisions.append(
                        ReviewDecision(
                            fingerprint: field("fingerprint").lowercased(), kind: kind, note: field("note"),
                            reviewer: field("reviewer"), source: SourceRef(file: path, line: record.line),
                            rule: field("rule"), message: field("message")))
                    return []
                })
            if let fatal = summary.fatal { throw fatal }
        }
        if let failure { throw failure }
        return ReviewDecisions(decisions)
    }
}

extension AuditResult {
    /// The same result with `review`'s decisions attached: findings decided `false_positive` or
    /// `accepted` move to `setAside` (listed apart, no longer driving the exit code; a false
    /// positive no longer counts in the money), and decisions whose finding no longer occurs
    /// are `staleDecisions` (what was fixed).
    package func reviewed(by review: ReviewDecisions) -> AuditResult {
        var copy = self
        var used: Set<String> = []
        var kept: [Finding] = []
        var aside: [Finding] = []
        var decided: [String: ReviewDecision] = [:]
        for finding in findings {
            let print = Baseline.fingerprint(finding)
            guard let decision = review.decisions[print] else {
                kept.append(finding)
                continue
            }
            used.insert(print)
            decided[print] = decision
            if decision.kind.setsAside { aside.append(finding) } else { kept.append(finding) }
        }
        copy.decisions = decided
        copy.setAside = aside
        copy.staleDecisions = review.decisions.values.filter { !used.contains($0.fingerprint) }.sorted { $0.source < $1.source }
        copy.replaceFindings(kept) { review.decisions[Baseline.fingerprint($0)]?.kind != .falsePositive }
        return copy
    }

    /// The decision recorded for `finding`, if any.
    package func decision(for finding: Finding) -> ReviewDecision? {
        decisions.isEmpty ? nil : decisions[Baseline.fingerprint(finding)]
    }
}
