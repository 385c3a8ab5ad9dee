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

    /// Everything read, with one summary per file (rows read = accepted + rejected). Records
    /// name their file by its position in `summaries` and their texts by id in `texts`.
    public struct Loaded: Sendable {
        public var timeEntries: [TimeEntry] = []
        public var billingLines: [BillingLine] = []
        public var staff: [StaffMember] = []
        public var summaries: [ExportSummary] = []
        public var texts = TextTable(TextInterner())
    }

    /// The typed records of one file, and the texts they refer to.
    enum Records {
        case timesheet([TimeEntry], TextInterner)
        case billing([BillingLine], TextInterner)
        case roster([StaffMember])
        case none
    }

    /// Reads and types every file. With `keepRecords` false (validation) rows are typed and
    /// checked but not kept, so memory stays flat whatever the file size.
    public func load(_ files: [(path: String, kind: InputKind?)], keepRecords: Bool = true) -> Loaded {
        let results = ParallelMap.map(Array(files.enumerated())) { index, file in
            readFile(path: file.path, kind: file.kind, index: index, keepRecords: keepRecords)
        }
        var loaded = Loaded()
        // The first file's texts become the audit's table as they are; the others' are merged
        // into it in file order and their records renumbered.
        var texts: TextInterner?
        func merge(_ other: TextInterner) -> [TextID]? {
            if texts == nil {
                texts = other
                return nil
            }
            return texts!.absorb(other)
        }
        for (summary, records) in results {
            loaded.summaries.append(summary)
            // Appending to an empty array would copy element by element; take the array instead.
            switch records {
            case .timesheet(var entries, let local):
                if let map = merge(local) { entries = entries.map { $0.remapped(map) } }
                if loaded.timeEntries.isEmpty { loaded.timeEntries = entries } else { loaded.timeEntries += entries }
            case .billing(var lines, let local):
                if let map = merge(local) { lines = lines.map { $0.remapped(map) } }
                if loaded.billingLines.isEmpty { loaded.billingLines = lines } else { loaded.billingLines += lines }
            case .roster(let staff):
                if loaded.staff.isEmpty { loaded.staff = staff } else { loaded.staff += staff }
            case .none: break
            }
        }
        if let texts { loaded.texts = TextTable(texts) }
        return loaded
    }

    func readFile(path: String, kind: InputKind?, index: Int, keepRecords: Bool) -> (ExportSummary, Records) {
        var reader = ExportReader(path: path, kind: kind, dialect: configuration.input.dialect,
                                  extraAliases: kind.flatMap { configuration.columns[$0] } ?? [:])
        reader.onBytes = onBytes
        switch kind {
        case .timesheet:
            let (summary, entries, texts) = read(reader, index, keepRecords) { $0.timeEntry($1) }
            return (summary, .timesheet(entries, texts))
        case .billing:
            let (summary, lines, texts) = read(reader, index, keepRecords) { $0.billingLine($1) }
            return (summary, .billing(lines, texts))
        case .roster:
            let (summary, staff, _) = read(reader, index, keepRecords) { $0.staffMember($1) }
            return (summary, .roster(staff))
        case nil:
            let summary = (try? reader.read()) ?? ExportSummary(path: path, kind: nil)
            return (summary, .none)
        }
    }

    private func read<T>(_ reader: ExportReader, _ index: Int, _ keep: Bool,
                         _ type: (RecordTyper, CSVRecord) -> RowResult<T>) -> (ExportSummary, [T], TextInterner) {
        var records: [T] = []
        var typer: RecordTyper?
        let summary = (try? reader.read(
            onHeader: { mapping in
                typer = RecordTyper(file: reader.path, fileIndex: index, mapping: mapping, classifier: classifier,
                                    keepsUniqueTexts: keep)
            },
            onRow: { record, _ in
                switch type(typer!, record) {
                case .accepted(let value):
                    if keep { records.append(value) }
                    return []
                case .rejected(let problems):
                    return problems
                }
            })) ?? ExportSummary(path: reader.path, kind: reader.kind)
        return (summary, records, typer?.texts ?? TextInterner())
    }
}
