import CareAudit
import Foundation

/// Fuzz target over the reader, header mapping and record typing, and the whole audit
/// (scripts/fuzz builds it with `-sanitize=fuzzer`). The first input byte picks the export kind
/// and the delimiter; the rest is the file. With bit 5 of that byte set the rest is a timesheet
/// and a billing export separated by a 0x1E byte, audited by every rule and written in every
/// report format, plain and redacted. Any crash or hang is a bug, and so is a row that is
/// neither accepted nor rejected.
let inputPath = "/dev/shm/care-audit-fuzz-\(getpid()).csv"
let billingPath = "/dev/shm/care-audit-fuzz-\(getpid())-billing.csv"
let configuration = Configuration()

func audit(_ data: Data) {
    guard let selector = data.first else { return }
    let kinds: [InputKind?] = [.timesheet, .billing, .roster, nil]
    let kind = kinds[Int(selector & 3)]
    var configured = configuration
    configured.input.delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")][Int((selector >> 2) & 3)]
    configured.input.encoding = selector & 16 == 0 ? .utf8 : .windows1252
    configured.input.maxFieldBytes = 4096
    if selector & 32 != 0 {
        auditMonth(data.dropFirst(), configured)
        return
    }
    let written = FileManager.default.createFile(atPath: inputPath, contents: data.dropFirst())
    precondition(written, "cannot write \(inputPath)")
    // A fresh classifier per input: its cache must not grow across millions of inputs.
    let loaded = InputLoader(configuration: configured).load([(inputPath, kind)])
    let summary = loaded.summaries[0]
    precondition(summary.rows == summary.accepted + summary.rejected, "rows read \(summary.rows) != accepted + rejected")
    precondition(
        summary.accepted == loaded.timeEntries.count + loaded.billingLines.count + loaded.staff.count || kind == nil,
        "accepted rows and typed records disagree")
}

/// The audit command's library path on a fuzzed month: load, run every rule, render every format.
func auditMonth(_ data: Data, _ configuration: Configuration) {
    let cut = data.firstIndex(of: 0x1E) ?? data.endIndex
    let parts = [data[data.startIndex..<cut], cut < data.endIndex ? data[(cut + 1)...] : Data()[...]]
    for (part, path) in zip(parts, [inputPath, billingPath]) {
        precondition(FileManager.default.createFile(atPath: path, contents: Data(part)), "cannot write \(path)")
    }
    let classifier = Classifier(configuration: configuration)
    let loaded = InputLoader(configuration: configuration, classifier: classifier)
        .load([(inputPath, .timesheet), (billingPath, .billing)])
    for summary in loaded.summaries {
        precondition(summary.rows == summary.accepted + summary.rejected, "rows read \(summary.rows) != accepted + rejected")
    }
    let result = AuditEngine(configuration: configuration).run(loaded, classifier: classifier, hasRoster: false)
    let redacted = result.redacted(by: Redactor(key: "fuzz"))
    for format in ReportFormat.allCases {
        _ = format.auditReporter().render(result)
        _ = format.auditReporter().render(redacted)
    }
    _ = Baseline.contents(for: result.findings)
}

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func runDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

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
            try? FileManager.default.removeItem(atPath: billingPath)
        }
    }
#endif
