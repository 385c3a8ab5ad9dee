import ArgumentParser
import CareAudit

/// `care-audit classify`: the timesheet with a claiming category on every row.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Write timesheet rows back out with their claiming category.",
        discussion: """
            Every original column is kept untouched; three are added: category (one of \
            \(ClaimingCategory.allCases.map(\.rawValue).joined(separator: ", "))), ancillary \
            (\(Ancillary.allCases.map(\.rawValue).joined(separator: ", ")) or empty) and matched_by \
            (which mapping decided). Mappings are tried in order: activity code, description \
            keywords, leave pay codes; see `care-audit config` for the ones in effect.

            The CSV is spreadsheet-safe: cells starting with =, +, -, @, TAB or CR get a leading ' \
            so Excel does not run them as formulas (plain numbers such as -12.50 stay numbers). Use \
            --bom when the file goes to Excel. A summary of rows read, written and rejected goes to \
            stderr.

            Examples:
              care-audit classify --timesheets oct-time.csv --output oct-classified.csv --bom
              care-audit classify --timesheets oct-time.csv --config care-audit.yml | qsv frequency -s category
            """
    )

    @OptionGroup var inputs: TimesheetInput
    @OptionGroup var dialectOptions: DialectOptions
    @OptionGroup var configOptions: ConfigOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write the CSV to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Start the file with a UTF-8 byte-order mark, which Excel needs to show non-ASCII text correctly.")
    var bom = false

    @Flag(name: .shortAndLong, help: "Print nothing on stderr unless something is wrong.")
    var quiet = false

    func validate() throws {
        try requireWritable(output)
    }

    func run() throws {
        try requireReadable(inputs.timesheets + [configOptions.config].compactMap { $0 }, notWrittenBy: [output])
        let configuration = try configOptions.load(dialect: dialectOptions)
        let out = try OutputFile(path: output)
        let summaries: [ExportSummary]
        do {
            if bom { try out.write(CSVWriter.byteOrderMark) }
            summaries = try TimesheetClassification(configuration: configuration).run(files: inputs.timesheets) { try out.write($0) }
            try out.finish()
        } catch let mismatch as TimesheetClassification.LayoutMismatch {
            out.abandon()
            throw CommandFailure(mismatch.description)
        } catch {
            out.abandon()
            throw error
        }
        for summary in summaries {
            for problem in summary.problems where problem.severity == .error && problem.code.isStructural {
                log(problem.formatted)
            }
            if !quiet || summary.rejected > 0 {
                log(
                    "\(summary.path): \(grouped(summary.rows)) rows read, \(grouped(summary.accepted)) classified, \(grouped(summary.rejected)) rejected"
                )
            }
        }
        // The same test as the audit's: an input it would refuse is not classified either.
        let blocked = summaries.flatMap(\.blockingProblems)
        if !blocked.isEmpty {
            for problem in blocked where !(problem.severity == .error && problem.code.isStructural) { log(problem.formatted) }
            throw ExitCode(2)
        }
    }
}

/// One or more timesheet exports (the only input `classify` needs).
struct TimesheetInput: ParsableArguments {
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Timesheet CSV exports (one row per time entry).", valueName: "file"))
    var timesheets: [String] = []

    func validate() throws {
        if timesheets.isEmpty { throw ValidationError("name the timesheets: --timesheets FILE…") }
    }
}
