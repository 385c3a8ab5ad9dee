import ArgumentParser
import CareAudit
import Foundation

/// A second (third, …) report from the same run: `--report csv=findings.csv`, or just
/// `--report audit.sarif` (the format from the extension).
struct ExtraReport: ExpressibleByArgument {
    let format: ReportFormat
    let path: String

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2, let format = ReportFormat(rawValue: parts[0].lowercased()), !parts[1].isEmpty {
            // A path whose extension names another format is a mistake, not a choice.
            if let named = ReportFormat(pathExtension: parts[1]), named != format { return nil }
            self.format = format
            path = parts[1]
        } else if parts.count == 1, let format = ReportFormat(pathExtension: argument) {
            self.format = format
            path = argument
        } else {
            return nil
        }
    }
}

extension CSVTable: ExpressibleByArgument {}

/// When the text report is colored.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// The audit's outputs beyond the main report: more formats, baseline, redaction, progress.
struct AuditOutputOptions: ParsableArguments {
    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Also write FORMAT to PATH (repeatable), e.g. --report sarif=audit.sarif, or --report audit.sarif (the format from the extension; the two must agree).",
            valueName: "[format=]path"))
    var reports: [ExtraReport] = []

    @Option(
        parsing: .singleValue,
        help: ArgumentHelp("Run only these rules (comma-separated ids, repeatable), e.g. --select DC001,DC005.", valueName: "rules"))
    var select: [String] = []

    @Option(
        parsing: .singleValue,
        help: ArgumentHelp("Do not run these rules (comma-separated ids, repeatable), e.g. --ignore REF003.", valueName: "rules"))
    var ignore: [String] = []

    @Option(help: "Color the text report: auto (only on a terminal, never with NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Findings shown per rule in the text report.", valueName: "n"))
    var maxPerRule = 25

    @Option(
        help:
            "What the CSV report holds: findings, summary (minutes per category and per staff member), invoice (the worksheet) or ledger (every minute removed)."
    )
    var table: CSVTable = .findings

    @Flag(help: "Start CSV reports with a UTF-8 byte-order mark, which Excel needs for non-ASCII text.")
    var bom = false

    @Option(help: ArgumentHelp("Report only findings not in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Write today's findings to this baseline file.", valueName: "file"))
    var writeBaseline: String?

    @Option(
        help: ArgumentHelp(
            "Review decisions: the Findings CSV (or sheet saved as CSV) with decision (confirmed, corrected, false_positive, accepted), note and reviewer filled in. False positives and accepted findings are listed apart and no longer fail the run.",
            valueName: "file"))
    var review: String?

    @Flag(help: "Replace participant ids with a keyed hash in every report (key: CARE_AUDIT_REDACT_KEY).")
    var redact = false

    @Flag(name: .shortAndLong, help: "No progress or notes on stderr.")
    var quiet = false

    @Flag(help: "Print how long each phase took (reading, merging, indexing, rules, reports; wall and CPU time) to stderr.")
    var timings = false

    /// The rules `--select` and `--ignore` leave out, with the reason the report lists.
    func excludedRules() throws -> [String: String] {
        func ids(_ values: [String], _ option: String) throws -> [String] {
            let ids = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            if let unknown = ids.first(where: { !$0.isEmpty && RuleRegistry.rule(id: $0) == nil }) {
                throw ValidationError("\(option) \(unknown): no such rule; rules: \(RuleRegistry.ids.joined(separator: ", "))")
            }
            return ids.filter { !$0.isEmpty }
        }
        let selected = try ids(select, "--select")
        let ignored = try ids(ignore, "--ignore")
        var excluded: [String: String] = [:]
        if !selected.isEmpty {
            for id in RuleRegistry.ids where !selected.contains(id) { excluded[id] = "not selected (--select)" }
        }
        for id in ignored { excluded[id] = "ignored (--ignore)" }
        return excluded
    }

    func validate() throws {
        _ = try excludedRules()
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

    func loadReview() throws -> ReviewDecisions? {
        guard let review else { return nil }
        return try ReviewDecisions.load(path: review)
    }

    func redactor() -> Redactor {
        if let key = ProcessInfo.processInfo.environment["CARE_AUDIT_REDACT_KEY"], !key.isEmpty {
            return Redactor(key: key)
        }
        log("warning: CARE_AUDIT_REDACT_KEY is not set; participant tokens use a random key and will not match other runs")
        return Redactor(key: Redactor.randomKey())
    }
}
