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
            let lo = max(c.lowerBound, reached), hi = min(c.upperBound, range.upperBound)
            if lo < hi { covered += hi - lo }
            reached = max(reached, min(c.upperBound, range.upperBound))
            if reached >= range.upperBound { break }
        }
        return range.count - covered
    }
}
