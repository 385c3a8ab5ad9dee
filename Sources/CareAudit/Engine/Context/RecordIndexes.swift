/// Positions of records in `AuditContext.entries` or `.lines`, stored as 32 bits (half the
/// memory of `[Int]` when records come by the million) and read as `Int`.
///
/// A view into a `RecordOrder` its context owns, so valid while the context lives (rules use it
/// inside `check`). An array slice would retain and release its array for every staff day; with
/// rules on both cores sharing that reference count, it was a third of the busiest rules' time.
package struct RecordIndexes: RandomAccessCollection, @unchecked Sendable {
    private let base: UnsafePointer<UInt32>
    package let startIndex: Int
    package let endIndex: Int

    fileprivate init(base: UnsafePointer<UInt32>, _ range: Range<Int>) {
        self.base = base
        (startIndex, endIndex) = (range.lowerBound, range.upperBound)
    }

    package subscript(position: Int) -> Int {
        precondition(position >= startIndex && position < endIndex, "record index out of range")
        return Int(base[position])
    }
}

/// Record positions in a fixed order (grouped by staff day, or by service), in memory of its
/// own: whoever keeps it frees it (`deallocate`; the context does when it goes).
struct RecordOrder: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<UInt32>
    let count: Int

    /// `count` positions, written by `fill` (given them zeroed) before any is read.
    init(count: Int, fill: (UnsafeMutableBufferPointer<UInt32>) -> Void) {
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: 0)
        self.count = count
        fill(UnsafeMutableBufferPointer(rebasing: storage[0..<count]))
    }

    /// The record at `position`.
    subscript(position: Int) -> Int {
        precondition(position >= 0 && position < count, "position out of bounds")
        return Int(storage[position])
    }

    /// The positions in `range`.
    subscript(range: Range<Int>) -> RecordIndexes {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "record range out of bounds")
        return RecordIndexes(base: storage.baseAddress!, range)
    }

    /// All positions, in order.
    var all: RecordIndexes { self[0..<count] }

    func deallocate() { storage.deallocate() }
}
