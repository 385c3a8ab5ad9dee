import Testing

@testable import CareAudit

/// The group sweeps against their definitions, computed pair by pair and minute by minute on
/// random days: same groups, same minutes, same marks.
@Suite("Interval groups (property)")
struct IntervalGroupsTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func intervals(_ count: Int) -> [Range<Int>] {
            (0..<count).map { _ in
                let start = next(60)
                return start..<(start + next(20))
            }
        }
    }

    /// Connected groups by union-find over every overlapping pair.
    static func groups(_ nodes: Int, edges: [(Int, Int)]) -> [Set<Int>] {
        var parent = Array(0..<nodes)
        func root(_ x: Int) -> Int { parent[x] == x ? x : root(parent[x]) }
        for (x, y) in edges { parent[root(x)] = root(y) }
        return Dictionary(grouping: edges.flatMap { [$0.0, $0.1] }, by: root).values.map(Set.init)
    }

    static func overlap(_ x: Range<Int>, _ y: Range<Int>) -> Bool { min(x.upperBound, y.upperBound) > max(x.lowerBound, y.lowerBound) }

    @Test("selfGroups and jointLength match pairwise groups and minute counts", arguments: 0..<200)
    func selfGroups(seed: Int) {
        var random = Random(state: UInt64(seed + 1))
        let a = random.intervals(random.next(12))
        var edges: [(Int, Int)] = []
        for i in a.indices { for j in a.indices where i < j && Self.overlap(a[i], a[j]) { edges.append((i, j)) } }
        #expect(Set(IntervalSweep.selfGroups(a).map(Set.init)) == Set(Self.groups(a.count, edges: edges)))
        let twice = (0..<90).filter { minute in a.filter { $0.contains(minute) }.count >= 2 }.count
        #expect(IntervalSweep.jointLength(a) == twice)
    }

    @Test("crossGroups and jointLength(a, b) match pairwise groups and minute counts", arguments: 0..<200)
    func crossGroups(seed: Int) {
        var random = Random(state: UInt64(seed + 1000))
        let a = random.intervals(random.next(8))
        let b = random.intervals(random.next(8))
        var edges: [(Int, Int)] = []
        for i in a.indices { for j in b.indices where Self.overlap(a[i], b[j]) { edges.append((i, a.count + j)) } }
        let expected = Set(Self.groups(a.count + b.count, edges: edges))
        let found = Set(IntervalSweep.crossGroups(a, b).map { Set($0.a + $0.b.map { a.count + $0 }) })
        #expect(found == expected)
        #expect(IntervalSweep.anyOverlap(a, b) == !edges.isEmpty)
        let both = (0..<90).filter { minute in a.contains { $0.contains(minute) } && b.contains { $0.contains(minute) } }.count
        #expect(IntervalSweep.jointLength(a, b) == both)
    }

    @Test("meetsOtherClass matches pairwise mayBeSameSession with another class", arguments: 0..<200)
    func meetsOtherClass(seed: Int) {
        var random = Random(state: UInt64(seed + 5000))
        let count = random.next(12)
        let intervals: [Range<Int>?] = random.intervals(count).map { random.next(5) == 0 ? nil : $0 }
        let classes = (0..<count).map { _ in random.next(3) }
        let expected = intervals.indices.map { i in
            intervals.indices.contains { j in
                j != i && classes[j] != classes[i]
                    && (intervals[i] == nil || intervals[j] == nil || Self.overlap(intervals[i]!, intervals[j]!))
            }
        }
        #expect(IntervalSweep.meetsOtherClass(intervals, classes: classes) == expected)
    }
}
