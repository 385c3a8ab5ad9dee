import Foundation
import Testing

/// `--redact` must let no participant id out: not from the id column, not from free text, not
/// from a bad value quoted in a message, not from a headerless export's first row on stderr, and
/// not through the baseline file's fingerprints.
@Suite("Redaction leaks nothing")
struct RedactionTests {
    static let folder = "hostile/phi/"
    /// Every id planted in the fixture: in the participant columns, in descriptions, in a date
    /// and a status column, and in a headerless export.
    static let planted = [
        "141414141A", "151515151B", "161616161C", "171717171D", "181818181E", "191919191F",
        "202020202G", "212121212H", "222222222J", "232323232K", "242424242L", "252525252M",
    ]
    let month = [
        "--timesheets", CLI.fixture(folder + "timesheets.csv"), "--billing", CLI.fixture(folder + "billing.csv"),
        "--config", CLI.fixture(folder + "care-audit.yml"),
    ]
    let key = ["CARE_AUDIT_REDACT_KEY": "test-key"]

    static func leaks(_ text: String) -> [String] { planted.filter { text.contains($0) } }

    @Test("every report format, and stderr, with --redact: none of the planted ids")
    func everyFormat() throws {
        let plain = try CLI.run(["audit"] + month)
        // The planted ids are there to find without --redact (else the test proves nothing).
        #expect(Set(Self.leaks(plain.stdout)).isSuperset(of: ["141414141A", "151515151B", "161616161C", "171717171D", "181818181E"]))
        for format in ["text", "json", "jsonl", "csv", "markdown", "sarif", "junit", "github", "html"] {
            let result = try CLI.run(["audit", "--redact", "--format", format] + month, environment: key)
            #expect(result.status == 1, "\(format)")
            #expect(Self.leaks(result.stdout + result.stderr).isEmpty, "\(format): \(Self.leaks(result.stdout + result.stderr))")
        }
        let summary = try CLI.run(["audit", "--redact", "--format", "csv", "--table", "summary"] + month, environment: key)
        #expect(Self.leaks(summary.stdout + summary.stderr).isEmpty)
    }

    @Test("a headerless export: its first data row is not printed on stderr under --redact")
    func headerless() throws {
        let arguments = ["audit", "--timesheets", CLI.fixture(Self.folder + "headerless.csv")]
        let plain = try CLI.run(arguments)
        #expect(plain.status == 2 && plain.stderr.contains("141414141A"))
        let redacted = try CLI.run(arguments + ["--redact"], environment: key)
        #expect(redacted.status == 2)
        #expect(redacted.stderr.contains("has no staff_id column"))
        #expect(Self.leaks(redacted.stderr).isEmpty, "\(redacted.stderr)")
    }

    @Test("baseline fingerprints do not depend on participant ids or quoted text, so they give none back")
    func baseline() throws {
        let dir = try CLI.temporaryDirectory()
        var baselines: [String] = []
        for (index, replacement) in [nil, "999999999Z"].enumerated() {
            var arguments = month
            if let replacement {
                // The same month with every planted id replaced by another.
                for name in ["timesheets.csv", "billing.csv"] {
                    var text = try String(contentsOfFile: CLI.fixture(Self.folder + name), encoding: .utf8)
                    for id in Self.planted { text = text.replacingOccurrences(of: id, with: replacement + id.suffix(1)) }
                    let copy = dir.appendingPathComponent(name)
                    try text.write(to: copy, atomically: true, encoding: .utf8)
                    arguments[arguments.firstIndex(of: CLI.fixture(Self.folder + name))!] = copy.path
                }
            }
            let file = dir.appendingPathComponent("baseline-\(index).txt").path
            let result = try CLI.run(["audit", "--redact", "--write-baseline", file] + arguments, environment: key)
            #expect(result.status == 1)
            let contents = try String(contentsOfFile: file, encoding: .utf8)
            #expect(contents.hasPrefix("# care-audit baseline v2"))
            baselines.append(contents)
        }
        #expect(baselines[0] == baselines[1])
    }
}
