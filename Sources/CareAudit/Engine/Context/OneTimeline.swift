extension AuditContext {
    /// One timeline (DOMAIN.md §8): an entry or a line dated the day after an overnight shift of
    /// the same staff member (an entry ending past midnight), starting before the shift ends,
    /// is moved onto the shift's day, its times 24 hours later: a shift 22:00–02:00 on the 13th
    /// and a service at 00:30 on the 14th are compared, and totalled, on the 13th. O(n); the
    /// records are copied only when some shift runs past midnight.
    static func onOneTimeline(_ entries: [TimeEntry], _ lines: [BillingLine], lineStaff: [TextID]) -> ([TimeEntry], [BillingLine]) {
        struct Key: Hashable {
            let staff: TextID
            let day: Int32
        }
        // (staff, the day after a shift) → how far past that midnight the shift runs.
        var reach: [Key: Int] = [:]
        for entry in entries {
            guard let end = entry.end, end > 1440 else { continue }
            let key = Key(staff: entry.staffID, day: entry.date.number + 1)
            reach[key] = max(reach[key] ?? 0, end - 1440)
        }
        guard !reach.isEmpty else { return (entries, lines) }
        var entries = entries
        var lines = lines
        for index in entries.indices {
            guard let start = entries[index].start,
                start < reach[Key(staff: entries[index].staffID, day: entries[index].date.number)] ?? 0
            else { continue }
            entries[index] = entries[index].onPreviousDay()
        }
        for index in lines.indices where !lineStaff[index].isEmpty {
            guard let start = lines[index].start,
                start < reach[Key(staff: lineStaff[index], day: lines[index].serviceDate.number)] ?? 0
            else { continue }
            lines[index] = lines[index].onPreviousDay()
        }
        return (entries, lines)
    }
}
