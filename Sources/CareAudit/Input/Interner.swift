import Foundation

/// Turns field bytes into `String`s, handing back the same string for bytes seen before.
///
/// Exports repeat a few values thousands of times (staff ids, activity codes and descriptions,
/// payers, programs). Looking the bytes up in a small open-addressing table avoids creating a new
/// string (and, for values over 15 bytes, a heap allocation) per field, and keeps one copy of
/// each value in memory. Not thread-safe: one per file being read.
struct Interner {
    private var hashes: [UInt64]
    private var strings: [String?]
    private var count = 0
    private let limit: Int

    init(capacity: Int = 1 << 16) {
        hashes = [UInt64](repeating: 0, count: capacity)
        strings = [String?](repeating: nil, count: capacity)
        limit = capacity / 2
    }

    /// FNV-1a over the bytes: short keys, so simple and fast is right.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h | 1  // 0 marks an empty slot
    }

    @inline(__always)
    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        string.utf8.withContiguousStorageIfAvailable { stored in
            stored.count == bytes.count && memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? string.utf8.elementsEqual(bytes)
    }

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.isEmpty { return "" }
        let h = Self.hash(bytes)
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == h, let existing = strings[slot], Self.equal(existing, bytes) {
                return existing
            }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: bytes, as: UTF8.self)
        if count < limit {
            hashes[slot] = h
            strings[slot] = string
            count += 1
        }
        return string
    }
}
