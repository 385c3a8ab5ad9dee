/// Records (entries or billing lines) grouped by staff member, and each member's records by
/// day, then start, then position (file and line order).
///
/// A counting sort on the staff's rank puts each member's records in one run, in file order;
/// a run is then sorted only when it is not already in (day, start) order, which exports
/// usually are. No sort key is kept per record (at millions of records the keys were the peak
/// of the audit's memory).
struct StaffOrder {
    /// Record positions, grouped by staff rank.
    let order: RecordOrder
    /// Where each rank's run begins: rank `r` holds `order[runs[r]..<runs[r + 1]]`.
    let runs: [Int]

    /// `staff` gives a record's staff id, empty for records to leave out; every other id must
    /// be in `rank`.
    init(count: Int, rank: [TextID: UInt32], staff: (Int) -> TextID, day: (Int) -> Day, start: (Int) -> Int?) {
        precondition(count <= Int(UInt32.max), "more records than 32-bit positions hold")
        // Each record's rank (`.max`: left out), looked up only when the staff id changes.
        var ranks = [UInt32](repeating: .max, count: count)
        var runs = [Int](repeating: 0, count: rank.count + 1)
        var lastID = TextID.empty
        var lastRank = UInt32.max
        for i in 0..<count {
            let id = staff(i)
            if id.isEmpty { continue }
            if id != lastID { (lastID, lastRank) = (id, rank[id]!) }
            ranks[i] = lastRank
            runs[Int(lastRank) + 1] += 1
        }
        for r in runs.indices.dropFirst() { runs[r] += runs[r - 1] }
        /// Day (sign bit flipped, so that unsigned order is date order), then start (none first).
        func key(_ position: UInt32) -> UInt64 {
            let i = Int(position)
            return UInt64(UInt32(bitPattern: day(i).number) ^ 0x8000_0000) << 32 | UInt64(UInt32(truncatingIfNeeded: (start(i) ?? -1) + 1))
        }
        order = RecordOrder(count: runs[rank.count]) { order in
            var next = runs
            for (i, r) in ranks.enumerated() where r != .max {
                order[next[Int(r)]] = UInt32(i)
                next[Int(r)] += 1
            }
            ranks = []
            for r in 0..<rank.count {
                let run = runs[r]..<runs[r + 1]
                if run.count < 2 || zip(order[run], order[run].dropFirst()).allSatisfy({ key($0) <= key($1) }) { continue }
                // Position breaks ties, so equal keys stay in file order.
                let sorted = order[run].map { (key($0), $0) }.sorted { $0 < $1 }
                for (slot, record) in zip(run, sorted) { order[slot] = record.1 }
            }
        }
        self.runs = runs
    }
}
