/// Billing lines sharing participant, procedure code and date of service; `members` indexes
/// `AuditContext.serviceOrder`.
package struct ServiceGroup: Sendable {
    /// 32-bit bounds: groups come by the million, most of one line.
    private let first: UInt32, end: UInt32

    init(members: Range<Int>) { (first, end) = (UInt32(members.lowerBound), UInt32(members.upperBound)) }

    var members: Range<Int> { Int(first)..<Int(end) }
    package var count: Int { Int(end - first) }
}

extension AuditContext {
    /// Counted, not denied lines grouped by participant, procedure code and date: sorts
    /// (participant, code; date, index) and cuts the runs. Groups in file order of their first line.
    static func groupServices(_ lines: [BillingLine], counted: [Bool]) -> (RecordOrder, [ServiceGroup]) {
        var keys: [(UInt64, UInt64)] = []
        for (index, line) in lines.enumerated() where counted[index] && line.status != .denied {
            keys.append(
                (
                    UInt64(line.participantID.raw) << 32 | UInt64(line.procedureCode.raw),
                    UInt64(UInt32(bitPattern: line.serviceDate.number)) << 32 | UInt64(index)
                ))
        }
        if !zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) { keys.sort { $0 < $1 } }
        let order = RecordOrder(count: keys.count) { order in
            for (position, key) in keys.enumerated() { order[position] = UInt32(truncatingIfNeeded: key.1) }
        }
        // A group is a run of equal (participant, code, date) keys; its first member is its first
        // line. Groups are listed in file order of that line by one pass over the lines, not a sort.
        func sameGroup(_ a: Int, _ b: Int) -> Bool { keys[a].0 == keys[b].0 && keys[a].1 >> 32 == keys[b].1 >> 32 }
        var runStart = [Int32](repeating: -1, count: lines.count)  // by first line: where its run starts
        for position in keys.indices where position == 0 || !sameGroup(position - 1, position) {
            runStart[order[position]] = Int32(position)
        }
        var groups: [ServiceGroup] = []
        for case let from in runStart where from >= 0 {
            var to = Int(from) + 1
            while to < keys.count && sameGroup(Int(from), to) { to += 1 }
            groups.append(ServiceGroup(members: Int(from)..<to))
        }
        return (order, groups)
    }
}
