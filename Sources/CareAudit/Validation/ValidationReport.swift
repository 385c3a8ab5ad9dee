/// The result of `care-audit validate`: one summary per file, in the order given.
public struct ValidationReport: Sendable {
    public var files: [ExportSummary]

    public init(files: [ExportSummary]) { self.files = files }

    /// The worst severity across all files.
    public var worstSeverity: Severity? { files.compactMap(\.worstSeverity).max() }

    /// Problem counts by severity across all files.
    public var counts: [Severity: Int] {
        files.reduce(into: [:]) { total, file in
            for (severity, count) in file.counts { total[severity, default: 0] += count }
        }
    }
}

/// Validates exports by kind; files of unknown kind are checked for structure only.
public struct ExportValidator {
    public var dialect: CSVDialect
    public var extraAliases: [InputKind: [String: String]]

    public init(dialect: CSVDialect = CSVDialect(), extraAliases: [InputKind: [String: String]] = [:]) {
        self.dialect = dialect
        self.extraAliases = extraAliases
    }

    /// Reads every file (two at a time: the machine has two cores) and keeps the given order.
    public func validate(_ inputs: [(path: String, kind: InputKind?)]) -> ValidationReport {
        let results = ParallelMap.map(inputs) { input in
            (try? ExportReader(path: input.path, kind: input.kind, dialect: dialect,
                               extraAliases: input.kind.flatMap { extraAliases[$0] } ?? [:]).read())
                ?? ExportSummary(path: input.path, kind: input.kind)
        }
        return ValidationReport(files: results)
    }
}
