/// Group sessions (DOMAIN.md §3): one staff member serving several participants at once, billed
/// as one line per participant with the same staff, date, start, end and code. A line is a
/// group line when it carries a group modifier (`billing.group_modifiers`), a group code
/// (`billing.group_codes`) or a group id, or when other participants are billed by the same
/// staff member with identical times and code. The staff member's time is the session's, once.
///
/// Found within each staff day, whose lines come sorted by start: only lines sharing a start
/// are compared, a run of them sorted by (end, code, group id). O(n) for ordinary days, O(k log k)
/// for k lines sharing one start; nothing is allocated for a day without a shared start.
struct GroupSessions: Sendable {
    /// Per line: its session's number, or -1 for an individual service.
    private let sessionOf: [Int32]
    /// Per session: its lines (indexes into the context's `lines`), in file order.
    let sessions: [[Int]]

    /// `days` are the staff days' counted lines, each sorted by start; `isMarked` says whether a
    /// line carries a group modifier, code or id.
    init(lines: [BillingLine], days: [RecordIndexes], isMarked: (BillingLine) -> Bool) {
        var sessionOf = [Int32](repeating: -1, count: lines.count)
        var sessions: [[Int]] = []
        func consider(_ members: [Int]) {
            let first = lines[members[0]].participantID
            guard members.contains(where: { lines[$0].participantID != first }) || members.contains(where: { isMarked(lines[$0]) })
            else { return }
            sessions.append(members.sorted())
        }
        for day in days {
            var i = day.startIndex
            while i < day.endIndex {
                guard let start = lines[day[i]].start else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < day.endIndex && lines[day[j]].start == start { j += 1 }
                if j - i == 1 {
                    if lines[day[i]].end != nil && isMarked(lines[day[i]]) { sessions.append([day[i]]) }
                } else {
                    // Lines sharing a start: one session per (end, code, group id).
                    func key(_ index: Int) -> (Int, UInt32, UInt32, Int) {
                        let line = lines[index]
                        return (line.end ?? -1, line.procedureCode.raw, line.groupID.raw, index)
                    }
                    let run = (i..<j).map { day[$0] }.sorted { key($0) < key($1) }
                    var from = 0
                    for to in 1...run.count
                    where to == run.count || key(run[to]).0 != key(run[from]).0
                        || key(run[to]).1 != key(run[from]).1 || key(run[to]).2 != key(run[from]).2
                    {
                        if lines[run[from]].end != nil { consider(Array(run[from..<to])) }
                        from = to
                    }
                }
                i = j
            }
        }
        // Sessions in file order of their first line, so everything built on them is stable.
        sessions.sort { $0[0] < $1[0] }
        for (number, members) in sessions.enumerated() {
            for index in members { sessionOf[index] = Int32(number) }
        }
        self.sessionOf = sessionOf
        self.sessions = sessions
    }

    /// The session of line `index`, if it is a group line.
    func session(of index: Int) -> Int? {
        sessionOf[index] < 0 ? nil : Int(sessionOf[index])
    }

    /// The distinct participants of session `number`.
    func participants(_ number: Int, in lines: [BillingLine]) -> Int {
        Set(sessions[number].map { lines[$0].participantID }).count
    }
}
