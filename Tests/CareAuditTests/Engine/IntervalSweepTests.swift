import Testing

@testable import CareAudit

/// The sweeps against minute-by-minute counting on random staff days.
@Suite("Interval sweeps")
struct IntervalSweepTests {
    static func randomIntervals(_ random: inout SeededRandom, count: Int) -> [Range<Int>] {
        (0..<count).map { _ in
            let start = Int.random(in: 0..<120, using: &random)
            return start..<(start + Int.random(in: 0..<60, using: &random))
        }
    }

    @Test("uncovered minutes, sorted or not, and union length")
    func uncovered() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<2_000 {
            var cover = Self.randomIntervals(&random, count: Int.random(in: 0..<6, using: &random))
            if Bool.random(using: &random) { cover.sort { $0.lowerBound < $1.lowerBound } }
            let range = Self.randomIntervals(&random, count: 1)[0]
            let minutes = Set(cover.flatMap { Array($0) })
            #expect(IntervalSweep.uncovered(range, by: cover) == range.filter { !minutes.contains($0) }.count)
            #expect(IntervalSweep.unionLength(cover) == minutes.count)
        }
    }

    @Test("overlapping pairs across two lists and within one")
    func overlaps() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<1_000 {
            // Short lists (a usual staff day) and long ones (the other path of selfOverlaps).
            let length = Bool.random(using: &random) ? Int.random(in: 0..<5, using: &random) : Int.random(in: 17..<30, using: &random)
            let a = Self.randomIntervals(&random, count: length).sorted { $0.lowerBound < $1.lowerBound }
            let b = Self.randomIntervals(&random, count: Int.random(in: 0..<5, using: &random)).sorted { $0.lowerBound < $1.lowerBound }
            func overlap(_ x: Range<Int>, _ y: Range<Int>) -> Int {
                max(0, min(x.upperBound, y.upperBound) - max(x.lowerBound, y.lowerBound))
            }
            let expected = a.indices.flatMap { i in
                b.indices.compactMap { j in overlap(a[i], b[j]) > 0 ? "\(i) \(j) \(overlap(a[i], b[j]))" : nil }
            }
            #expect(IntervalSweep.overlaps(a, b).map { "\($0.0) \($0.1) \($0.2)" }.sorted() == expected.sorted())
            let within = a.indices.flatMap { i in
                a.indices.compactMap { j in i < j && overlap(a[i], a[j]) > 0 ? "\(i) \(j) \(overlap(a[i], a[j]))" : nil }
            }
            #expect(IntervalSweep.selfOverlaps(a).map { "\($0.0) \($0.1) \($0.2)" }.sorted() == within.sorted())
        }
    }

    @Test("new parts: each interval keeps what no earlier one covers, and the parts tile the union")
    func newParts() {
        let sorted = [0..<60, 0..<60, 30..<90, 40..<50, 100..<120]
        #expect(IntervalSweep.newParts(sorted) == [0..<60, 60..<60, 60..<90, 50..<50, 100..<120])
        #expect(IntervalSweep.newParts(sorted).reduce(0) { $0 + $1.count } == IntervalSweep.unionLength(sorted))
    }
}
