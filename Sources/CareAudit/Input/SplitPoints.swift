#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a big CSV file can be cut into parts that parse independently, so both cores read it:
/// right after a line feed with an even number of quotes before it (outside any quoted field),
/// with the physical line each part starts on.
///
/// Quote parity is exact for well-formed CSV. A malformed file (a stray quote) can fool it; the
/// reader then notices that the part before the cut did not end between records, and the
/// loader reads the file again in one piece, so a cut never changes what is read.
enum SplitPoints {
    struct Part: Equatable {
        let range: Range<Int>
        let firstLine: Int
    }

    /// Up to `count` parts of about equal size (fewer when no cut point is found).
    static func parts(path: String, size: Int, count: Int) -> [Part] {
        guard count > 1, size > 0 else { return [Part(range: 0..<size, firstLine: 1)] }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [Part(range: 0..<size, firstLine: 1)] }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }

        var cuts: [(offset: Int, line: Int)] = []
        var target = size / count
        var offset = 0  // file offset of buffer[0]
        var inQuotes = false
        var breaks = 0
        var pendingCR = false
        scanning: while cuts.count < count - 1 {
            let n = read(fd, buffer.baseAddress!, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            let p = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = 0
            while i < n {
                if i + 8 <= n && !pendingCR {
                    let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                    let quotes = ByteScan.mask(w, 0x22), feeds = ByteScan.mask(w, 0x0A), returns = ByteScan.mask(w, 0x0D)
                    // A word with no LF where a cut may fall, and no CR in its last byte (whose
                    // partner is in the next word), is counted at once: LFs, plus CRs not
                    // followed by an LF (each byte's flag is its high bit; the next byte's is 8 up).
                    if returns >> 63 == 0 && (feeds == 0 || offset + i + 8 < target) {
                        if quotes.nonzeroBitCount & 1 == 1 { inQuotes.toggle() }
                        breaks += feeds.nonzeroBitCount + (returns & ~(feeds >> 8)).nonzeroBitCount
                        i += 8
                        continue
                    }
                }
                let c = p[i]
                if pendingCR {
                    pendingCR = false
                    if c != 0x0A { breaks += 1 }  // a lone CR
                }
                if c == 0x22 {
                    inQuotes.toggle()
                } else if c == 0x0D {
                    pendingCR = true
                } else if c == 0x0A {
                    breaks += 1
                    if !inQuotes && offset + i + 1 >= target && offset + i + 1 < size {
                        cuts.append((offset + i + 1, breaks + 1))
                        if cuts.count == count - 1 { break scanning }
                        target = size * (cuts.count + 1) / count
                    }
                }
                i += 1
            }
            offset += n
        }
        var parts: [Part] = []
        var start = 0, line = 1
        for cut in cuts {
            parts.append(Part(range: start..<cut.offset, firstLine: line))
            (start, line) = (cut.offset, cut.line)
        }
        parts.append(Part(range: start..<size, firstLine: line))
        return parts
    }
}
