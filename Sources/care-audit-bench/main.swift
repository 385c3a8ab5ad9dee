import CareAudit
import Foundation

/// Development tool for the benchmark scripts: `care-audit-bench read FILE` streams FILE through
/// the CSV reader alone and prints one JSON line with the timing, so scripts/bench-reader can
/// report throughput without the rest of the program in the way.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, arguments.first == "read", let path = arguments.last else {
    FileHandle.standardError.write(Data("usage: care-audit-bench read FILE\n".utf8))
    exit(2)
}
let clock = ContinuousClock()
var fields = 0
let start = clock.now
do {
    let summary = try CSVReader(path: path).read { record in fields &+= record.count }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("{\"bytes\":\(summary.bytes),\"records\":\(summary.records),\"fields\":\(fields),\"seconds\":\(seconds)}")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
