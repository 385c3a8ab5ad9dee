import ArgumentParser
import CareAudit
import Foundation

/// A second (third, …) report from the same run: `--report csv=findings.csv`.
struct ExtraReport: ExpressibleByArgument {
    let format: ReportFormat
    let path: String

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let format = ReportFormat(rawValue: parts[0].lowercased()), !parts[1].isEmpty else { return nil }
        self.format = format
        path = parts[1]
    }
}

extension CSVTable: ExpressibleByArgument {}

/// When the text report is colored.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// The audit's outputs beyond the main report: more formats, baseline, redaction, progress.
struct AuditOutputOptions: ParsableArguments {
    @Option(name: .customLong("report"),
            help: ArgumentHelp("Also write FORMAT to PATH (repeatable), e.g. --report sarif=audit.sarif.", valueName: "format=path"))
    var reports: [ExtraReport] = []

    @Option(help: "Color the text report: auto (only on a terminal, never with NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Findings shown per rule in the text report.", valueName: "n"))
    var maxPerRule = 25

    @Option(help: "What the CSV report holds: findings, or summary (minutes per category and per staff member).")
    var table: CSVTable = .findings

    @Flag(help: "Start CSV reports with a UTF-8 byte-order mark, which Excel needs for non-ASCII text.")
    var bom = false

    @Option(help: ArgumentHelp("Report only findings not in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Write today's findings to this baseline file.", valueName: "file"))
    var writeBaseline: String?

    @Flag(help: "Replace participant ids with a keyed hash in every report (key: CARE_AUDIT_REDACT_KEY).")
    var redact = false

    @Flag(name: .shortAndLong, help: "No progress or notes on stderr.")
    var quiet = false

    @Flag(help: "Print how long each phase took (reading, merging, indexing, rules, reports; wall and CPU time) to stderr.")
    var timings = false

    func validate() throws {
        for extra in reports { try requireWritable(extra.path, option: "--report") }
        try requireWritable(writeBaseline, option: "--write-baseline")
        if maxPerRule < 1 { throw ValidationError("--max-per-rule must be at least 1") }
    }

    var settings: ReportSettings {
        var settings = ReportSettings()
        settings.maxPerRule = maxPerRule
        settings.bom = bom
        settings.csvTable = table
        return settings
    }

    func useColor(writingToFile: Bool, format: ReportFormat) -> Bool {
        guard format == .text else { return false }
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            return !writingToFile && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }

    func loadBaseline() throws -> Baseline? {
        guard let baseline else { return nil }
        guard let data = FileManager.default.contents(atPath: baseline) else {
            throw CommandFailure("\(baseline): cannot read the baseline file")
        }
        return try Baseline(contents: String(decoding: data, as: UTF8.self), file: baseline)
    }

    func redactor() -> Redactor {
        if let key = ProcessInfo.processInfo.environment["CARE_AUDIT_REDACT_KEY"], !key.isEmpty {
            return Redactor(key: key)
        }
        log("warning: CARE_AUDIT_REDACT_KEY is not set; participant tokens use a random key and will not match other runs")
        return Redactor(key: Redactor.randomKey())
    }
}
