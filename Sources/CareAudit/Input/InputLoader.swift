import Foundation

/// Reads a month of exports into typed, classified records, on both cores: files are read
/// concurrently, and a big file is cut into parts (at line starts outside quotes, see
/// `SplitPoints`) read concurrently too. Results are merged in the order given, parts in file
/// order, so the output never depends on thread timing.
public struct InputLoader {
    package let configuration: Configuration
    package let classifier: Classifier
    /// Called as bytes are read, from the reading threads (progress display).
    public var onBytes: (@Sendable (Int) -> Void)?
    /// Called as each phase ends ("read", then "merge"), for `--timings`.
    package var onPhase: ((String) -> Void)?
    /// Only files at least this big are read in parts.
    package var splitBytes = 16 << 20
    /// Parts per big file; nil lets `PartPlan` choose (tests force a number).
    package var parts: Int?

    public init(configuration: Configuration, classifier: Classifier? = nil) {
        self.configuration = configuration
        self.classifier = classifier ?? Classifier(configuration: configuration)
    }

    /// Everything read, with one summary per file (rows read = accepted + rejected). Records
    /// name their file by its position in `summaries` and their texts by id in `texts`.
    /// The typed records of one file or part, and the texts they refer to (a struct of arrays,
    /// so the merge can move each array out without copying it).
    struct Records {
        var entries: [TimeEntry] = []
        var lines: [BillingLine] = []
        var staff: [StaffMember] = []
        var texts: TextInterner?
        /// Lines before this part of its file (its records count lines from 1).
        var lineOffset = 0
    }

    /// One unit of reading work: a whole file, or one part of a file read in parts.
    private enum Job {
        case whole(Int)
        case part(Int, ExportReader.Part)

        /// The input the job reads.
        var file: Int {
            switch self {
            case .whole(let index), .part(let index, _): index
            }
        }
    }

    /// Reads and types every file. With `keepRecords` false (validation) rows are typed and
    /// checked but not kept, so memory stays flat whatever the file size.
    public func load(_ given: [(path: String, kind: InputKind?)], keepRecords: Bool = true) -> AuditInput {
        // Each input is opened once, and read from then on only through that descriptor.
        let pins = given.map { file in
            Result { () throws(InputError) in
                try PinnedInput(
                    file.path, streamLimit: configuration.input.maxStreamBytes,
                    maxRecordBytes: configuration.input.maxRecordBytes)
            }
        }
        defer { for case .success(let pin) in pins { pin.close() } }
        let files = zip(given, pins).map { file, pin -> Source in
            guard case .success(let pinned) = pin else {
                let error: InputError? = if case .failure(let error) = pin { error } else { nil }
                return Source(path: file.path, kind: file.kind, openPath: "", dialect: configuration.input.dialect, pinError: error)
            }
            // What the first bytes say: not a CSV at all, or its encoding and delimiter.
            let chosen = configuration.input.chosen(for: file.path)
            switch ExportSniffer.sniff(
                openPath: pinned.readPath, name: file.path,
                detectEncoding: chosen.encoding == nil, detectDelimiter: chosen.delimiter == nil)
            {
            case .failure(let error):
                return Source(
                    path: file.path, kind: file.kind, openPath: pinned.readPath, dialect: configuration.input.dialect, pinError: error)
            case .success(let sniffed):
                return Source(
                    path: file.path, kind: file.kind, openPath: pinned.readPath,
                    dialect: configuration.input.dialect(for: file.path, sniffed: sniffed), pinError: nil, notes: sniffed.notes)
            }
        }
        // Plan: the biggest jobs first, so the two cores finish together.
        let sizes = files.map { fileSize($0.openPath) }
        let work = zip(files, sizes).map { PartPlan.work(path: $0.openPath, size: $1, delimiter: $0.dialect.delimiter) }
        let splittable = zip(files, sizes).map { self.splittable($0, size: $1) }
        let fractions =
            parts.map { count in splittable.map { $0 ? SplitPoints.equalFractions(count) : [] } }
            ?? PartPlan.cuts(work: work, splittable: splittable)
        var jobs: [(job: Job, cost: Double)] = []
        for (index, ends) in fractions.enumerated() {
            let parts = split(files[index], size: sizes[index], endingAt: ends)
            if parts.isEmpty {
                jobs.append((.whole(index), work[index]))
            } else {
                jobs += parts.map { (.part(index, $0), work[index] * Double($0.range.count) / Double(max(sizes[index], 1))) }
            }
        }
        let ordered = jobs.indices.sorted { (-jobs[$0].cost, $0) < (-jobs[$1].cost, $1) }
        var outcomes = ParallelMap.map(ordered) { position -> (ExportSummary, Records) in
            switch jobs[position].job {
            case .whole(let index): readFile(files[index], index: index, part: nil, keepRecords: keepRecords)
            case .part(let index, let part): readFile(files[index], index: index, part: part, keepRecords: keepRecords)
            }
        }
        onPhase?("read")
        var outcome = [(ExportSummary, Records)?](repeating: nil, count: jobs.count)
        for (position, result) in zip(ordered, outcomes) { outcome[position] = result }
        // Records are moved on from here, never held twice: each holder lets go as it passes them.
        outcomes.removeAll()

        // Per file, in order: its summary and the records of each of its parts.
        var pieces: [Records] = []
        var summaries: [ExportSummary] = []
        var unhashed: [Int] = []  // files read in parts: hashed while the pieces are merged
        var position = 0
        for (index, file) in files.enumerated() {
            var reads: [(ExportSummary, Records)] = []
            while position < jobs.count, jobs[position].job.file == index {
                if let read = outcome[position].take() { reads.append(read) }
                position += 1
            }
            if reads.count == 1 {
                summaries.append(reads[0].0)
                pieces.append(reads[0].1)
            } else if Self.partsAreSound(reads.map(\.0)) {
                // Each part counted its lines from 1: shift it by the lines of the parts before.
                var offsets = [0]
                for (summary, _) in reads.dropLast() { offsets.append(offsets.last! + summary.lines) }
                var summary = ExportSummary.merging(
                    reads.map(\.0), lineOffsets: offsets, sha256: "",
                    problemLimit: ExportReader.defaultProblemLimit)
                summary.finish(problemLimit: ExportReader.defaultProblemLimit)
                summaries.append(summary)
                unhashed.append(index)
                for ((_, records), offset) in zip(reads, offsets) {
                    var records = records
                    records.lineOffset = offset
                    pieces.append(records)
                }
            } else {
                // A cut fell where the file was not between records (a stray quote fooled the
                // quote count): read it again in one piece.
                let (summary, records) = readFile(file, index: index, part: nil, keepRecords: keepRecords)
                summaries.append(summary)
                pieces.append(records)
            }
        }
        // The merge runs mostly on one core: the other hashes the files read in parts.
        var (digests, input) = ParallelMap.pair(
            { unhashed.map { (try? CSVReader.sha256(path: files[$0].openPath)) ?? "" } },
            { merge(&pieces, summaries: summaries) })
        for (index, digest) in zip(unhashed, digests) { input.summaries[index].sha256 = digest }
        Self.noteRepeatedRecordIDs(&input)
        for (index, file) in files.enumerated() {
            for note in file.notes {
                input.summaries[index].add(
                    InputProblem(file: file.path, line: 1, column: 0, severity: .info, code: .detectedDialect, message: note),
                    limit: ExportReader.defaultProblemLimit)
            }
        }
        // What was read is only trustworthy if it is still what the name points at.
        for (index, pin) in pins.enumerated() {
            guard case .success(let pin) = pin, let change = pin.change() else { continue }
            let error = InputError(file: pin.name, code: .changedWhileRead, message: change)
            input.summaries[index].fatal = error
            input.summaries[index].add(
                InputProblem(file: pin.name, line: 1, column: 0, code: error.code, message: change),
                limit: ExportReader.defaultProblemLimit)
        }
        onPhase?("merge")
        return input
    }

    /// With several timesheet files, an entry id already used in another file is a warning on
    /// the later one (a re-export overlapping the last, or two systems numbering alike); the
    /// entries are still read, and TS001 names any overlap they make. O(n), only with two files.
    static func noteRepeatedRecordIDs(_ input: inout AuditInput) {
        let timesheets = input.summaries.indices.filter { input.summaries[$0].kind == .timesheet }
        guard timesheets.count > 1 else { return }
        // By text: each file's texts were interned apart, so one id may have two numbers.
        var firstFile: [String: (file: UInt32, line: UInt32)] = [:]
        var repeats: [Int: (count: Int, example: (id: TextID, line: UInt32, other: (file: UInt32, line: UInt32)))] = [:]
        for entry in input.timeEntries where !entry.recordID.isEmpty {
            let id = input.texts[entry.recordID]
            guard let seen = firstFile[id] else {
                firstFile[id] = (entry.row.file, entry.row.line)
                continue
            }
            guard seen.file != entry.row.file else { continue }
            let file = Int(entry.row.file)
            repeats[file] = ((repeats[file]?.count ?? 0) + 1, repeats[file]?.example ?? (entry.recordID, entry.row.line, seen))
        }
        for (file, found) in repeats.sorted(by: { $0.key < $1.key }) {
            let (id, line, other) = found.example
            let otherPath = input.summaries[Int(other.file)].path
            input.summaries[file].add(
                InputProblem(
                    file: input.summaries[file].path, line: Int(line), column: 0, severity: .warning, code: .duplicateRecordID,
                    message:
                        "\(counted(found.count, "entry id")) of this file \(found.count == 1 ? "is" : "are") already in \(otherPath) (first: \(input.texts[id]) at \(otherPath):\(other.line)): the same entries exported twice?",
                    quoted: [input.texts[id]]), limit: ExportReader.defaultProblemLimit)
        }
    }

    /// Each part read without a fatal error, the header was usable, and every part but the
    /// last ended between records.
    private static func partsAreSound(_ parts: [ExportSummary]) -> Bool {
        parts.allSatisfy { $0.fatal == nil } && !parts[0].headerUnusable
            && parts.dropLast().allSatisfy(\.endedAtRecordStart)
    }

    /// An input as the loader reads it: named by `path`, opened by `openPath` (see `PinnedInput`).
    struct Source {
        let path: String
        let kind: InputKind?
        let openPath: String
        /// How it is read: chosen, else detected from its first bytes (`ExportSniffer`).
        let dialect: CSVDialect
        /// Why the input could not be opened or is no CSV, if so.
        let pinError: InputError?
        /// Notices of what was detected.
        var notes: [String] = []
    }

    /// Whether `file` may be read in parts: a big UTF-8 timesheet or billing export.
    private func splittable(_ file: Source, size: Int) -> Bool {
        (file.kind == .timesheet || file.kind == .billing) && file.dialect.encoding == .utf8
            && size >= splitBytes
    }

    /// The parts to read `file` in (none when it is read whole): cut at line starts, each part
    /// after the first given the header.
    private func split(_ file: Source, size: Int, endingAt fractions: [Double]) -> [ExportReader.Part] {
        guard !fractions.isEmpty else { return [] }
        var reader = ExportReader(path: file.path, kind: file.kind, dialect: file.dialect)
        reader.openPath = file.openPath
        guard let header = reader.headerFields() else { return [] }
        let cuts = SplitPoints.parts(path: file.openPath, size: size, endingAt: fractions)
        guard cuts.count > 1 else { return [] }
        return cuts.enumerated().map { index, range in ExportReader.Part(range: range, header: index == 0 ? nil : header) }
    }

    private func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Records of every file and part, their texts merged into one table. The table of the piece
    /// with the most interned texts is taken as it is (absorbing it would be the costliest step:
    /// each of its texts would be looked up); the others' texts are added to it in order. Then
    /// each piece's records are renumbered as they are put together.
    private func merge(_ pieces: inout [Records], summaries: [ExportSummary]) -> AuditInput {
        var input = AuditInput()
        input.summaries = summaries
        let withTexts = pieces.indices.filter { pieces[$0].texts != nil }
        guard let base = withTexts.max(by: { (pieces[$0].texts!.internedCount, $1) < (pieces[$1].texts!.internedCount, $0) })
        else {
            input.staff = pieces.flatMap(\.staff)
            return input
        }
        var texts = pieces[base].texts!
        pieces[base].texts = nil  // held once, so absorbing grows it in place
        var maps = [[TextID]?](repeating: nil, count: pieces.count)
        texts.reserve(absorbing: withTexts.filter { $0 != base }.map { pieces[$0].texts! })
        for index in withTexts where index != base {
            maps[index] = texts.absorb(pieces[index].texts!)
            pieces[index].texts = nil
        }
        // Each file's pieces are put together and renumbered, time entries on one core and
        // billing lines on the other.
        var entryPieces: [Piece<TimeEntry>] = []
        var linePieces: [Piece<BillingLine>] = []
        for index in pieces.indices {
            // Arrays are swapped out of their piece, so each is held once: a first piece (room
            // reserved for its file) is renumbered and appended to in place, never copied.
            var entries: [TimeEntry] = []
            var lines: [BillingLine] = []
            swap(&entries, &pieces[index].entries)
            swap(&lines, &pieces[index].lines)
            input.staff += pieces[index].staff
            entryPieces.append(Piece(records: entries, map: maps[index], lineOffset: pieces[index].lineOffset))
            linePieces.append(Piece(records: lines, map: maps[index], lineOffset: pieces[index].lineOffset))
        }
        (input.timeEntries, input.billingLines) = ParallelMap.pair(
            { Self.joined(&entryPieces) { $0.merged(renumbering: $1, lines: $2) } },
            { Self.joined(&linePieces) { $0.merged(renumbering: $1, lines: $2) } })
        input.texts = TextTable(texts)
        return input
    }

    /// One piece's records of one kind, and what merging does to them.
    private struct Piece<Record> {
        var records: [Record]
        let map: [TextID]?
        let lineOffset: Int
    }

    /// The pieces' records in order, each renumbered by its map and shifted by its line offset.
    private static func joined<Record>(
        _ pieces: inout [Piece<Record>],
        _ merged: (Record, [TextID]?, Int) -> Record
    ) -> [Record] {
        var all: [Record] = []
        for index in pieces.indices {
            var records: [Record] = []
            swap(&records, &pieces[index].records)
            let (map, offset) = (pieces[index].map, pieces[index].lineOffset)
            let changes = map != nil || offset != 0
            if all.isEmpty {
                swap(&all, &records)  // held once, so renumbered in place
                if changes {
                    all.withUnsafeMutableBufferPointer { all in
                        for i in all.indices { all[i] = merged(all[i], map, offset) }
                    }
                }
            } else if changes {
                all.reserveCapacity(all.count + records.count)
                for record in records { all.append(merged(record, map, offset)) }
            } else {
                all += records
            }
        }
        return all
    }

    func readFile(
        _ file: Source, index: Int, part: ExportReader.Part?,
        keepRecords: Bool
    ) -> (ExportSummary, Records) {
        if let error = file.pinError {
            var summary = ExportSummary(path: file.path, kind: file.kind)
            summary.fatal = error
            summary.add(
                InputProblem(file: file.path, line: 1, column: 0, code: error.code, message: error.message),
                limit: ExportReader.defaultProblemLimit)
            return (summary, Records())
        }
        var reader = ExportReader(
            path: file.path, kind: file.kind, dialect: file.dialect,
            extraAliases: file.kind.flatMap { configuration.columns[$0] } ?? [:])
        reader.openPath = file.openPath
        reader.onBytes = onBytes
        switch file.kind {
        case .timesheet:
            let (summary, entries, texts) = read(reader, part, index, keepRecords) { $0.timeEntry($1) }
            return (summary, Records(entries: entries, texts: texts))
        case .billing:
            let (summary, lines, texts) = read(reader, part, index, keepRecords) { $0.billingLine($1) }
            return (summary, Records(lines: lines, texts: texts))
        case .roster:
            let (summary, staff, _) = read(reader, part, index, keepRecords) { $0.staffMember($1) }
            return (summary, Records(staff: staff))
        case nil:
            let summary = (try? reader.read()) ?? ExportSummary(path: file.path, kind: nil)
            return (summary, Records())
        }
    }

    private func read<T>(
        _ reader: ExportReader, _ part: ExportReader.Part?, _ index: Int, _ keep: Bool,
        _ type: (RecordTyper, CSVRecord) -> RowResult<T>
    ) -> (ExportSummary, [T], TextInterner) {
        var records: [T] = []
        var typer: RecordTyper?
        // Once a sample of rows shows their size, room for the rest of the bytes is reserved:
        // growing by doubling would hold up to twice the records' memory (and copy them). The
        // first part of a split file reserves for the whole file: the others are appended to it.
        let size = fileSize(reader.openPath ?? reader.path)
        let end = part.map { $0.header == nil ? size : $0.range.upperBound } ?? size
        var sampleStart: Int?
        let summary =
            (try? reader.read(
                part: part,
                onHeader: { mapping in
                    typer = RecordTyper(
                        file: reader.path, fileIndex: index, mapping: mapping, classifier: classifier,
                        keepsRecords: keep, localTime: configuration.localTime)
                },
                onRow: { record in
                    switch type(typer!, record) {
                    case .accepted(let value, let warnings):
                        guard keep else { return warnings }
                        if records.count == 1 { sampleStart = record.byteOffset }
                        if records.count == 4096, let start = sampleStart, record.byteOffset > start {
                            let perRow = Double(record.byteOffset - start) / 4095
                            let rest = Double(end - record.byteOffset)
                            records.reserveCapacity(records.count + Int(rest / perRow * 1.05) + 1024)
                        }
                        records.append(value)
                        return warnings
                    case .rejected(let problems):
                        return problems
                    }
                })) ?? ExportSummary(path: reader.path, kind: reader.kind)
        return (summary, records, typer?.texts ?? TextInterner())
    }
}
