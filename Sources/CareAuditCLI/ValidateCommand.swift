import ArgumentParser
import CareAudit

/// `care-audit validate`: is each export readable, well-formed and complete enough to audit?
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the structure and headers of CSV exports before an audit.",
        discussion: """
            Reads every file once, streaming (a 500 MB export is never held in memory), and prints \
            for each: rows, columns, bytes, SHA-256, blank lines skipped, rows accepted and rejected, \
            then every problem as file:line:column: severity: message [code]. Column is the 1-based \
            field position (column C = 3); 0 means the whole line.

            Files given with --timesheets, --billing or --roster are also checked for the columns \
            that kind of export needs, and every value is typed (dates, times, durations, amounts, \
            codes), so a bad date is caught here before the audit. Files given as plain arguments \
            are checked for structure only.

            Problem codes: \(ProblemCode.allCases.map(\.rawValue).joined(separator: ", ")).

            Examples:
              care-audit validate --timesheets oct-time.csv --billing oct-claims.csv --roster staff.csv
              care-audit validate export.csv --delimiter ';' --encoding windows-1252
              care-audit validate --billing claims.csv --format json --output validation.json
            """
    )

    @Argument(help: ArgumentHelp("CSV files to check for structure only.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var inputs: InputFileOptions
    @OptionGroup var dialectOptions: DialectOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var report: ReportOptions

    func validate() throws {
        if report.effectiveFormat.validationReporter == nil {
            throw ValidationError("validate writes text, json, github or sarif, not \(report.effectiveFormat.rawValue)")
        }
        if files.isEmpty && inputs.kindedFiles.isEmpty {
            throw ValidationError("name at least one file: care-audit validate FILE, or --timesheets/--billing/--roster")
        }
    }

    func run() throws {
        let all = inputs.kindedFiles + files.map { ($0, nil) }
        try requireReadable(all.map(\.path) + [configOptions.config].compactMap { $0 }, notWrittenBy: [report.output])
        let configuration = try configOptions.load(dialect: dialectOptions)
        let result = ExportValidator(configuration: configuration).validate(all)
        try report.write(report.effectiveFormat.validationReporter!.render(result))
        // The audit's and classify's test: a file the audit would refuse is exit 2 here too (its
        // problems are in the report just written).
        if result.files.contains(where: { !$0.blockingProblems.isEmpty }) {
            throw ExitCode(2)
        }
        if let worst = result.worstSeverity, let severity = report.failSeverity, worst >= severity {
            throw ExitCode(1)
        }
    }
}
