#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a big CSV file can be cut into parts that parse independently, so both cores read it:
/// right after a line feed with an even number of quotes before it (outside any quoted field).
/// Parts number their lines from 1; the loader shifts them by the lines of the parts before.
///
/// Quote parity is exact for well-formed CSV. A malformed file (a stray quote) can fool it; the
/// reader then notices that the part before the cut did not end between records, and the
/// loader reads the file again in one piece, so a cut never changes what is read.
enum SplitPoints {
    /// Up to `count` byte ranges of about equal size (fewer when no cut point is found).
    static func parts(path: String, size: Int, count: Int) -> [Range<Int>] {
        guard count > 1, size > 0 else { return [0..<size] }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [0..<size] }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }

        var cuts: [Int] = []
        var target = size / count
        var offset = 0  // file offset of buffer[0]
        var quotes = 0  // parity is what counts
        scanning: while cuts.count < count - 1 {
            let n = read(fd, buffer.baseAddress!, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            let p = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = 0
            while i < n {
                // Before the target only quotes matter: count them a word at a time.
                while i + 8 <= n && offset + i + 8 <= target {
                    quotes &+= ByteScan.mask(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self), 0x22).nonzeroBitCount
                    i += 8
                }
                guard i < n else { break }
                let c = p[i]
                i += 1
                if c == 0x22 {
                    quotes &+= 1
                } else if c == 0x0A && quotes & 1 == 0 && offset + i >= target && offset + i < size {
                    cuts.append(offset + i)
                    if cuts.count == count - 1 { break scanning }
                    target = size * (cuts.count + 1) / count
                }
            }
            offset += n
        }
        return zip([0] + cuts, cuts + [size]).map { $0..<$1 }
    }
}
