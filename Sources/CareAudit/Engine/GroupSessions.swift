/// Group sessions (DOMAIN.md §3): one staff member serving several participants at once, billed
/// as one line per participant with the same staff, date, start, end and code. A line is a
/// group line when it carries a group modifier (`billing.group_modifiers`), a group code
/// (`billing.group_codes`) or a group id, or when other participants are billed by the same
/// staff member with identical times and code. The staff member's time is the session's, once.
///
/// Built once per audit from the counted lines with times: one hash of (staff, date, start,
/// end, code, group id) per line, O(n).
struct GroupSessions: Sendable {
    /// Per line: its session's number, or -1 for an individual service.
    private let sessionOf: [Int32]
    /// Per session: its lines (indexes into the context's `lines`), in file order.
    let sessions: [[Int]]

    init(lines: [BillingLine], staff: [TextID], counted: [Bool], groupCode: (TextID) -> Bool, groupModifier: (TextID) -> Bool) {
        struct Key: Hashable {
            let staff: TextID, day: Int32, start: Int, end: Int, code: TextID, group: TextID
        }
        var byKey: [Key: [Int]] = [:]
        for (index, line) in lines.enumerated() where counted[index] && !staff[index].isEmpty {
            guard let start = line.start, let end = line.end else { continue }
            let key = Key(staff: staff[index], day: line.serviceDate.number, start: start, end: end,
                          code: line.procedureCode, group: line.groupID)
            byKey[key, default: []].append(index)
        }
        var sessionOf = [Int32](repeating: -1, count: lines.count)
        var sessions: [[Int]] = []
        for members in byKey.values {
            let marked = members.contains { index in
                let line = lines[index]
                return !line.groupID.isEmpty || groupCode(line.procedureCode) || groupModifier(line.modifiers)
            }
            let participants = Set(members.map { lines[$0].participantID })
            guard marked || participants.count > 1 else { continue }
            sessions.append(members)
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
