/// The result of `care-audit validate`: one summary per file, in the order given.
package struct ValidationReport: Sendable {
    package var files: [ExportSummary]

    package init(files: [ExportSummary]) { self.files = files }

    /// The worst severity across all files.
    package var worstSeverity: Severity? { files.compactMap(\.worstSeverity).max() }

    /// Problem counts by severity across all files.
    package var counts: [Severity: Int] {
        files.reduce(into: [:]) { total, file in
            for (severity, count) in file.counts { total[severity, default: 0] += count }
        }
    }
}

/// Validates exports: structure, headers, and (for files of a known kind) every value, so a CI
/// job learns about a bad date before the audit does. Files of unknown kind are checked for
/// structure only. Records are typed and dropped, never kept: memory stays flat.
package struct ExportValidator {
    package var configuration: Configuration

    package init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    package func validate(_ inputs: [(path: String, kind: InputKind?)]) -> ValidationReport {
        ValidationReport(files: InputLoader(configuration: configuration).load(inputs, keepRecords: false).summaries)
    }
}
