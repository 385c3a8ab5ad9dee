#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Word-at-a-time byte searches for the reader's hot path. Eight bytes are tested per step
/// with the classic "has zero byte" bit trick, so scanning for line breaks costs far less than
/// parsing.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// True when any byte of `word` equals `byte`.
    @inline(__always)
    static func word(_ word: UInt64, contains byte: UInt8) -> Bool {
        let v = word ^ (ones &* UInt64(byte))
        return (v &- ones) & ~v & highs != 0
    }

    /// The high bit of each byte of `word` that equals `byte`, exactly (no false positives).
    @inline(__always)
    static func mask(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let v = word ^ (ones &* UInt64(byte))
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((v & lows) &+ lows) | v) & highs
    }

    /// How many bytes equal `byte`. Most exports quote little, so the bytes are searched with
    /// `memchr` (many bytes per step); when they turn out to be dense, the rest is counted a word
    /// at a time.
    static func count(_ byte: UInt8, in p: UnsafePointer<UInt8>, count: Int) -> Int {
        var found = 0, i = 0
        while i < count, found < 1024 {
            guard let hit = memchr(p + i, Int32(byte), count - i) else { return found }
            found += 1
            i = UnsafeRawPointer(hit) - UnsafeRawPointer(p) + 1
        }
        while i + 8 <= count {
            found += mask(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self), byte).nonzeroBitCount
            i += 8
        }
        while i < count {
            if p[i] == byte { found += 1 }
            i += 1
        }
        return found
    }

    /// True when a space or TAB stands next to a delimiter, a line break, or an edge of the chunk
    /// (`previous` is the byte before the chunk; nil at the start of the file). Only then can
    /// libcsv's default trimming change a field, so only then is the (per-byte, costly) "no
    /// spaces" function needed.
    static func hasSpaceAtFieldEdge(_ p: UnsafePointer<UInt8>, count: Int, delimiter: UInt8, previous: UInt8?) -> Bool {
        func isBoundary(_ b: UInt8) -> Bool { b == delimiter || b == 0x0A || b == 0x0D }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        guard count > 0 else { return false }
        if isSpace(p[0]) && (previous.map(isBoundary) ?? true) { return true }
        if isSpace(p[count - 1]) { return true }
        var i = 0
        while i + 8 <= count {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let spaces = mask(w, 0x20) | mask(w, 0x09)
            if spaces != 0 {
                let edges = mask(w, delimiter) | mask(w, 0x0A) | mask(w, 0x0D)
                if spaces & ((edges << 8) | (edges >> 8)) != 0 { return true }
                if spaces & 0x80 != 0 && i > 0 && isBoundary(p[i - 1]) { return true }
                if spaces >> 63 != 0 && i + 8 < count && isBoundary(p[i + 8]) { return true }
            }
            i += 8
        }
        while i < count {
            if isSpace(p[i]) && ((i > 0 && isBoundary(p[i - 1])) || (i + 1 < count && isBoundary(p[i + 1]))) {
                return true
            }
            i += 1
        }
        return false
    }

    /// Offsets of the bytes that end a physical line (LF, the LF of CRLF, or a lone CR), for
    /// finding which records hold quoted line breaks and counting those in a field.
    static func lineBreakOffsets(in p: UnsafePointer<UInt8>, count: Int) -> [Int] {
        var offsets: [Int] = []
        var i = 0
        while i < count {
            if i + 8 <= count && !wordHasLineBreak(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let c = p[i]
            if c == 0x0A || (c == 0x0D && (i + 1 == count || p[i + 1] != 0x0A)) { offsets.append(i) }
            i += 1
        }
        return offsets
    }

    /// True when any byte of `word` is CR or LF.
    @inline(__always)
    static func wordHasLineBreak(_ w: UInt64) -> Bool {
        word(w, contains: 0x0A) || word(w, contains: 0x0D)
    }

    /// True when every byte is ASCII and none is NUL: the UTF-8 check's fast path.
    static func isPlainASCII(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        var i = 0
        var acc: UInt64 = 0
        var hasNUL = false
        while i + 8 <= count {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            acc |= w
            if word(w, contains: 0) { hasNUL = true }
            i += 8
        }
        while i < count {
            acc |= UInt64(p[i])
            if p[i] == 0 { hasNUL = true }
            i += 1
        }
        return acc & highs == 0 && !hasNUL
    }
}
