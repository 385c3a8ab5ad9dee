import ArgumentParser
import CareAudit
import Foundation

/// `care-audit audit`: the monthly audit.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit a month of timesheets and billing for double-claimed time and compliance problems.",
        discussion: """
            Reads and validates the exports, classifies every timesheet entry into a claiming \
            category, runs every enabled rule (`care-audit rules` lists them, `care-audit explain ID` \
            explains one) and reports: first the CARE invoice net of the findings, the billing \
            exposure and the minutes pending review (docs/MONEY.md); the inputs with rows read, \
            accepted and rejected; minutes by category; the invoice worksheet by month and \
            category with the ledger of every minute removed; then every finding with the file and \
            line of each record involved.

            A quarter is one run: --period 2026-Q4 with the three months' exports.

            Without --period the audit covers the calendar month holding most records, and says so. \
            A rule that lacks the data it needs (no roster, no times) is listed as not run, with the \
            reason. Findings are sorted by severity, rule, file and line, so the same exports always \
            give the same report.

            Several reports in one run: --report csv=findings.csv --report sarif=audit.sarif (the audit \
            runs once). Month over month: --write-baseline known.txt stores today's findings; \
            --baseline known.txt then reports only new ones and says how many were suppressed. \
            --redact replaces participant ids with a keyed hash (key from CARE_AUDIT_REDACT_KEY) in \
            every report.

            Exit codes: 0 no finding at or above --fail-on; 1 findings at or above --fail-on \
            (default error); 2 the audit could not run (missing or unreadable file, unusable \
            header, bad configuration or arguments).

            Examples:
              care-audit audit --timesheets oct-time.csv --billing oct-claims.csv --roster staff.csv
              care-audit audit --timesheets t1.csv t2.csv --billing claims.csv --roster staff.csv --period 2026-10 --format json -o audit.json
            """
    )

    @OptionGroup var inputs: InputFileOptions
    @OptionGroup var dialectOptions: DialectOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var report: ReportOptions

    @Option(
        help: ArgumentHelp(
            "Audit period: a month (2026-10), a quarter (2026-Q4) or a range (2026-10-01..2026-12-31); wins over the configuration.",
            valueName: "period"))
    var period: String?

    @OptionGroup var outputs: AuditOutputOptions

    func validate() throws {
        if report.effectiveFormat.isBinary && (report.output == nil || report.output == "-") && isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("--format xlsx writes a workbook: give a file with -o audit.xlsx (or --report xlsx=audit.xlsx)")
        }
        if inputs.timesheets.isEmpty && inputs.billing.isEmpty {
            throw ValidationError("name the exports: --timesheets FILE… and/or --billing FILE… (and --roster FILE)")
        }
        if let period, Period.parse(period) == nil {
            throw ValidationError("--period '\(period)' is not a month (2026-10), a quarter (2026-Q4) or a range (2026-10-01..2026-12-31)")
        }
        let reportPaths = outputs.reports.map(\.path) + [report.output].compactMap { $0 }
        if Set(reportPaths).count != reportPaths.count {
            throw ValidationError("two reports would be written to the same file")
        }
    }

    func run() throws {
        let started = reproducibleNow()
        let phases = PhaseTimer(enabled: outputs.timings)
        let files = inputs.kindedFiles
        try requireReadable(
            files.map(\.path) + [configOptions.config].compactMap { $0 },
            notWrittenBy: [report.output, outputs.writeBaseline] + outputs.reports.map(\.path))
        var configuration = try configOptions.load(dialect: dialectOptions)
        if configuration.source == nil && !outputs.quiet {
            log(
                "note: no configuration file (no care-audit.yml here, no --config): the built-in defaults are used; `care-audit init` writes one from your exports"
            )
        }
        if let period { configuration.period = Period.parse(period) }
        let baseline = try outputs.loadBaseline()
        let review = try outputs.loadReview()
        let classifier = Classifier(configuration: configuration)
        var loader = InputLoader(configuration: configuration, classifier: classifier)
        let progress = ProgressBar.make(for: files.map(\.path), quiet: outputs.quiet)
        if let progress { loader.onBytes = { progress.advance(by: $0) } }
        loader.onPhase = phases.end
        let input = loader.load(files)
        progress?.finish()
        // A file that cannot be read, or whose header lacks required columns, cannot be trusted:
        // stop (exit 2) with its problems, the likely cause (a wrong delimiter) first.
        for summary in input.summaries {
            if let fatal = summary.fatal { throw fatal }
            let blocking = summary.blockingProblems
            if !blocking.isEmpty {
                // Under --redact nothing quoted from a file reaches stderr (a headerless export's
                // "headers" are its first data row).
                throw ProblemsFailure(problems: blocking.map { outputs.redact ? $0.withQuotesWithheld : $0 })
            }
        }
        // One root cause, one message: the same export twice, or a period the exports do not reach.
        if let (first, again) = input.sameFiles.first {
            throw CommandFailure(
                "\(again) is the same file as \(first) (same SHA-256): give each export once (two globs that overlap?); every minute would count twice"
            )
        }
        if let wanted = configuration.period, !input.holdsRecords(in: wanted) {
            let months = input.months
            if !months.isEmpty {
                let held = months.prefix(4).map { "\($0.month) (\(counted($0.records, "record")))" }.joined(separator: ", ")
                throw CommandFailure(
                    "the period \(wanted) holds no record: the exports are dated \(held)\(months.count > 4 ? " and more" : ""); did you mean --period \(months[0].month)?"
                )
            }
        }
        var engine = AuditEngine(configuration: configuration)
        engine.excluded = try outputs.excludedRules()
        engine.onPhase = phases.end
        if outputs.timings { engine.onRuleTimes = { phases.ruleTimes = $0 } }
        var result = engine.run(input, classifier: classifier, hasRoster: inputs.roster != nil)
        phases.end("result")
        if let path = outputs.writeBaseline {
            try OutputFile.write(Baseline.contents(for: result.findings), to: path)
            if !outputs.quiet { log("wrote \(result.findings.count) findings to the baseline \(path)") }
        }
        if let baseline {
            result = result.excluding(baseline)
            if !outputs.quiet { log("\(result.suppressedByBaseline) findings already in the baseline are not reported") }
        }
        if let review {
            result = result.reviewed(by: review)
            if !outputs.quiet {
                log(
                    "review: \(counted(result.decisions.count, "finding")) decided, \(result.setAside.count) set aside, \(counted(result.staleDecisions.count, "stale decision"))"
                )
            }
        }
        if outputs.redact { result = result.redacted(by: outputs.redactor()) }
        var settings = outputs.settings
        settings.failOn = report.failSeverity
        let exitCode: Int32 = report.failSeverity.map { result.hasFindings(atOrAbove: $0) } == true ? 1 : 0
        settings.invocation = Invocation(
            commandLine: (["care-audit"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            exitCode: exitCode, start: started, end: reproducibleNow())
        settings.color = outputs.useColor(writingToFile: report.output != nil, format: report.effectiveFormat)
        try OutputFile.write(to: report.output) { try report.effectiveFormat.write(result, settings, to: $0) }
        var plain = settings
        plain.color = false
        for extra in outputs.reports {
            try OutputFile.write(to: extra.path) { try extra.format.write(result, plain, to: $0) }
        }
        phases.end("reports")
        phases.print()
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
