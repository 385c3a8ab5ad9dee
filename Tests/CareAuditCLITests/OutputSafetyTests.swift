import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Text from an export must reach every report as text: no Markdown image, link or raw HTML, no
/// terminal escape sequence, no character XML forbids, no line break that cuts a table row.
@Suite("Output safety")
struct OutputSafetyTests {
    let arguments = ["audit", "--timesheets", CLI.fixture("hostile/output/timesheets.csv")]

    /// Bytes a terminal acts on: ESC, BEL, a CR not ending a CSV line, VT, and the bidi override.
    static func active(_ text: String) -> [String] {
        var found: [String] = []
        if text.contains("\u{1B}") { found.append("ESC") }
        if text.contains("\u{07}") { found.append("BEL") }
        if text.contains("\u{0B}") { found.append("VT") }
        if text.contains("\u{202E}") { found.append("RLO") }
        if text.replacingOccurrences(of: "\r\n", with: "\n").contains("\r") { found.append("CR") }
        return found
    }

    @Test(
        "text, GitHub, CSV and validate output carry no terminal control characters",
        arguments: ["text", "github", "csv", "json", "sarif", "html"])
    func noControls(format: String) throws {
        let result = try CLI.run(arguments + ["--format", format])
        #expect(result.status == 1)
        #expect(Self.active(result.stdout + result.stderr).isEmpty, "\(Self.active(result.stdout))")
        #expect(result.stdout.contains("␛"))  // shown, not acted on
    }

    @Test("validate's report and its compiler-style lines are printable too")
    func validate() throws {
        let result = try CLI.run(["validate", "--timesheets", CLI.fixture("hostile/output/timesheets.csv")])
        #expect(result.status == 1)
        #expect(Self.active(result.stdout + result.stderr).isEmpty)
        #expect(result.stdout.contains("Date \"2026-10-1␛[2J\" is not a date"))
    }

    @Test("Markdown: no image, link, raw HTML or autolink from input; one table row per finding")
    func markdown() throws {
        let result = try CLI.run(arguments + ["--format", "markdown"])
        let out = result.stdout
        #expect(Self.active(out).isEmpty)
        // An image or link needs an unescaped "![" or "](" (a backslash before each is text).
        #expect(out.range(of: #"(?<!\\)!(?<!\\)\["#, options: .regularExpression) == nil)
        #expect(out.range(of: #"(?<!\\)\]\("#, options: .regularExpression) == nil)
        #expect(!out.contains("<svg") && !out.contains("https://") && !out.contains("www.e"))
        #expect(out.contains("\\!\\[x\\]") && out.contains("&lt;svg onload=alert(1)&gt;"))
        let rows = out.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == 4)  // INPUT001 and three REF002, each on one line
        #expect(rows.allSatisfy { $0.hasSuffix("|") })
    }

    @Test("JUnit is well-formed XML whatever the input holds (a \\u{0B} made it ill-formed)")
    func junit() throws {
        let result = try CLI.run(arguments + ["--format", "junit"])
        let parser = XMLParser(data: Data(result.stdout.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }
}
