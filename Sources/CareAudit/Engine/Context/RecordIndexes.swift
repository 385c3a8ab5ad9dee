/// Positions of records in `AuditContext.entries` or `.lines`, stored as 32 bits (half the
/// memory of `[Int]` when records come by the million) and read as `Int`: a slice of a
/// `RecordOrder`, sharing its storage.
package struct RecordIndexes: RandomAccessCollection, Sendable {
    private let slice: ArraySlice<UInt32>

    fileprivate init(_ slice: ArraySlice<UInt32>) { self.slice = slice }

    package var startIndex: Int { slice.startIndex }
    package var endIndex: Int { slice.endIndex }
    package subscript(position: Int) -> Int { Int(slice[position]) }
}

/// Record positions in a fixed order (grouped by staff day, or by service). An array: pointer
/// views into memory of its own saved under 5% (docs/ARCHITECTURE.md, optimisations).
struct RecordOrder: Sendable {
    private let storage: [UInt32]

    /// `count` positions, written by `fill` (given them zeroed) before any is read.
    init(count: Int, fill: (UnsafeMutableBufferPointer<UInt32>) -> Void) {
        storage = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: 0)
            fill(buffer)
            initialized = count
        }
    }

    var count: Int { storage.count }

    /// The record at `position`.
    subscript(position: Int) -> Int { Int(storage[position]) }

    /// The positions in `range`.
    subscript(range: Range<Int>) -> RecordIndexes { RecordIndexes(storage[range]) }

    /// All positions, in order.
    var all: RecordIndexes { self[0..<count] }
}
