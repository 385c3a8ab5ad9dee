import ArgumentParser
import CareAudit

/// `care-audit config`: the configuration in effect, defaults merged with the file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration as YAML (defaults merged with care-audit.yml).",
        discussion: """
            The output is a valid configuration file: save it and edit it to start from the defaults.

            Examples:
              care-audit config
              care-audit config --config county.yml > effective.yml
            """
    )

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        try writeReport(ConfigurationWriter.yaml(try configOptions.load()), to: nil)
    }
}
