import CLibCSV
import CareAudit
import Foundation

/// Development tool behind the benchmark scripts (not shipped to users):
///
///     care-audit-bench read FILE            stream FILE through the CSV reader alone
///     care-audit-bench parse FILE           libcsv's bare parse loop over FILE (counting callbacks,
///                                           no copy, no hash): the floor the audit is compared with
///     care-audit-bench generate FILE MB     write a deterministic timesheet-like CSV of MB megabytes
///
/// `read` prints one JSON line with the timing, so scripts/bench-reader can report throughput
/// without the rest of the program in the way.
let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

switch (arguments.first, arguments.count) {
case ("read", 2):
    let clock = ContinuousClock()
    var fields = 0
    let start = clock.now
    do {
        let summary = try CSVReader(path: arguments[1]).read { record in fields &+= record.count }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("{\"bytes\":\(summary.bytes),\"records\":\(summary.records),\"fields\":\(fields),\"seconds\":\(seconds)}")
    } catch {
        fail("\(error)")
    }
case ("parse", 2):
    // What libcsv itself costs: 1 MiB reads, strict mode as the reader uses it, and callbacks
    // that only count. (Its space check is turned off as the reader turns it off.)
    guard let file = fopen(arguments[1], "rb") else { fail("cannot open \(arguments[1])") }
    var parser = csv_parser()
    guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else { fail("csv_init failed") }
    csv_set_space_func(&parser, care_audit_no_spaces)
    var counts = (fields: 0, records: 0)
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
    var bytes = 0
    withUnsafeMutablePointer(to: &counts) { context in
        let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { _, _, context in
            context!.assumingMemoryBound(to: (fields: Int, records: Int).self).pointee.fields += 1
        }
        let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
            context!.assumingMemoryBound(to: (fields: Int, records: Int).self).pointee.records += 1
        }
        while true {
            let n = fread(buffer, 1, 1 << 20, file)
            if n == 0 { break }
            bytes += n
            if csv_parse(&parser, buffer, n, onField, onRecord, context) != n {
                // A strict-mode error: resume after it, as the reader does.
                csv_fini(&parser, onField, onRecord, context)
                csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL))
            }
        }
        csv_fini(&parser, onField, onRecord, context)
    }
    csv_free(&parser)
    fclose(file)
    print("{\"bytes\":\(bytes),\"records\":\(counts.records),\"fields\":\(counts.fields)}")
case ("generate", 3):
    guard let megabytes = Int(arguments[2]) else { fail("MB must be a whole number") }
    generate(path: arguments[1], bytes: megabytes * 1_000_000)
default:
    fail("usage: care-audit-bench read FILE | care-audit-bench parse FILE | care-audit-bench generate FILE MB")
}

/// Timesheet-shaped rows: 13 columns, ids with leading zeros, one description in six quoted
/// (with a comma or doubled quotes), one in a thousand holding a quoted line break.
func generate(path: String, bytes target: Int) {
    guard
        let out = FileHandle(forWritingAtPath: path)
            ?? {
                _ = FileManager.default.createFile(atPath: path, contents: nil)  // failure shows below
                return FileHandle(forWritingAtPath: path)
            }()
    else { fail("cannot write \(path)") }
    out.truncateFile(atOffset: 0)
    var state: UInt64 = 42
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    let activities = [
        "CARE court hearing", "Court report prep", "\"Outreach, engagement attempt\"",
        "Peer support session", "Documentation", "\"He said \"\"call back\"\"\"",
    ]
    var buffer = "Entry ID,Employee ID,Employee Name,Date,Start,End,Hours,Activity Code,Activity,Client ID,Program,Pay Code,Travel Min\n"
    var written = 0
    var row = 0
    while written < target {
        let hour = 7 + next(10)
        let activity = next(1000) == 0 ? "\"Court report,\nsecond line\"" : activities[next(activities.count)]
        buffer +=
            "T\(String(format: "%08d", row)),E\(1000 + next(1000)),Staff Member \(next(999)),2026-10-\(String(format: "%02d", 1 + next(31))),"
        buffer +=
            "\(String(format: "%02d", hour)):00,\(String(format: "%02d", hour + 1)):00,1.00,A\(String(format: "%02d", 1 + next(40))),\(activity),"
        buffer += "0\(100_000_000 + next(900_000_000)),CARE-\(1 + next(9)),REG,\(next(3) == 0 ? 15 : 0)\n"
        row += 1
        if buffer.utf8.count > 1 << 20 {
            written += buffer.utf8.count
            out.write(Data(buffer.utf8))
            buffer = ""
        }
    }
    out.write(Data(buffer.utf8))
    out.closeFile()
}
