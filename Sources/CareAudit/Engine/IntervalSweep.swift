/// The timed records among some of a staff day's: their indexes and intervals side by side, in
/// buffers a rule reuses from day to day (most days allocate nothing).
struct TimedRecords {
    private(set) var indexes: [Int] = []
    private(set) var intervals: [Range<Int>] = []

    var isEmpty: Bool { indexes.isEmpty }

    /// Replaces the contents with the candidates that have an interval.
    mutating func collect(_ candidates: some Sequence<Int>, _ interval: (Int) -> Range<Int>?) {
        indexes.removeAll(keepingCapacity: true)
        intervals.removeAll(keepingCapacity: true)
        for index in candidates {
            guard let found = interval(index) else { continue }
            indexes.append(index)
            intervals.append(found)
        }
    }
}

/// Overlap search by sweeping sorted intervals: O(n + m + pairs) per staff day instead of
/// comparing every pair. Intervals are half-open, so 09:00–10:00 and 10:00–11:00 do not overlap.
enum IntervalSweep {
    /// Pairs (i, j) of `a[i]` and `b[j]` that overlap, with the overlap length. Both lists must be
    /// sorted by lower bound.
    static func overlaps(_ a: [Range<Int>], _ b: [Range<Int>]) -> [(Int, Int, Int)] {
        var pairs: [(Int, Int, Int)] = []
        var firstB = 0
        for (i, x) in a.enumerated() {
            while firstB < b.count && b[firstB].upperBound <= x.lowerBound && !b[firstB].isEmpty {
                // Every later `a` starts at or after x, so a `b` ending before x is done only if it
                // also ends before all of them: true, since `a` is sorted by lower bound.
                firstB += 1
            }
            var j = firstB
            while j < b.count && b[j].lowerBound < x.upperBound {
                let overlap = min(x.upperBound, b[j].upperBound) - max(x.lowerBound, b[j].lowerBound)
                if overlap > 0 { pairs.append((i, j, overlap)) }
                j += 1
            }
        }
        return pairs
    }

    /// Whether any interval of `a` overlaps any of `b`; both sorted by lower bound (as a staff
    /// day's are), or the answer is found by sorting copies. O(n + m), allocating nothing.
    static func anyOverlap(_ a: [Range<Int>], _ b: [Range<Int>]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let isSorted = { (list: [Range<Int>]) in zip(list, list.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound } }
        guard isSorted(a), isSorted(b) else {
            return anyOverlap(a.sorted { $0.lowerBound < $1.lowerBound }, b.sorted { $0.lowerBound < $1.lowerBound })
        }
        // Walk both lists by start; each interval is checked against the furthest-reaching
        // interval of the other list that started before it.
        var i = 0
        var j = 0
        var reachA = Int.min
        var reachB = Int.min
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].lowerBound <= b[j].lowerBound) {
                let r = a[i]
                if !r.isEmpty {
                    if reachB > r.lowerBound { return true }
                    reachA = max(reachA, r.upperBound)
                }
                i += 1
            } else {
                let r = b[j]
                if !r.isEmpty {
                    if reachA > r.lowerBound { return true }
                    reachB = max(reachB, r.upperBound)
                }
                j += 1
            }
        }
        return false
    }

    /// Pairs (i, j), i < j, of intervals in one sorted list that overlap, with the overlap length.
    static func selfOverlaps(_ a: [Range<Int>]) -> [(Int, Int, Int)] {
        var pairs: [(Int, Int, Int)] = []
        if a.count <= 16 {
            // A usual staff day: compare pairs directly, allocating nothing unless they overlap.
            for j in a.indices {
                for i in 0..<j where a[i].upperBound > a[j].lowerBound {
                    let overlap = min(a[i].upperBound, a[j].upperBound) - a[j].lowerBound
                    if overlap > 0 { pairs.append((i, j, overlap)) }
                }
            }
            return pairs
        }
        var active: [Int] = []
        for (j, y) in a.enumerated() {
            active.removeAll { a[$0].upperBound <= y.lowerBound }
            for i in active {
                let overlap = min(a[i].upperBound, y.upperBound) - y.lowerBound
                if overlap > 0 { pairs.append((i, j, overlap)) }
            }
            active.append(j)
        }
        return pairs
    }

    /// Groups of one list's intervals connected by overlaps (chains included: A overlaps B, B
    /// overlaps C), groups of one left out; each group's positions in `a` ascending, groups in
    /// order of their first start. O(n log n): one sort and one pass keeping the furthest end,
    /// however many pairs overlap (4,000 identical entries are one group, not 8 million pairs).
    static func selfGroups(_ a: [Range<Int>]) -> [[Int]] {
        // The usual staff day: sorted and without an overlap, seen in one pass, nothing allocated.
        var reach = Int.min
        var sorted = true
        var overlapping = false
        for (index, r) in a.enumerated() where !r.isEmpty {
            if index > 0 && r.lowerBound < a[index - 1].lowerBound { sorted = false }
            if r.lowerBound < reach { overlapping = true }
            reach = max(reach, r.upperBound)
        }
        if sorted && !overlapping { return [] }
        let order = a.indices.filter { !a[$0].isEmpty }.sorted { (a[$0].lowerBound, $0) < (a[$1].lowerBound, $1) }
        var groups: [[Int]] = []
        var current: [Int] = []
        reach = Int.min
        for index in order {
            if a[index].lowerBound >= reach {
                if current.count > 1 { groups.append(current.sorted()) }
                current.removeAll(keepingCapacity: true)
            }
            current.append(index)
            reach = max(reach, a[index].upperBound)
        }
        if current.count > 1 { groups.append(current.sorted()) }
        return groups
    }

    /// Groups of intervals of `a` and `b` connected by overlaps of an `a` with a `b` (two `a`s
    /// overlapping each other do not connect), groups without an overlap left out; positions
    /// ascending, groups in order of their first start. One sweep over both lists sorted by
    /// start: an interval that starts overlaps every interval of the other list still running,
    /// so it joins their groups, and a list's running intervals of one group are kept as one
    /// (its furthest end). O(n log n + n·r), r the running groups at a time, never the pairs.
    static func crossGroups(_ a: [Range<Int>], _ b: [Range<Int>]) -> [(a: [Int], b: [Int])] {
        // The usual staff day has no overlap at all: found without allocating.
        guard anyOverlap(a, b) else { return [] }
        // Nodes: a's positions, then b's.
        let all = a + b
        var parent = Array(all.indices)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        let order = all.indices.filter { !all[$0].isEmpty }.sorted { (all[$0].lowerBound, $0) < (all[$1].lowerBound, $1) }
        // Running intervals per list, one (node, furthest end) per group.
        var running: [[(node: Int, end: Int)]] = [[], []]
        for node in order {
            let side = node < a.count ? 0 : 1
            let other = 1 - side
            let start = all[node].lowerBound
            running[0].removeAll { $0.end <= start }
            running[1].removeAll { $0.end <= start }
            var end = all[node].upperBound
            if !running[other].isEmpty {
                // Everything of the other list still running overlaps this one: one group now.
                var otherEnd = Int.min
                for item in running[other] {
                    parent[root(item.node)] = root(node)
                    otherEnd = max(otherEnd, item.end)
                }
                running[other] = [(node, otherEnd)]
            }
            // Running intervals of this list already in the same group are kept as one.
            let group = root(node)
            running[side].removeAll { item in
                guard root(item.node) == group else { return false }
                end = max(end, item.end)
                return true
            }
            running[side].append((node, end))
        }
        var members: [Int: (a: [Int], b: [Int])] = [:]
        var firstStart: [Int: Int] = [:]
        for node in order {
            let group = root(node)
            if node < a.count {
                members[group, default: ([], [])].a.append(node)
            } else {
                members[group, default: ([], [])].b.append(node - a.count)
            }
            if firstStart[group] == nil { firstStart[group] = all[node].lowerBound }
        }
        return members.filter { !$0.value.a.isEmpty && !$0.value.b.isEmpty }
            .sorted { (firstStart[$0.key]!, $0.key) < (firstStart[$1.key]!, $1.key) }
            .map { ($0.value.a.sorted(), $0.value.b.sorted()) }
    }

    /// For each item, whether it may be one session with an item of another class: an item
    /// without times may be anyone's session, timed items when their times overlap. O(n log n):
    /// the classes met are tracked by their two furthest ends, and the running items of other
    /// classes are marked once each, never compared pair by pair.
    static func meetsOtherClass(_ intervals: [Range<Int>?], classes: [Int]) -> [Bool] {
        var meets = [Bool](repeating: false, count: intervals.count)
        /// Up to two distinct classes among `items`.
        func twoClasses(_ items: some Sequence<Int>) -> (Int?, Int?) {
            var first: Int?
            for item in items {
                if first == nil { first = classes[item] } else if classes[item] != first { return (first, classes[item]) }
            }
            return (first, nil)
        }
        func other(_ two: (Int?, Int?), than c: Int) -> Bool { two.1 != nil || (two.0 != nil && two.0 != c) }
        let any = twoClasses(intervals.indices)
        let untimed = twoClasses(intervals.indices.lazy.filter { intervals[$0] == nil })
        for index in intervals.indices {
            meets[index] = other(intervals[index] == nil ? any : untimed, than: classes[index])
        }
        // Timed against timed, in order of start.
        let order = intervals.indices.filter { intervals[$0].map { !$0.isEmpty } ?? false }
            .sorted { (intervals[$0]!.lowerBound, $0) < (intervals[$1]!.lowerBound, $1) }
        var best: (class: Int, end: Int) = (0, Int.min)
        var second: (class: Int, end: Int) = (0, Int.min)
        var running: [Int: [Int]] = [:]  // class → started items not yet marked
        for index in order {
            let (c, start, end) = (classes[index], intervals[index]!.lowerBound, intervals[index]!.upperBound)
            // An item of another class that started earlier and runs past this start overlaps it.
            if (best.class != c && best.end > start) || second.end > start { meets[index] = true }
            // So does every started item of another class still running: mark them, once.
            for k in running.keys where k != c {
                for other in running[k]! where intervals[other]!.upperBound > start { meets[other] = true }
                running[k] = nil
            }
            running[c, default: []].append(index)
            if c == best.class || best.end == Int.min {
                best = (c, max(best.end, end))
            } else if end > best.end {
                second = best
                best = (c, end)
            } else if end > second.end {
                second = (c, end)
            }
        }
        return meets
    }

    /// Minutes during which at least one interval of `a` and one of `b` run (with `b` the same
    /// list as `a`: at least two of `a`). O(n log n).
    static func jointLength(_ a: [Range<Int>], _ b: [Range<Int>]? = nil) -> Int {
        // Events: (time, +1/-1 for a, +1/-1 for b); ends sort before starts at the same time.
        var events: [(time: Int, a: Int, b: Int)] = []
        for r in a where !r.isEmpty { events += [(r.lowerBound, 1, 0), (r.upperBound, -1, 0)] }
        for r in b ?? [] where !r.isEmpty { events += [(r.lowerBound, 0, 1), (r.upperBound, 0, -1)] }
        events.sort { ($0.time, $0.a + $0.b) < ($1.time, $1.a + $1.b) }
        var total = 0
        var activeA = 0
        var activeB = 0
        var previous = 0
        for event in events {
            let counts = b == nil ? activeA >= 2 : activeA > 0 && activeB > 0
            if counts { total += event.time - previous }
            activeA += event.a
            activeB += event.b
            previous = event.time
        }
        return total
    }

    /// For intervals sorted by lower bound: the part of each that no earlier one covers (every
    /// earlier interval starts no later, so what they cover of this one is one piece from its
    /// start). The parts tile the union: the way overlapping records each give up a minute once.
    static func newParts(_ sorted: [Range<Int>]) -> [Range<Int>] {
        var reached = Int.min
        return sorted.map { interval in
            defer { reached = max(reached, interval.upperBound) }
            return max(interval.lowerBound, min(reached, interval.upperBound))..<interval.upperBound
        }
    }

    /// Total length of the union of `ranges`.
    static func unionLength(_ ranges: [Range<Int>]) -> Int {
        var total = 0
        var current: Range<Int>?
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !r.isEmpty {
            if let c = current, r.lowerBound <= c.upperBound {
                current = c.lowerBound..<max(c.upperBound, r.upperBound)
            } else {
                if let c = current { total += c.count }
                current = r
            }
        }
        return total + (current?.count ?? 0)
    }

    /// The length of the parts of `range` not covered by `cover`. One pass without allocating
    /// when `cover` is sorted by lower bound (a staff day's entries are).
    static func uncovered(_ range: Range<Int>, by cover: [Range<Int>]) -> Int {
        guard zip(cover, cover.dropFirst()).allSatisfy({ $0.lowerBound <= $1.lowerBound }) else {
            return uncovered(range, by: cover.sorted { $0.lowerBound < $1.lowerBound })
        }
        var covered = 0
        var reached = range.lowerBound  // everything before this is counted
        for c in cover where c.upperBound > reached {
            let lo = max(c.lowerBound, reached)
            let hi = min(c.upperBound, range.upperBound)
            if lo < hi { covered += hi - lo }
            reached = max(reached, min(c.upperBound, range.upperBound))
            if reached >= range.upperBound { break }
        }
        return range.count - covered
    }
}
