import Glibc

/// Where a big CSV file can be cut into parts that parse independently, so both cores read it:
/// right after a line feed with an even number of quotes before it (outside any quoted field).
/// Parts number their lines from 1; the loader shifts them by the lines of the parts before.
///
/// Quote parity is exact for well-formed CSV. A malformed file (a stray quote) can fool it; the
/// reader then notices that the part before the cut did not end between records, and the
/// loader reads the file again in one piece, so a cut never changes what is read.
enum SplitPoints {
    /// The fractions that cut a file into `count` parts of about equal size.
    static func equalFractions(_ count: Int) -> [Double] {
        (1..<max(count, 1)).map { Double($0) / Double(count) }
    }

    /// Byte ranges that end at about the given fractions of the file (ascending, below 1), and
    /// at its end; fewer when no cut point is found.
    static func parts(path: String, size: Int, endingAt fractions: [Double]) -> [Range<Int>] {
        let targets = fractions.map { Int(Double(size) * $0) }
        guard !targets.isEmpty, size > 0 else { return [0..<size] }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [0..<size] }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }

        var cuts: [Int] = []
        var target = targets[0]
        var offset = 0  // file offset of buffer[0]
        var quotes = 0  // parity is what counts
        scanning: while cuts.count < targets.count {
            let n = read(fd, buffer.baseAddress!, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            let p = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = 0
            while i < n {
                // Before the target only quotes matter.
                let skip = min(n, max(target - 1 - offset, i)) - i  // a line feed just before the target still cuts there
                if skip > 0 {
                    quotes &+= ByteScan.count(0x22, in: p + i, count: skip)
                    i += skip
                }
                guard i < n else { break }
                let c = p[i]
                i += 1
                if c == 0x22 {
                    quotes &+= 1
                } else if c == 0x0A && quotes & 1 == 0 && offset + i >= target && offset + i < size {
                    cuts.append(offset + i)
                    if cuts.count == targets.count { break scanning }
                    target = max(targets[cuts.count], offset + i + 1)
                }
            }
            offset += n
        }
        return zip([0] + cuts, cuts + [size]).map { $0..<$1 }
    }
}
