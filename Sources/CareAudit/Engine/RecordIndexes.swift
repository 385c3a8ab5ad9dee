/// Positions of records in `AuditContext.entries` or `.lines`, stored as 32 bits (half the
/// memory of `[Int]` when records come by the million) and read as `Int`.
public struct RecordIndexes: RandomAccessCollection, Sendable {
    private let storage: ArraySlice<UInt32>

    init(_ storage: ArraySlice<UInt32>) { self.storage = storage }

    public var startIndex: Int { storage.startIndex }
    public var endIndex: Int { storage.endIndex }
    public subscript(position: Int) -> Int { Int(storage[position]) }
}
