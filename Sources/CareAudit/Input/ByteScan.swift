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

    /// True when any byte of `word` is CR or LF.
    @inline(__always)
    static func wordHasLineBreak(_ w: UInt64) -> Bool {
        word(w, contains: 0x0A) || word(w, contains: 0x0D)
    }

    /// Counts physical line breaks (LF, CRLF, or a lone CR) in `count` bytes, skipping
    /// eight-byte words that hold neither CR nor LF.
    static func lineBreaks(in p: UnsafePointer<UInt8>, count: Int) -> Int {
        var breaks = 0
        var i = 0
        while i < count {
            if i + 8 <= count && !wordHasLineBreak(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let c = p[i]
            if c == 0x0A || (c == 0x0D && (i + 1 == count || p[i + 1] != 0x0A)) {
                breaks += 1
            }
            i += 1
        }
        return breaks
    }

    /// True when any of `count` bytes is CR or LF.
    static func containsLineBreak(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if wordHasLineBreak(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) { return true }
            i += 8
        }
        while i < count {
            if p[i] == 0x0A || p[i] == 0x0D { return true }
            i += 1
        }
        return false
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
