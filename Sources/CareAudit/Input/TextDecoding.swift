/// Encoding work on raw bytes: finding bytes that are not valid UTF-8 (or are NUL), and turning
/// Windows-1252 (Excel's Windows default) into UTF-8 before parsing.
enum TextDecoding {
    /// What is wrong at one byte offset.
    enum Flaw: Equatable {
        case invalidUTF8
        case nul
    }

    /// The offset of the first invalid UTF-8 sequence or NUL byte, if any. ASCII words are
    /// skipped eight bytes at a time.
    static func firstFlaw(_ p: UnsafePointer<UInt8>, count: Int) -> (offset: Int, flaw: Flaw)? {
        var i = ByteScan.firstNonPlain(p, from: 0, count: count)
        while i < count {
            if p[i] == 0 { return (i, .nul) }
            let length = sequenceLength(p + i, available: count - i)
            if length == 0 { return (i, .invalidUTF8) }
            i = ByteScan.firstNonPlain(p, from: i + length, count: count)
        }
        return nil
    }

    /// Length of the valid UTF-8 sequence starting at `p` (a non-ASCII lead byte), or 0.
    private static func sequenceLength(_ p: UnsafePointer<UInt8>, available: Int) -> Int {
        let b0 = p[0]
        func cont(_ k: Int) -> Bool { k < available && p[k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0:
            return available > 2 && (0xA0...0xBF).contains(p[1]) && cont(2) ? 3 : 0
        case 0xED:
            return available > 2 && (0x80...0x9F).contains(p[1]) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xF0:
            return available > 3 && (0x90...0xBF).contains(p[1]) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return available > 3 && (0x80...0x8F).contains(p[1]) && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Code points of bytes 0x80...0x9F in Windows-1252 (WHATWG's table: the five unassigned
    /// bytes map to the C1 controls of the same value). 0xA0...0xFF equal Latin-1.
    private static let cp1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Appends the UTF-8 form of Windows-1252 `input` to `output`. Every byte decodes, so this
    /// never fails; ASCII (all delimiters, quotes and line breaks) passes through unchanged.
    static func transcodeWindows1252(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + input.count + input.count / 2)
        for b in input {
            if b < 0x80 {
                output.append(b)
                continue
            }
            let scalar = b < 0xA0 ? UInt32(cp1252High[Int(b - 0x80)]) : UInt32(b)
            if scalar < 0x800 {
                output.append(UInt8(0xC0 | (scalar >> 6)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (scalar >> 12)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
    }
}
