import ArgumentParser
import CareAudit
import Foundation

/// `care-audit-synth`: writes a synthetic county month (timesheets, billing, roster and a
/// matching care-audit.yml), clean by construction, optionally with planted problems and the
/// list of findings they must produce. Deterministic for a given seed.
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "care-audit-synth",
        abstract: "Generate a synthetic CARE month for examples, tests and benchmarks.",
        discussion: """
            Clean by construction: every staff day is contiguous, every direct service is billed \
            once with the timesheet's times and 7/7 units, every certificate is valid. --plant adds \
            one or more problems per rule on separate staff members and writes \
            expected-findings.json (rule and file:line of every record involved).

            Examples:
              care-audit-synth --output examples/county-month --staff 40 --timesheet-rows 4000 --plant
              care-audit-synth --output bench-data/1m --timesheet-rows 1000000
              care-audit-synth --output /tmp/alt --dialect alternate --plant
            """
    )

    @Option(help: "Folder to write into (created if missing).")
    var output: String

    @Option(help: "Random seed; the same seed writes the same files.")
    var seed: UInt64 = 2026

    @Option(help: "Staff members (raised when needed to reach --timesheet-rows).")
    var staff = 40

    @Option(help: "Approximate number of timesheet rows.")
    var timesheetRows = 4_000

    @Option(help: "The month to generate, YYYY-MM.")
    var month = "2026-10"

    @Flag(help: "Plant problems for every rule and write expected-findings.json.")
    var plant = false

    @Option(
        help: """
            standard (ISO dates, 24-hour times), alternate (other headers, US dates, 12-hour times with AM/PM and a.m./p.m., \
            $ amounts, notes with commas and line breaks, NPI-only billing) or durations (standard, timesheets with hours only).
            """)
    var dialect: SynthDialect = .standard

    func validate() throws {
        guard Period.parse(month) != nil, !month.contains("..") else { throw ValidationError("--month must be YYYY-MM") }
        guard timesheetRows > 0, staff > 0 else { throw ValidationError("--staff and --timesheet-rows must be positive") }
        guard !(plant && dialect == .durations) else {
            throw ValidationError("--plant needs timesheet times (the planted overlaps are in them); use standard or alternate")
        }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        var generator = MonthGenerator(period: Period.parse(month)!, seed: seed, dialect: dialect, folder: output)
        try generator.generate(staff: staff, timesheetRows: timesheetRows, plant: plant)
        FileHandle.standardError.write(Data(generator.summary.utf8))
    }
}

enum SynthDialect: String, ExpressibleByArgument, CaseIterable {
    case standard
    case alternate
    case durations
}

Synth.main()
