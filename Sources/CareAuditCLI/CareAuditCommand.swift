import ArgumentParser
import CareAudit
import Foundation

/// The `care-audit` root command: a home for the subcommands and the tool's one-paragraph pitch.
public struct CareAuditCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "care-audit",
        abstract: "Audit CARE Act timesheets and Medi-Cal billing exports for double-claimed time.",
        discussion: """
            care-audit reads a month of timesheet CSV exports, Medi-Cal billing CSV exports and a \
            staff roster, classifies each activity into a CARE Act claiming category, and reports \
            time that is claimed twice and the other problems auditors look for.

            Exit codes: 0 clean; 1 problems at or above --fail-on (default error); 2 could not run \
            (unreadable input, bad configuration, bad arguments).
            """,
        version: CareAuditVersion.current,
        subcommands: [
            AuditCommand.self, ValidateCommand.self, ClassifyCommand.self, RulesCommand.self, ExplainCommand.self,
            InitCommand.self, ConfigCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line with care-audit's exit codes: argument errors exit 2, not
    /// ArgumentParser's 64, and no failure ever escapes as a crash.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        TemporaryFiles.removeOnSignals()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let failure as CommandFailure {
            log("care-audit: error: \(failure.description)")
            Foundation.exit(2)
        } catch let failure as ProblemsFailure {
            for problem in failure.problems { log(problem.formatted) }
            Foundation.exit(2)
        } catch let error as ConfigurationError {
            log(error.description)
            Foundation.exit(2)
        } catch let error as InputError {
            log(error.description)
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            log(fullMessage(for: error))
            log("Run 'care-audit --help' for usage.")
            Foundation.exit(2)
        }
    }
}
