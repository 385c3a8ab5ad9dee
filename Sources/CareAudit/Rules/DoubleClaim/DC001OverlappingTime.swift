/// DC001: CARE time that overlaps a billed service of the same staff member: the same minutes
/// claimed on the CARE invoice and billed to a payer.
struct DC001OverlappingTime: Rule {
    let description = RuleDescription(
        id: "DC001", name: "CARE time overlaps a billed service",
        summary: "A CARE-claimable timesheet entry overlaps a billed service (any payer, not VOID) by the same staff member on the same date; the overlap is claimed twice.",
        rationale: "The same minutes may be claimed on the CARE administrative invoice or billed to Medi-Cal or commercial insurance, never both. Federal auditors recovered $79.5M from Oklahoma for charging the same staff costs as administration and again as direct Medicaid services (HHS OIG A-06-03-00046, 2005).",
        severity: .error,
        requires: [.timesheetTimes, .billingTimes],
        examples: [
            RuleExample("court report overlaps a billed peer session",
                        timesheet: ["T1,E1,2026-10-14,10:00,11:00,,,CARE court report,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,10:30,11:15,,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        findings: 1),
            RuleExample("adjacent intervals do not overlap",
                        timesheet: ["T1,E1,2026-10-14,10:00,11:00,,,CARE court report,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,11:00,11:45,,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        findings: 0),
            RuleExample("a VOID line does not count as billed",
                        timesheet: ["T1,E1,2026-10-14,10:00,11:00,,,CARE court report,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,10:30,11:15,,H0038,3,E1,,120.00,VOID,1,,MEDI-CAL,11"],
                        findings: 0),
            RuleExample("another staff member's service is not double claiming",
                        timesheet: ["T1,E1,2026-10-14,10:00,11:00,,,CARE court report,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,10:30,11:15,,H0038,3,E2,,120.00,PAID,1,,MEDI-CAL,11"],
                        findings: 0),
            RuleExample("a direct-service entry overlapping its own billing is not CARE time",
                        timesheet: ["T1,E1,2026-10-14,10:30,11:15,,,Peer support session,C1,0,REG,CARE"],
                        billing: ["884213,1,C1,2026-10-14,10:30,11:15,,H0038,3,E1,,120.00,PAID,1,,MEDI-CAL,11"],
                        findings: 0),
        ])

    func check(_ context: AuditContext, _ options: RuleOptions) -> [Finding] {
        var findings: [Finding] = []
        var care = TimedRecords(), billed = TimedRecords()  // timed CARE entries and timed lines of a day
        for key in context.staffDays {
            let lineIndexes = context.lineIndexes(key)
            guard !lineIndexes.isEmpty else { continue }
            care.collect(context.entryIndexes(key).lazy.filter { context.entries[$0].category.isCareClaimable }) {
                context.entries[$0].interval
            }
            guard !care.isEmpty else { continue }
            billed.collect(lineIndexes) { context.lines[$0].interval }
            let pairs = IntervalSweep.overlaps(care.intervals, billed.intervals)
            guard !pairs.isEmpty else { continue }
            var byEntry: [Int: [(line: Int, minutes: Int)]] = [:]
            for (i, j, minutes) in pairs { byEntry[care.indexes[i], default: []].append((billed.indexes[j], minutes)) }
            for entryIndex in byEntry.keys.sorted() {
                let entry = context.entries[entryIndex]
                let hits = byEntry[entryIndex]!
                let overlap = IntervalSweep.unionLength(hits.map { hit in
                    let line = context.lines[hit.line].interval!
                    return max(line.lowerBound, entry.start!)..<min(line.upperBound, entry.end!)
                })
                let services = hits.map { hit in
                    let line = context.lines[hit.line]
                    return "billed \(context.describe(line)) to \(context.payerLabel(line)) on claim \(context[line.claimID])"
                }.joined(separator: " and ")
                let amount = hits.reduce(context.careAmount(minutes: overlap)) { $0 + context.billedShare(context.lines[$1.line], minutes: $1.minutes) }
                findings.append(Finding(
                    rule: description.id,
                    message: "\(context.staffLabel(key.staff)) claimed \(context.describeTime(entry)) on \(key.day) as \(entry.category.label) and \(services): \(overlap) minutes claimed twice",
                    records: [context.source(entry)] + hits.map { context.source(context.lines[$0.line]) },
                    minutes: overlap, amount: amount, staffID: context[key.staff], date: key.day,
                    participantIDs: context.texts(entry.participantID)))
            }
        }
        return findings
    }
}
