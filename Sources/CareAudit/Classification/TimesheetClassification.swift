import Foundation

/// `care-audit classify`: the timesheet rows written back with their claiming category, every
/// original cell untouched, so a finance analyst can filter a month by category in a
/// spreadsheet and see why each row landed where it did.
package struct TimesheetClassification {
    package let configuration: Configuration
    package let classifier: Classifier
    package var writer = CSVWriter()

    package static let addedColumns = ["category", "ancillary", "matched_by"]

    package init(configuration: Configuration) {
        self.configuration = configuration
        classifier = Classifier(configuration: configuration)
    }

    /// A file whose header differs from the first file's: one output table cannot hold both.
    package struct LayoutMismatch: Error, CustomStringConvertible {
        package let file: String
        package var description: String {
            "\(file): its columns differ from the first timesheet's; classify one export layout at a time"
        }
    }

    /// Streams every well-formed row of `files` to `emit` as CSV; rows that cannot be read are
    /// counted as rejected in the summaries (with their problems), never silently dropped.
    package func run(files: [String], emit: (String) throws -> Void) throws -> [ExportSummary] {
        var summaries: [ExportSummary] = []
        var firstHeader: [String]?
        for file in files {
            // Read once, front to back, through a pinned descriptor: `-`, pipes and FIFOs work.
            let summary = try PinnedInput.reading(file, kind: .timesheet, configuration: configuration) { reader in
                var columns: (code: Int?, description: Int?, pay: Int?) = (nil, nil, nil)
                return try reader.read(
                    onHeader: { mapping in
                        if let firstHeader {
                            guard firstHeader == mapping.headers else { throw LayoutMismatch(file: file) }
                        } else {
                            firstHeader = mapping.headers
                            try emit(writer.record(mapping.headers + Self.addedColumns))
                        }
                        columns = (
                            mapping.index(of: .activityCode), mapping.index(of: .activityDescription),
                            mapping.index(of: .payCode)
                        )
                    },
                    onRow: { record in
                        func cell(_ index: Int?) -> String {
                            guard let index, index < record.count else { return "" }
                            return record.string(index).trimmingCharacters(in: .whitespaces)
                        }
                        let result = classifier.classify(
                            activityCode: cell(columns.code), description: cell(columns.description),
                            payCode: cell(columns.pay))
                        let cells = record.strings + [result.category.rawValue, result.ancillary?.rawValue ?? "", result.matchedBy]
                        try emit(writer.record(cells))
                        return []
                    })
            }
            summaries.append(summary)
        }
        return summaries
    }
}
