/// Reads a month of exports into typed, classified records: every file streamed once, files
/// read two at a time (the machine has two cores), results merged in the order given so the
/// output never depends on thread timing.
public struct InputLoader {
    public let configuration: Configuration
    public let classifier: Classifier
    /// Called as bytes are read, from the reading threads (progress display).
    public var onBytes: (@Sendable (Int) -> Void)?

    public init(configuration: Configuration, classifier: Classifier? = nil) {
        self.configuration = configuration
        self.classifier = classifier ?? Classifier(configuration: configuration)
    }

    /// Everything read, with one summary per file (rows read = accepted + rejected).
    public struct Loaded: Sendable {
        public var timeEntries: [TimeEntry] = []
        public var billingLines: [BillingLine] = []
        public var staff: [StaffMember] = []
        public var summaries: [ExportSummary] = []
    }

    /// The typed records of one file.
    enum Records {
        case timesheet([TimeEntry])
        case billing([BillingLine])
        case roster([StaffMember])
        case none
    }

    /// Reads and types every file. With `keepRecords` false (validation) rows are typed and
    /// checked but not kept, so memory stays flat whatever the file size.
    public func load(_ files: [(path: String, kind: InputKind?)], keepRecords: Bool = true) -> Loaded {
        let results = ParallelMap.map(files) { file in
            readFile(path: file.path, kind: file.kind, keepRecords: keepRecords)
        }
        var loaded = Loaded()
        for (summary, records) in results {
            loaded.summaries.append(summary)
            // Appending to an empty array would copy element by element; take the array instead.
            switch records {
            case .timesheet(let entries):
                if loaded.timeEntries.isEmpty { loaded.timeEntries = entries } else { loaded.timeEntries += entries }
            case .billing(let lines):
                if loaded.billingLines.isEmpty { loaded.billingLines = lines } else { loaded.billingLines += lines }
            case .roster(let staff):
                if loaded.staff.isEmpty { loaded.staff = staff } else { loaded.staff += staff }
            case .none: break
            }
        }
        return loaded
    }

    func readFile(path: String, kind: InputKind?, keepRecords: Bool) -> (ExportSummary, Records) {
        var reader = ExportReader(path: path, kind: kind, dialect: configuration.input.dialect,
                                  extraAliases: kind.flatMap { configuration.columns[$0] } ?? [:])
        reader.onBytes = onBytes
        switch kind {
        case .timesheet:
            let (summary, entries) = read(reader, keepRecords) { $0.timeEntry($1) }
            return (summary, .timesheet(entries))
        case .billing:
            let (summary, lines) = read(reader, keepRecords) { $0.billingLine($1) }
            return (summary, .billing(lines))
        case .roster:
            let (summary, staff) = read(reader, keepRecords) { $0.staffMember($1) }
            return (summary, .roster(staff))
        case nil:
            let summary = (try? reader.read()) ?? ExportSummary(path: path, kind: nil)
            return (summary, .none)
        }
    }

    private func read<T>(_ reader: ExportReader, _ keep: Bool,
                         _ type: (RecordTyper, CSVRecord) -> RowResult<T>) -> (ExportSummary, [T]) {
        var records: [T] = []
        var typer: RecordTyper?
        let summary = (try? reader.read(
            onHeader: { mapping in typer = RecordTyper(file: reader.path, mapping: mapping, classifier: classifier) },
            onRow: { record, _ in
                switch type(typer!, record) {
                case .accepted(let value):
                    if keep { records.append(value) }
                    return []
                case .rejected(let problems):
                    return problems
                }
            })) ?? ExportSummary(path: reader.path, kind: reader.kind)
        return (summary, records)
    }
}
