import ArgumentParser
import CareAudit
import Foundation

/// `care-audit init`: a starter configuration written from a county's real exports.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter care-audit.yml from your exports' headers and activity codes.",
        discussion: """
            Reads the headers of each export and maps every column it recognises; a required column \
            it cannot find gets the closest header, marked REVIEW; headers it does not use are \
            listed. Each timesheet activity code gets the claiming category most of its rows' \
            descriptions say, with the count and two examples; a code no description explains is \
            proposed as NON_CLAIMABLE and marked REVIEW, so nothing is claimed until a person \
            decides. Pay codes that name leave, unit rules for the billed codes whose usual unit is \
            known, and billed codes that are CARE activity codes are proposed too. The file loads as \
            written; stderr lists what to review. Exit 0 once written.

            Example:
              care-audit init --timesheets oct-time.csv --billing oct-claims.csv --roster staff.csv
            """
    )

    @OptionGroup var inputs: InputFileOptions
    @OptionGroup var dialectOptions: DialectOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the configuration.", valueName: "file"))
    var output = ConfigOptions.defaultFile

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    func validate() throws {
        if inputs.kindedFiles.isEmpty { throw ValidationError("name at least one export: --timesheets, --billing or --roster") }
        try requireWritable(output)
    }

    func run() throws {
        if output != "-" && FileManager.default.fileExists(atPath: output) && !force {
            throw CommandFailure("\(output) exists; use --force to overwrite it, or --output to write elsewhere")
        }
        let files = inputs.kindedFiles.compactMap { file in file.kind.map { (path: file.path, kind: $0) } }
        try requireReadable(files.map(\.path), notWrittenBy: [output])
        var base = Configuration()
        dialectOptions.apply(to: &base)
        let result = try StarterConfiguration(base: base).make(files)
        // Nothing to propose from a file that cannot be read or holds nothing: say so, write nothing.
        let unreadable = result.summaries.flatMap { summary in
            summary.problems.filter { $0.code == .emptyFile || (summary.fatal != nil && $0.code == summary.fatal?.code) }
        }
        if !unreadable.isEmpty { throw ProblemsFailure(problems: unreadable) }
        try writeReport(result.yaml, to: output == "-" ? nil : output)
        if output != "-" { log("wrote \(output)") }
        if result.review.isEmpty {
            log("nothing to review: every column and code was recognised")
        } else {
            log("\(counted(result.review.count, "item")) to review (marked REVIEW in \(output == "-" ? "the output" : output)):")
            for item in result.review { log("  \(item)") }
        }
    }
}
