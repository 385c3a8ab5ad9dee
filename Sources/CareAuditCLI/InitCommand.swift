import ArgumentParser
import CareAudit
import Foundation

/// `care-audit init`: a starter configuration written from a county's real exports.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter care-audit.yml from your exports' headers and activity codes.",
        discussion: """
        Reads the headers of each export and maps every column it recognises; lists the ones it \
        does not. Reads the timesheets' activity codes and proposes a claiming category for each \
        from its description; codes whose description matches no keyword are proposed as \
        NON_CLAIMABLE and marked REVIEW, so nothing is claimed until a person decides.

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
        if !result.codesToReview.isEmpty {
            log("review these activity codes (no description keyword matched): \(result.codesToReview.joined(separator: ", "))")
        }
    }
}
