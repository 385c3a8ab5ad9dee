internal import CLibCSV
import Foundation

/// Turns field bytes into `TextID`s: the same id for bytes seen before, a new one otherwise.
///
/// Exports repeat a few values many thousand times (staff ids, codes, descriptions, payers).
/// Bytes go into one arena; an open-addressing table of (hash, id) words finds them again with
/// one hash over 8-byte words and one `memcmp`. Not thread-safe: one per file being read, merged
/// in file order afterwards (`absorb`), so ids never depend on thread timing.
struct TextInterner {
    private var arena: [UInt8] = []
    /// Start of text `id` in the arena; `starts[id + 1]` is its end. 32 bits (an arena holds at
    /// most 4 GiB): a start is kept for every text, row-unique ones included, by the million.
    private var starts: [UInt32] = [0, 0]
    /// (hash high 32 bits) << 32 | id; 0 marks an empty slot (id 0, the empty text, is never stored).
    /// A text's slot is probed from its hash's high bits, so growing never rehashes the arena.
    private var slots: [UInt64]
    private var stored = 0

    init(capacity: Int = 1 << 12) {
        slots = [UInt64](repeating: 0, count: capacity)
    }

    /// Texts held, the empty text included.
    var count: Int { starts.count - 1 }

    /// Texts held that were interned (not row-unique).
    var internedCount: Int { stored }

    @inline(__always)
    private static func hash(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < count {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        // Full avalanche (MurmurHash3's finalizer): slots are found from the high bits, and
        // ids that differ only in their last character must not land next to each other.
        h ^= tail
        h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    /// The slot holding `bytes` (found) or where they would go (not found).
    @inline(__always)
    private func probe(_ base: UnsafePointer<UInt8>, _ count: Int, _ h: UInt64) -> (slot: Int, found: TextID?) {
        let tag = h & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h >> 32) & mask
        while true {
            let word = slots[slot]
            if word == 0 { return (slot, nil) }
            if word & 0xFFFF_FFFF_0000_0000 == tag {
                let id = TextID(raw: UInt32(word & 0xFFFF_FFFF))
                if text(id, is: base, count) { return (slot, id) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `bytes`, interning them on first sight.
    @inline(__always)
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> TextID {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return .empty }
        return id(bytes, hash: Self.hash(base, bytes.count))
    }

    /// The id of `bytes` whose hash `prefetch` returned.
    @inline(__always)
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> TextID {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return .empty }
        let (slot, found) = probe(base, bytes.count, h)
        if let found { return found }
        let id = append(bytes)
        slots[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id.raw)
        stored += 1
        if stored * 2 > slots.count { rehash(to: slots.count * 2) }
        return id
    }

    /// Starts loading the slot where `bytes` would be found, for a lookup made a little later
    /// (`id(_:hash:)` with the hash returned): values with hundreds of thousands of distinct
    /// texts (claim numbers, participants) are rarely in cache, and waiting for their slot is
    /// most of their lookup. (`mutating` only so that a call through the typer, a class, works on
    /// the table in place: a non-mutating call copies it, three retains and releases a field.)
    @inline(__always)
    mutating func prefetch(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        let h = Self.hash(base, bytes.count)
        let slot = Int(truncatingIfNeeded: h >> 32) & (slots.count - 1)
        slots.withUnsafeBufferPointer { care_audit_prefetch($0.baseAddress! + slot) }
        return h
    }

    /// Whether text `id` is `bytes`: a check against a remembered id that costs no hashing.
    /// (`mutating` for the reason `prefetch` gives.)
    @inline(__always)
    mutating func holds(_ id: TextID, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return id.isEmpty }
        return text(id, is: base, bytes.count)
    }

    /// Whether text `id` is the `count` bytes at `base` (`count` > 0).
    @inline(__always)
    private func text(_ id: TextID, is base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let start = Int(starts[Int(id.raw)])
        return Int(starts[Int(id.raw) + 1]) - start == count
            && arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, count) } == 0
    }

    /// A new id for `bytes` without looking for an equal text: for values unique to a row.
    @inline(__always)
    mutating func unique(_ bytes: UnsafeBufferPointer<UInt8>) -> TextID {
        bytes.isEmpty ? .empty : append(bytes)
    }

    mutating func id(_ text: String) -> TextID {
        var text = text
        return text.withUTF8 { id($0) }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> TextID {
        precondition(starts.count <= Int(UInt32.max), "more than 4 billion distinct texts")
        arena.append(contentsOf: bytes)
        precondition(arena.count <= Int(UInt32.max), "more than 4 GiB of distinct texts")
        starts.append(UInt32(truncatingIfNeeded: arena.count))
        return TextID(raw: UInt32(starts.count - 2))
    }

    /// Moves every slot word into a table of `size` slots (a power of two).
    private mutating func rehash(to size: Int) {
        var bigger = [UInt64](repeating: 0, count: size)
        let mask = bigger.count - 1
        for word in slots where word != 0 {
            var slot = Int(truncatingIfNeeded: word >> 32) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = word
        }
        slots = bigger
    }

    /// The id of an interned text, if it was seen.
    func find(_ text: String) -> TextID? {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return .empty }
            return probe(base, bytes.count, Self.hash(base, bytes.count)).found
        }
    }

    func string(_ id: TextID) -> String {
        let start = Int(starts[Int(id.raw)])
        let end = Int(starts[Int(id.raw) + 1])
        return arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Makes room, once, for the texts of `others` about to be absorbed (growing by doubling on
    /// each absorb would leave up to half the arena unused, at the audit's peak memory).
    mutating func reserve(absorbing others: [TextInterner]) {
        arena.reserveCapacity(arena.count + others.reduce(0) { $0 + $1.arena.count })
        starts.reserveCapacity(starts.count + others.reduce(0) { $0 + $1.count })
    }

    /// Adds every text of `other` and returns the new id of each of `other`'s ids. Its bytes
    /// are copied in one block and its texts numbered in order after ours; an interned text we
    /// already hold maps to our id instead (its copy is never referred to).
    ///
    /// Its interned texts are looked up in the order of its slot table, whose words carry the
    /// hash bits a lookup needs: nothing is hashed again, and the probes walk our table in
    /// nearly ascending order instead of jumping at random.
    mutating func absorb(_ other: TextInterner) -> [TextID] {
        precondition(starts.count + other.count <= Int(UInt32.max), "more than 4 billion distinct texts")
        precondition(arena.count + other.arena.count <= Int(UInt32.max), "more than 4 GiB of distinct texts")
        let first = UInt32(starts.count - 1)  // our id for other's id 1
        let base = UInt32(arena.count)
        arena.append(contentsOf: other.arena)
        starts.reserveCapacity(starts.count + other.count)
        for old in 1..<max(other.count, 1) { starts.append(base + other.starts[old + 1]) }
        var map = [TextID](unsafeUninitializedCapacity: other.count) { buffer, initialized in
            buffer[0] = .empty
            for old in 1..<max(other.count, 1) { buffer[old] = TextID(raw: first + UInt32(old - 1)) }
            initialized = other.count
        }
        var size = slots.count
        while (stored + other.stored) * 2 > size { size *= 2 }
        if size > slots.count { rehash(to: size) }
        for word in other.slots where word != 0 {
            let old = Int(word & 0xFFFF_FFFF)
            let tag = word & 0xFFFF_FFFF_0000_0000
            let fresh = map[old]
            let (slot, found) = arena.withUnsafeBufferPointer { bytes in
                probe(bytes.baseAddress! + Int(starts[Int(fresh.raw)]), Int(other.starts[old + 1] - other.starts[old]), tag)
            }
            if let found {
                map[old] = found
            } else {
                slots[slot] = tag | UInt64(fresh.raw)
                stored += 1
            }
        }
        return map
    }
}
