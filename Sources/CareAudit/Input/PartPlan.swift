import Foundation
import Glibc

/// Where to cut the files so that both cores finish reading together.
///
/// Parts cost something: each part interns its texts afresh, and its texts are merged into the
/// others' afterwards (every distinct value looked up). So only the biggest file is cut, and
/// into as few parts as fill the gaps the other files leave: with a whole billing export on one
/// core, a timesheet export of two thirds of the work is cut into one part as long as the
/// billing export plus the balance, and one part that tops up the billing core. Two files of
/// equal work are read whole, one per core.
enum PartPlan {
    /// For each file, the fractions of its bytes where its parts end (ascending, without the
    /// final 1; empty: read whole), from each file's work (`work(path:size:delimiter:)`).
    /// `splittable` says which files may be cut at all.
    static func cuts(
        work: [Double], splittable: [Bool],
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> [[Double]] {
        var cuts = [[Double]](repeating: [], count: work.count)
        guard workers > 1,
            let biggest = work.indices.filter({ splittable[$0] }).max(by: { (work[$0], $1) < (work[$1], $0) }),
            work[biggest] > 0
        else { return cuts }
        // The other jobs as the loader will run them (biggest first, on the core free soonest),
        // then the gap each core leaves below an even share. (A split file's hash is taken while
        // the pieces are merged, not while reading.)
        let others = work.indices.filter { $0 != biggest }.map { work[$0] }
        var loads = [Double](repeating: 0, count: workers)
        for job in others.sorted(by: >) { loads[loads.indices.min { loads[$0] < loads[$1] }!] += job }
        let share = (others.reduce(0, +) + work[biggest]) / Double(workers)
        var gaps = loads.map { max(share - $0, 0) }.filter { $0 > 0 }.sorted(by: >)
        let sum = gaps.reduce(0, +)
        gaps = gaps.map { $0 / sum }  // fractions of the file (a core already past its share gets none)
        // A sliver is not worth a part of its own: give it to the biggest.
        while gaps.count > 1, let last = gaps.last, last < 0.05 {
            gaps.removeLast()
            gaps[0] += last
        }
        guard gaps.count > 1 else { return cuts }
        var end = 0.0
        cuts[biggest] = gaps.dropLast().map {
            end += $0
            return end
        }
        return cuts
    }

    /// The work of reading a file, in fields: reading and typing cost about the same per field
    /// whatever the export (a billing line has more, shorter fields than a time entry), so the
    /// size is weighed by how many delimiters and line feeds its first 64 KiB hold.
    static func work(path: String, size: Int, delimiter: UInt8) -> Double {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return Double(size) }
        defer { close(fd) }
        let sample = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { sample.deallocate() }
        let n = read(fd, sample.baseAddress!, sample.count)
        guard n > 0 else { return Double(size) }
        let bytes = UnsafeRawBufferPointer(rebasing: sample[0..<n])
        let separators = bytes.reduce(0) { $0 + ($1 == delimiter || $1 == 0x0A ? 1 : 0) }
        return Double(size) * Double(max(separators, 1)) / Double(n)
    }
}
