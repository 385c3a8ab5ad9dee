import Glibc

/// Byte searches for the reader's hot path: sixteen bytes per step with SIMD comparisons (or
/// eight with a bit trick, to count bytes), so scanning costs far less than parsing.
enum ByteScan {
    typealias Bytes16 = SIMD16<UInt8>

    @inline(__always)
    private static func load16(_ p: UnsafePointer<UInt8>) -> Bytes16 {
        UnsafeRawPointer(p).loadUnaligned(as: Bytes16.self)
    }

    /// Whether any lane is set: the lanes read as two words (the library's `any` reduces
    /// through a generic `min` that is not inlined, slower than the whole comparison).
    @inline(__always)
    private static func isSet(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: (UInt64, UInt64).self)
        return words.0 | words.1 != 0
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

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
        var found = 0
        var i = 0
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
        // Sixteen adjacent pairs (i + k, i + k + 1) per step: a space beside a boundary either way.
        let space = Bytes16(repeating: 0x20)
        let tab = Bytes16(repeating: 0x09)
        let separator = Bytes16(repeating: delimiter)
        let lf = Bytes16(repeating: 0x0A)
        let cr = Bytes16(repeating: 0x0D)
        var i = 0
        while i + 17 <= count {
            let a = load16(p + i)
            let b = load16(p + i + 1)
            let aSpace = (a .== space) .| (a .== tab)
            let bSpace = (b .== space) .| (b .== tab)
            let aEdge = (a .== separator) .| (a .== lf) .| (a .== cr)
            let bEdge = (b .== separator) .| (b .== lf) .| (b .== cr)
            if isSet((aSpace .& bEdge) .| (aEdge .& bSpace)) { return true }
            i += 16
        }
        while i + 1 < count {
            if (isSpace(p[i]) && isBoundary(p[i + 1])) || (isBoundary(p[i]) && isSpace(p[i + 1])) { return true }
            i += 1
        }
        return false
    }

    /// Offsets of the bytes that end a physical line (LF, the LF of CRLF, or a lone CR), for
    /// finding which records hold quoted line breaks and counting those in a field.
    static func lineBreakOffsets(in p: UnsafePointer<UInt8>, count: Int) -> [Int] {
        var offsets: [Int] = []
        var i = firstLineBreak(p, from: 0, count: count)
        while i < count {
            if p[i] == 0x0A || i + 1 == count || p[i + 1] != 0x0A { offsets.append(i) }
            i = firstLineBreak(p, from: i + 1, count: count)
        }
        return offsets
    }

    /// The position of the first LF or CR at or after `from`, or `count` when there is none:
    /// sixteen bytes per step.
    @inline(__always)
    static func firstLineBreak(_ p: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        let lf = Bytes16(repeating: 0x0A)
        let cr = Bytes16(repeating: 0x0D)
        var i = from
        while i + 16 <= count {
            let v = load16(p + i)
            let words = unsafeBitCast((v .== lf) .| (v .== cr), to: (UInt64, UInt64).self)
            if words.0 != 0 { return i + words.0.trailingZeroBitCount / 8 }
            if words.1 != 0 { return i + 8 + words.1.trailingZeroBitCount / 8 }
            i += 16
        }
        while i < count && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
        return i
    }

    /// True when every byte is ASCII and none is NUL: the UTF-8 check's fast path.
    static func isPlainASCII(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        firstNonPlain(p, from: 0, count: count) == count
    }

    /// The position of the first byte at or after `from` that is not plain ASCII (a NUL, or a
    /// byte of a multi-byte sequence), or `count`: sixteen bytes per step.
    @inline(__always)
    static func firstNonPlain(_ p: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        let zero = Bytes16(repeating: 0)
        var i = from
        while i + 16 <= count {
            let v = load16(p + i)
            let bytes = unsafeBitCast(v, to: (UInt64, UInt64).self)
            let nul = unsafeBitCast(v .== zero, to: (UInt64, UInt64).self)
            let low = bytes.0 & highs | nul.0
            let high = bytes.1 & highs | nul.1
            if low != 0 { return i + low.trailingZeroBitCount / 8 }
            if high != 0 { return i + 8 + high.trailingZeroBitCount / 8 }
            i += 16
        }
        while i < count && p[i] != 0 && p[i] < 0x80 { i += 1 }
        return i
    }
}
