/// What was read, handed from loading to the engine: the typed records of every export, the one
/// table of the texts they refer to, and each file's summary (counts, problems, hash). The loader
/// makes it; the commands check it for root causes (below) and the engine audits it. Nothing in
/// it refers back to a reader, so it outlives the files.
public struct AuditInput: Sendable {
    package var timeEntries: [TimeEntry] = []
    package var billingLines: [BillingLine] = []
    package var staff: [StaffMember] = []
    /// One per file given, in the order given.
    public var summaries: [ExportSummary] = []
    package var texts = TextTable(TextInterner())

    package init() {}

    /// The problems that stop every command, of every file (`ExportSummary.blockingProblems`).
    public var blockingProblems: [InputProblem] { summaries.flatMap(\.blockingProblems) }

    /// The audit period: the configured one, else the calendar month holding most records.
    public func period(configured: Period?) -> Period? {
        if let configured { return configured }
        // Records come in runs of one day: count per day run, then add the runs up by month.
        var byDay: [Day: Int] = [:]
        func count(_ days: some Sequence<Day>) {
            var current: Day?
            var run = 0
            for day in days {
                if day != current {
                    if let current { byDay[current, default: 0] += run }
                    (current, run) = (day, 0)
                }
                run += 1
            }
            if let current { byDay[current, default: 0] += run }
        }
        count(timeEntries.lazy.map(\.date))
        count(billingLines.lazy.map(\.serviceDate))
        var counts: [Period: Int] = [:]
        for (day, records) in byDay { counts[Period.month(of: day), default: 0] += records }
        return counts.max { ($0.value, $1.key.first) < ($1.value, $0.key.first) }?.key
    }

    /// The calendar months the records are dated in, with how many each holds, most first.
    package var months: [(month: Period, records: Int)] {
        var counts: [Period: Int] = [:]
        var last: (day: Day, month: Period)?
        func count(_ day: Day) {
            if last?.day != day { last = (day, Period.month(of: day)) }
            counts[last!.month, default: 0] += 1
        }
        for entry in timeEntries { count(entry.date) }
        for line in billingLines { count(line.serviceDate) }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.records, $0.month.first) < ($0.records, $1.month.first) }
    }

    /// Whether any record is dated in `period` (stops at the first: the usual answer is yes).
    package func holdsRecords(in period: Period) -> Bool {
        timeEntries.contains { period.contains($0.date) } || billingLines.contains { period.contains($0.serviceDate) }
    }

    /// Pairs of inputs that are the same bytes (same SHA-256): one export given twice (two globs
    /// that overlap) would double every minute and pair each record with itself.
    package var sameFiles: [(first: String, again: String)] {
        var seen: [String: String] = [:]
        var pairs: [(String, String)] = []
        for summary in summaries where !summary.sha256.isEmpty && summary.rows > 0 {
            if let first = seen[summary.sha256] { pairs.append((first, summary.path)) } else { seen[summary.sha256] = summary.path }
        }
        return pairs
    }
}
