import Testing

@testable import CareAudit

/// The counting-sort grouping against a plain sort of (rank, day, start, position).
@Suite("Staff order")
struct StaffOrderTests {
    @Test("records grouped by staff rank, sorted by day and start, ties in file order; empty staff left out")
    func matchesPlainSort() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<60, using: &random)
            let staffCount = Int.random(in: 1..<5, using: &random)
            let rank = Dictionary(uniqueKeysWithValues: (1...staffCount).map { (TextID(raw: UInt32($0)), UInt32(staffCount - $0)) })
            // Staff id 0 is empty (left out); ranks are not in id order.
            var records: [(staff: TextID, day: Day, start: Int?)] = (0..<count).map { _ in
                (
                    TextID(raw: UInt32.random(in: 0...UInt32(staffCount), using: &random)),
                    Day(number: Int32.random(in: -2...2, using: &random)),
                    Bool.random(using: &random) ? nil : Int.random(in: 0..<4, using: &random)
                )
            }
            func key(_ record: (staff: TextID, day: Day, start: Int?)) -> [Int] {
                [Int(rank[record.staff] ?? 0), Int(record.day.number), record.start ?? -1]
            }
            // Half the time in order already: the path that skips sorting.
            if Bool.random(using: &random) { records.sort { key($0).lexicographicallyPrecedes(key($1)) } }
            let expected = records.indices.filter { !records[$0].staff.isEmpty }
                .sorted { (key(records[$0]) + [$0]).lexicographicallyPrecedes(key(records[$1]) + [$1]) }

            let order = StaffOrder(
                count: count, rank: rank, staff: { records[$0].staff }, day: { records[$0].day }, start: { records[$0].start })
            #expect(Array(order.order.all) == expected)
            #expect(order.runs.count == staffCount + 1)
            for r in 0..<staffCount {
                #expect(order.order[order.runs[r]..<order.runs[r + 1]].allSatisfy { rank[records[$0].staff] == UInt32(r) })
            }
        }
    }
}
