import ArgumentParser
import CareAudit
import Foundation

/// The exports of one audit month, by kind.
struct InputFileOptions: ParsableArguments {
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Timesheet CSV exports (one row per time entry).", valueName: "file"))
    var timesheets: [String] = []

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Billing CSV exports (one row per claim line).", valueName: "file"))
    var billing: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("The staff roster CSV (maps NPIs to staff, holds peer certificates).", valueName: "file"))
    var roster: String?

    /// The files with their kinds, in the order timesheets, billing, roster.
    var kindedFiles: [(path: String, kind: InputKind?)] {
        timesheets.map { ($0, .timesheet) } + billing.map { ($0, .billing) } + (roster.map { [($0, .roster)] } ?? [])
    }
}

/// How the CSV files are written. Each file's encoding and delimiter are detected when nothing
/// says; an option names every file, or one (`FILE=VALUE`, repeatable).
struct DialectOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Field delimiter: ',', ';', '|' or 'tab', for every file, or FILE=CHAR for one (repeatable); default: detected per file.",
            valueName: "[file=]char"))
    var delimiter: [String] = []

    @Option(
        help: ArgumentHelp(
            "Text encoding: utf-8 or windows-1252 (Excel's 'CSV (Comma delimited)'), for every file, or FILE=NAME for one, e.g. --encoding roster.csv=utf-8 (repeatable); default: detected per file (UTF-8, else Windows-1252, with a notice).",
            valueName: "[file=]name"))
    var encoding: [String] = []

    /// `VALUE` (file nil) or `FILE=VALUE`.
    static func split(_ option: String) -> (file: String?, value: String) {
        guard let equals = option.lastIndex(of: "="), equals != option.startIndex, option.index(after: equals) != option.endIndex else {
            return (nil, option)
        }
        return (String(option[..<equals]), String(option[option.index(after: equals)...]))
    }

    func validate() throws {
        for option in delimiter where CSVDialect.delimiter(named: Self.split(option).value) == nil {
            throw ValidationError("--delimiter '\(option)' is not one character; use ',', ';', '|' or 'tab' (or FILE=CHAR)")
        }
        for option in encoding where TextEncoding(name: Self.split(option).value) == nil {
            throw ValidationError("--encoding '\(option)' is not supported; use utf-8 or windows-1252 (or FILE=NAME)")
        }
    }

    /// Command-line values win over the configuration file's `input` section.
    func apply(to configuration: inout Configuration) {
        for option in delimiter {
            let (file, value) = Self.split(option)
            guard let byte = CSVDialect.delimiter(named: value) else { continue }
            if let file {
                configuration.input.perFile[file, default: .init()].delimiter = byte
            } else {
                configuration.input.delimiter = byte
            }
        }
        for option in encoding {
            let (file, value) = Self.split(option)
            guard let name = TextEncoding(name: value) else { continue }
            if let file { configuration.input.perFile[file, default: .init()].encoding = name } else { configuration.input.encoding = name }
        }
    }
}

/// Where the configuration comes from.
struct ConfigOptions: ParsableArguments {
    static let defaultFile = "care-audit.yml"

    @Option(
        help: ArgumentHelp(
            "Configuration file (default: ./care-audit.yml when present, else built-in defaults).",
            valueName: "file"))
    var config: String?

    /// The configuration: the named file, else ./care-audit.yml when present, else defaults.
    func load(dialect: DialectOptions? = nil) throws -> Configuration {
        var configuration: Configuration
        if let config {
            guard FileManager.default.fileExists(atPath: config) else {
                throw CommandFailure("\(config): no such configuration file")
            }
            configuration = try ConfigurationLoader.load(path: config)
            configuration.source = config
        } else if FileManager.default.fileExists(atPath: Self.defaultFile) {
            configuration = try ConfigurationLoader.load(path: Self.defaultFile)
            configuration.source = Self.defaultFile
        } else {
            configuration = Configuration()
        }
        dialect?.apply(to: &configuration)
        return configuration
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// Which findings make the exit code 1: a severity and above, or none (`never`, as ruff's
/// `--exit-zero`: reports are written, the run passes).
enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    var severity: Severity? { Severity(rawValue: rawValue) }
}

/// Where and how the report is written, and which problems fail the run.
struct ReportOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Report format: text, json, jsonl, csv, markdown, sarif, junit, github or html (validate: text, json, github or sarif); default: from the --output file's extension, else text.",
            valueName: "format"))
    var format: ReportFormat?

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Exit 1 when a problem at or above this severity is found: error (default), warning, info, or never.",
            valueName: "severity"))
    var failOn: FailThreshold = .error

    @Flag(help: "Exit 0 whatever is found (the same as --fail-on never); 2 still means the run failed.")
    var exitZero = false

    /// The format asked for, else the one the output's extension names, else text.
    var effectiveFormat: ReportFormat {
        format ?? output.flatMap { ReportFormat(pathExtension: $0) } ?? .text
    }

    /// The lowest severity that fails the run, or nil when nothing does.
    var failSeverity: Severity? { exitZero ? nil : failOn.severity }

    /// Checks before any work that the report can be written, in the format its name says.
    func validate() throws {
        try requireWritable(output)
        if let format, let output, let named = ReportFormat(pathExtension: output), named != format {
            throw ValidationError(
                "--format \(format.rawValue) but --output \(output) names a \(named.rawValue) file; drop one or make them agree")
        }
    }

    /// Writes `text` to the output file (through a temporary file and a rename, so nobody
    /// ever sees half a report) or to standard output.
    func write(_ text: String) throws {
        try OutputFile.write(text, to: output)
    }
}

/// Writes `text` to `output` (through a temporary file and a rename) or to standard output.
func writeReport(_ text: String, to output: String?) throws {
    try OutputFile.write(text, to: output)
}

/// Checks before any work that `output` can be written.
func requireWritable(_ output: String?, option: String = "--output") throws {
    guard let output, output != "-" else { return }
    let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
        FileManager.default.isWritableFile(atPath: folder)
    else {
        throw ValidationError("\(option) \(output): the folder \(folder) does not exist or is not writable")
    }
}

/// A failure that stops the command with exit code 2 and a one-line message.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Input problems that stop the command (exit 2), printed in the compiler-style form.
struct ProblemsFailure: Error {
    let problems: [InputProblem]
}

/// Every input file must exist and be readable before any work starts, `-` (standard input)
/// may stand for one of them, and no output may be one of them: a report written over an export
/// would destroy the data it describes.
func requireReadable(_ paths: [String], notWrittenBy outputs: [String?] = []) throws {
    if paths.filter({ $0 == "-" }).count > 1 {
        throw CommandFailure("standard input (-) can be only one of the inputs")
    }
    var inputs: [(path: String, info: stat)] = []
    for path in paths where path != "-" {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CommandFailure(errno == ENOENT ? "\(path): no such file" : "\(path): \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw CommandFailure("\(path): is a directory, not a CSV file") }
        guard access(path, R_OK) == 0 else { throw CommandFailure("\(path): permission denied") }
        inputs.append((path, info))
    }
    for case let output? in outputs where output != "-" {
        var info = stat()
        guard stat(output, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
        if let input = inputs.first(where: { $0.info.st_dev == info.st_dev && $0.info.st_ino == info.st_ino }) {
            throw CommandFailure("\(output) is the input \(input.path): refusing to write a report over an input")
        }
    }
}

/// Now, or `SOURCE_DATE_EPOCH` when it is set (reproducible builds' convention), so that reports
/// stating a time can be compared byte for byte.
func reproducibleNow() -> Date {
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
        return Date(timeIntervalSince1970: epoch)
    }
    return Date()
}

/// Writes a line to standard error: logs and progress never mix into a report.
func log(_ message: String) {
    // A failed write to stderr (a full disk) is not worth failing the command for.
    _ = Array((message + "\n").utf8).withUnsafeBytes { OutputFile.writeAll(STDERR_FILENO, $0) }
}
