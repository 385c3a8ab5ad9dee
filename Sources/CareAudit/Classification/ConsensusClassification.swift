/// Without a code map, an activity code means what most of its rows' descriptions say: a row
/// whose own description is misspelt, in Spanish or blank ("Reporte para la corte", "Crt rpt")
/// is not UNCLASSIFIED when forty rows of the same code say "Court report preparation". Rows on
/// leave keep their category (a pay code decides those). `REF002` names the rows whose own
/// description says something else. O(n) over the entries, one dictionary per code.
package enum ConsensusClassification {
    /// What a code's rows say.
    package struct Verdict: Sendable, Equatable {
        package let category: ClaimingCategory
        package let ancillary: Ancillary?
        /// Rows whose description says `category`, out of the code's rows (leave left out).
        package let agreeing: Int
        package let rows: Int
    }

    /// The verdict for each code (uppercased text) where more than half of its rows' descriptions
    /// agree on a category, and the entries moved onto it.
    static func apply(_ entries: inout [TimeEntry], texts: TextTable) -> [String: Verdict] {
        struct Tally {
            var rows = 0
            var votes: [ClaimingCategory: Int] = [:]
            var ancillary: [ClaimingCategory: Ancillary?] = [:]
        }
        var tallies: [TextID: Tally] = [:]
        for entry in entries where !entry.activityCode.isEmpty && entry.category != .leave {
            tallies[entry.activityCode, default: Tally()].rows += 1
            if entry.category != .unclassified {
                tallies[entry.activityCode]!.votes[entry.category, default: 0] += 1
                if tallies[entry.activityCode]!.ancillary[entry.category] == nil {
                    tallies[entry.activityCode]!.ancillary[entry.category] = .some(entry.ancillary)
                }
            }
        }
        var byID: [TextID: Verdict] = [:]
        for (code, tally) in tallies {
            guard let (category, votes) = tally.votes.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }),
                votes * 2 > tally.rows, votes < tally.rows  // else every row already says so
            else { continue }
            byID[code] = Verdict(category: category, ancillary: tally.ancillary[category] ?? nil, agreeing: votes, rows: tally.rows)
        }
        guard !byID.isEmpty else { return [:] }
        for index in entries.indices where entries[index].category != .leave {
            guard let verdict = byID[entries[index].activityCode], entries[index].category != verdict.category else { continue }
            entries[index].category = verdict.category
            entries[index].ancillary = verdict.ancillary
        }
        var byText: [String: Verdict] = [:]
        for (code, verdict) in byID { byText[texts[code].uppercased(), default: verdict] = verdict }
        return byText
    }
}
