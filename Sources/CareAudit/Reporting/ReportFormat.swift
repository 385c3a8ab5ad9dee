import Foundation

/// The report formats. Each case names its reporter in an exhaustive switch, so adding a format
/// without a reporter does not compile.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// The format a report path's extension names (`audit.sarif`, `findings.csv`, `tests.xml` for
    /// JUnit, `summary.md`), if any.
    public init?(pathExtension path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "txt", "text": self = .text
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "csv": self = .csv
        case "md", "markdown": self = .markdown
        case "sarif": self = .sarif
        case "xml", "junit": self = .junit
        case "html", "htm": self = .html
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// For a person at a terminal (the default).
    case text
    /// `care-audit/report@2` for scripts.
    case json
    /// One finding per line, for streaming tools.
    case jsonl
    /// One row per finding (or the totals, with `--table summary`) for spreadsheets.
    case csv
    /// A summary and a findings table, for `$GITHUB_STEP_SUMMARY`.
    case markdown
    /// SARIF 2.1.0 for code-scanning dashboards.
    case sarif
    /// JUnit XML: one test case per rule.
    case junit
    /// GitHub Actions workflow annotations.
    case github
    /// One self-contained page for the monthly sign-off.
    case html
    /// An Excel workbook for working the findings (a binary file: `-o` or `--report`).
    case xlsx

    /// Whether the format is bytes for a file rather than text.
    package var isBinary: Bool { self == .xlsx }

    /// The report's bytes: the text reporter's, or the workbook.
    public func render(_ result: AuditResult, _ settings: ReportSettings = ReportSettings()) throws -> [UInt8] {
        if self == .xlsx { return try AuditXLSXWriter(invocation: settings.invocation).render(result) }
        return auditReporter(settings).bytes(result)
    }

    /// The report's bytes, handed to `output` in pieces as they are written: a JSON report of a
    /// big month (70 MB for 55,000 findings) is never held whole.
    package func write(_ result: AuditResult, _ settings: ReportSettings = ReportSettings(), to output: ([UInt8]) -> Void) throws {
        if self == .xlsx { return output(try render(result, settings)) }
        auditReporter(settings).write(result, to: output)
    }

    /// The reporter that writes an audit report in this format.
    package func auditReporter(_ settings: ReportSettings = ReportSettings()) -> any AuditReporter {
        switch self {
        case .text: AuditTextReporter(maxPerRule: settings.maxPerRule, color: settings.color)
        case .json: AuditJSONReporter()
        case .jsonl: AuditJSONLinesReporter()
        case .csv: AuditCSVReporter(table: settings.csvTable, bom: settings.bom)
        case .markdown: AuditMarkdownReporter()
        case .sarif: AuditSARIFReporter(invocation: settings.invocation)
        case .junit: AuditJUnitReporter(failOn: settings.failOn)
        case .github: AuditGitHubReporter()
        case .html: AuditHTMLReporter(invocation: settings.invocation)
        // (A workbook is bytes: `render` writes it; as text it would be its summary.)
        case .xlsx: AuditTextReporter(maxPerRule: settings.maxPerRule)
        }
    }

    /// The reporter for `care-audit validate`, where the format applies to it.
    package var validationReporter: (any ValidationReporter)? {
        switch self {
        case .text: ValidationTextReporter()
        case .json: ValidationJSONReporter()
        case .github: ValidationGitHubReporter()
        case .sarif: ValidationSARIFReporter()
        case .jsonl, .csv, .markdown, .junit, .html, .xlsx: nil
        }
    }
}

/// Choices that shape a report without changing what it says.
public struct ReportSettings: Sendable {
    /// ANSI colors in the text report (only on a terminal, never with NO_COLOR).
    public var color = false
    /// Findings shown per rule in the text report.
    public var maxPerRule = 25
    /// Start CSV with a UTF-8 byte-order mark, for Excel.
    package var bom = false
    package var csvTable = CSVTable.findings
    /// The lowest severity that fails the run (`--fail-on`; nil: nothing does). JUnit fails a
    /// rule's test case only for findings at or above it.
    public var failOn: Severity? = .error
    /// How the run was invoked, for SARIF's `invocations` and the HTML page's generation time (nil: not said).
    package var invocation: Invocation?

    public init() {}
}

/// The run as SARIF describes it: the command line (paths and options only; exports' contents
/// never appear in arguments), its exit code, and when it started and ended.
package struct Invocation: Sendable {
    package var commandLine: String
    package var exitCode: Int32
    package var start: Date
    package var end: Date

    package init(commandLine: String, exitCode: Int32, start: Date, end: Date) {
        (self.commandLine, self.exitCode, self.start, self.end) = (commandLine, exitCode, start, end)
    }
}

/// What the CSV report holds.
package enum CSVTable: String, Sendable, CaseIterable {
    /// One row per finding.
    case findings
    /// Minutes per claiming category and per staff member.
    case summary
    /// The CARE invoice worksheet: each month and category, the period, each staff member.
    case invoice
    /// The adjustments ledger: one row per minute-taking finding and entry.
    case ledger
}

/// Renders the result of `care-audit audit`.
package protocol AuditReporter {
    func render(_ result: AuditResult) -> String
    /// The report as UTF-8 bytes, handed to `output` in one piece or several; reporters that
    /// write bytes (JSON) stream them instead of building a `String`.
    func write(_ result: AuditResult, to output: ([UInt8]) -> Void)
}

extension AuditReporter {
    package func write(_ result: AuditResult, to output: ([UInt8]) -> Void) { output(Array(render(result).utf8)) }

    /// The report whole: the pieces `write` hands on, put together.
    package func bytes(_ result: AuditResult) -> [UInt8] {
        var bytes: [UInt8] = []
        write(result) { bytes += $0 }
        return bytes
    }
}

/// Renders the result of `care-audit validate`.
package protocol ValidationReporter {
    func render(_ report: ValidationReport) -> String
}

/// `1234567` → `1,234,567`: counts a finance analyst reads at a glance.
package func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return value < 0 ? "-" + out : out
}

/// Minutes as hours with two decimals, rounded half up: 90 → `1.50`, 7,200 → `120.00`.
func hoursText(_ minutes: Int) -> String {
    let hundredths = (minutes * 100 + 30) / 60
    return "\(grouped(hundredths / 100)).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}

/// "1 error", "2 warnings".
package func counted(_ count: Int, _ noun: String) -> String {
    "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
}
