import CareAudit
import Foundation

/// Fuzz target over the reader, header mapping and record typing (scripts/fuzz builds it with
/// `-sanitize=fuzzer`). The first input byte picks the export kind and the delimiter; the rest is
/// the file. Any crash or hang is a bug, and so is a row that is neither accepted nor rejected.
let inputPath = "/dev/shm/care-audit-fuzz-\(getpid()).csv"
let configuration = Configuration()

func audit(_ data: Data) {
    guard let selector = data.first else { return }
    let kinds: [InputKind?] = [.timesheet, .billing, .roster, nil]
    let kind = kinds[Int(selector & 3)]
    var configured = configuration
    configured.input.delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")][Int((selector >> 2) & 3)]
    configured.input.encoding = selector & 16 == 0 ? .utf8 : .windows1252
    configured.input.maxFieldBytes = 4096
    let written = FileManager.default.createFile(atPath: inputPath, contents: data.dropFirst())
    precondition(written, "cannot write \(inputPath)")
    // A fresh classifier per input: its cache must not grow across millions of inputs.
    let loaded = InputLoader(configuration: configured).load([(inputPath, kind)])
    let summary = loaded.summaries[0]
    precondition(summary.rows == summary.accepted + summary.rejected, "rows read \(summary.rows) != accepted + rejected")
    precondition(summary.accepted == loaded.timeEntries.count + loaded.billingLines.count + loaded.staff.count || kind == nil,
                 "accepted rows and typed records disagree")
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point under this name; libFuzzer's driver takes over.
@_cdecl("care_audit_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { bytes, size in
        audit(bytes.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    }
}
#else
/// Without the fuzzer: replays the given files (a crash reproducer or the whole corpus).
@main
struct Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            audit(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        try? FileManager.default.removeItem(atPath: inputPath)
    }
}
#endif
