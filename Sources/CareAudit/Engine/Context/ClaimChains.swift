extension AuditContext {
    /// Which lines count as billed, after following every adjustment chain (DOMAIN.md §3): a
    /// VOID line or frequency-8 void does not count; a replacement (7) or void (8) cancels the
    /// claim it names in `original_claim_id`, whether that is an original or an earlier
    /// replacement, in any file order and to any depth, so only the last version of a chain
    /// counts. An adjustment without `original_claim_id` names its own claim number and cancels
    /// that claim's originals. Lines are matched by line number when both sides have one.
    /// An adjustment whose claim is not in the export (billed in an earlier month) cancels
    /// nothing and gets an info note: a replacement then counts as billed. O(n).
    static func net(_ lines: [BillingLine], name: (TextID) -> String) -> (counted: [Bool], notes: [(line: Int, message: String)]) {
        var counted = lines.map { !$0.isVoid }
        var notes: [(line: Int, message: String)] = []
        func target(_ line: BillingLine) -> (claim: TextID, explicit: Bool) {
            let explicit = !line.originalClaimID.isEmpty && line.originalClaimID != line.claimID
            return (explicit ? line.originalClaimID : line.claimID, explicit)
        }
        // Only claims that an adjustment names need an index.
        var targets = Set<TextID>()
        for line in lines where line.frequency != .original { targets.insert(target(line).claim) }
        guard !targets.isEmpty else { return (counted, notes) }
        var byClaim: [TextID: [Int]] = [:]
        for (index, line) in lines.enumerated() where targets.contains(line.claimID) { byClaim[line.claimID, default: []].append(index) }
        for (index, line) in lines.enumerated() where line.frequency != .original {
            let (claim, explicit) = target(line)
            var found = false
            for changed in byClaim[claim] ?? [] where changed != index && (explicit || lines[changed].frequency == .original) {
                let other = lines[changed]
                if !line.lineNumber.isEmpty && !other.lineNumber.isEmpty && line.lineNumber != other.lineNumber { continue }
                counted[changed] = false
                found = true
            }
            if explicit && !found {
                notes.append(
                    (
                        index,
                        line.frequency == .replacement
                            ? "claim \(name(line.claimID)) replaces claim \(name(claim)), which is not in the export (billed in an earlier period?): it counts as billed"
                            : "claim \(name(line.claimID)) voids claim \(name(claim)), which is not in the export (billed in an earlier period?): it cancels nothing here"
                    ))
            }
        }
        return (counted, notes)
    }
}
