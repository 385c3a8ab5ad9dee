/// What every rule reads: the typed records, the audit period, and the indexes built once so
/// that no rule compares every record with every other.
///
/// Billing lines are mapped to staff (by rendering staff id, or by NPI through the roster) and
/// netted: VOID lines, frequency-8 voids and the originals they cancel, and originals superseded
/// by a frequency-7 replacement do not count as billed. Time entries and counted lines are
/// grouped by (staff, date) and sorted by start, so overlaps are found by one sweep per staff day.
/// Grouping counts and sorts integers (`StaffOrder`): no string is hashed or compared per record.
package final class AuditContext: Sendable {
    package let configuration: Configuration
    package let period: Period
    package let entries: [TimeEntry]
    package let lines: [BillingLine]
    package let staff: [StaffMember]
    package let texts: TextTable
    package let classifier: Classifier
    /// Input summaries (rows read, accepted, rejected, problems); records' `RowRef.file` indexes it.
    package let summaries: [ExportSummary]
    package let hasRoster: Bool

    package let staffByID: [String: StaffMember]
    /// Roster members by staff id and by NPI, as text ids of the exports.
    let memberByStaff: IDMemo<Int>
    let memberByNPI: IDMemo<Int>
    /// Per billing line: the staff id it resolves to (empty: none).
    package let lineStaff: [TextID]
    /// Per billing line: whether it counts as billed after netting voids and replacements.
    package let counted: [Bool]
    /// Activity codes (uppercased) classified by what most of their rows' descriptions say, when
    /// no code map is configured (`ConsensusClassification`).
    package let consensus: [String: ConsensusClassification.Verdict]

    /// Staff days that lost a timesheet or billing row to a reading error (`ExportSummary`).
    package let lostStaffDays: Set<LostStaffDay>

    /// Whether `day` lost a row: its minutes are not all known, so a rule adding them up (more
    /// claimed than worked, billed time on no entry) would report the missing row, not a problem.
    package func lostRow(_ day: StaffDay) -> Bool {
        !lostStaffDays.isEmpty && lostStaffDays.contains(LostStaffDay(staffID: texts[day.staff], day: day.day))
    }

    /// The indexes of the lines that count as billed: a voided or replaced line is no longer
    /// billed, so the line rules look only at these. Listed once: seven rules walk them.
    package let countedLines: [Int]
    /// Staff days in a stable order (staff id, then date), each with its entries and its
    /// counted lines.
    package let staffDays: [StaffDay]
    /// Entry indexes grouped by staff day, each group sorted by start (then file and line).
    private let entryOrder: RecordOrder
    /// Counted billing line indexes grouped by staff day, sorted like `entryOrder`.
    private let lineOrder: RecordOrder
    /// Counted, not denied, billing lines grouped by participant, procedure code and date of
    /// service: the unit the duplicate and daily-cap rules compare within. Built once for all of
    /// them; groups and their members in file order.
    package let serviceGroups: [ServiceGroup]
    private let serviceOrder: RecordOrder
    /// Group sessions: which lines are one session of one staff member (`GroupSessions`).
    let groupSessions: GroupSessions
    /// Names from the timesheets, for staff missing from the roster.
    let timesheetNames: [TextID: TextID]
    /// `billing.peer_codes` as text ids (codes no export uses are left out); a handful, so a
    /// linear search beats hashing.
    let peerCodes: [TextID]

    package init(
        configuration: Configuration, period: Period, input: AuditInput, classifier: Classifier,
        hasRoster: Bool
    ) {
        self.configuration = configuration
        self.period = period
        staff = input.staff
        texts = input.texts
        self.classifier = classifier
        self.hasRoster = hasRoster

        var byID: [String: StaffMember] = [:]
        // Id-keyed tables, not arrays by id: roster ids are few but may have any id (row-unique
        // texts fill the id space), and an array would span it all.
        var byStaff = IDMemo<Int>()
        var byNPI = IDMemo<Int>()
        for (index, member) in input.staff.enumerated() {
            if byID[member.staffID] == nil { byID[member.staffID] = member }
            if let id = input.texts.id(of: member.staffID), !id.isEmpty, byStaff[id] == nil { byStaff[id] = index }
            if !member.npi.isEmpty, let npi = input.texts.id(of: member.npi), byNPI[npi] == nil { byNPI[npi] = index }
        }
        staffByID = byID
        memberByStaff = byStaff
        memberByNPI = byNPI
        // Staff ids not in the exports' texts (roster only) can be named by no line.
        let staffIDs = input.staff.map { input.texts.id(of: $0.staffID) ?? .empty }
        let resolved: [TextID] = input.billingLines.map { line in
            if !line.renderingStaffID.isEmpty { return line.renderingStaffID }
            return byNPI[line.renderingNPI].map { staffIDs[$0] } ?? .empty
        }
        let (isCounted, notes) = Self.net(input.billingLines) { input.texts[$0] }
        var summaries = input.summaries
        for note in notes {
            let file = Int(input.billingLines[note.line].row.file)
            summaries[file].add(
                InputProblem(
                    file: summaries[file].path, line: Int(input.billingLines[note.line].row.line), column: 0,
                    severity: .info, code: .unmatchedAdjustment, message: note.message),
                limit: ExportReader.defaultProblemLimit)
        }
        self.summaries = summaries
        lostStaffDays = summaries.reduce(into: Set<LostStaffDay>()) { $0.formUnion($1.lostStaffDays) }
        lineStaff = resolved
        counted = isCounted
        countedLines = isCounted.indices.filter { isCounted[$0] }
        let (timeline, lines) = Self.onOneTimeline(input.timeEntries, input.billingLines, lineStaff: resolved)
        var entries = timeline
        consensus = classifier.mapsActivityCodes ? [:] : ConsensusClassification.apply(&entries, texts: input.texts)
        self.entries = entries
        self.lines = lines

        // Staff ids are ranked in text order once; records are then grouped by a counting sort
        // on that rank, so no sort key is built or kept per record.
        // Records of one staff member come in runs: look the rank up only when the id changes.
        var present = Set<TextID>()
        var previous = TextID.empty
        for entry in input.timeEntries where entry.staffID != previous {
            present.insert(entry.staffID)
            previous = entry.staffID
        }
        previous = .empty
        for index in input.billingLines.indices where isCounted[index] && resolved[index] != previous {
            if !resolved[index].isEmpty { present.insert(resolved[index]) }
            previous = resolved[index]
        }
        // By UTF-8 bytes (any fixed order will do; comparing `String`s is many times slower).
        let ranked = present.map { (id: $0, name: input.texts[$0]) }
            .sorted { $0.name.precedesByUTF8($1.name) }.map(\.id)
        var rank: [TextID: UInt32] = [:]
        for (order, id) in ranked.enumerated() { rank[id] = UInt32(order) }

        // Entries, then lines, on one core; the lines' service groups (a sort, the costliest
        // part) on the other.
        let ((byEntry, byLine), services) = ParallelMap.pair(
            {
                (
                    StaffOrder(
                        count: entries.count, rank: rank, staff: { entries[$0].staffID },
                        day: { entries[$0].timelineDay }, start: { entries[$0].start }),
                    StaffOrder(
                        count: lines.count, rank: rank, staff: { isCounted[$0] ? resolved[$0] : .empty },
                        day: { lines[$0].timelineDay }, start: { lines[$0].start })
                )
            },
            {
                Self.groupServices(lines, counted: isCounted)
            })
        (serviceOrder, serviceGroups) = services
        entryOrder = byEntry.order
        lineOrder = byLine.order

        // Each staff member's entries and lines, both sorted by day, merged into staff days.
        var days: [StaffDay] = []
        days.reserveCapacity(ranked.count * 31)
        for (staffRank, staffID) in ranked.enumerated() {
            var a = byEntry.runs[staffRank]
            var b = byLine.runs[staffRank]
            let entriesEnd = byEntry.runs[staffRank + 1]
            let linesEnd = byLine.runs[staffRank + 1]
            func entryDay(_ position: Int) -> Day { entries[byEntry.order[position]].timelineDay }
            func lineDay(_ position: Int) -> Day { lines[byLine.order[position]].timelineDay }
            while a < entriesEnd || b < linesEnd {
                let day = b == linesEnd ? entryDay(a) : a == entriesEnd ? lineDay(b) : min(entryDay(a), lineDay(b))
                let entriesFrom = a
                let linesFrom = b
                while a < entriesEnd && entryDay(a) == day { a += 1 }
                while b < linesEnd && lineDay(b) == day { b += 1 }
                days.append(StaffDay(staff: staffID, day: day, entries: entriesFrom..<a, lines: linesFrom..<b))
            }
        }
        staffDays = days

        // The first name each staff member's entries give (in staff-day order), for staff
        // missing from the roster.
        var timesheetNames: [TextID: TextID] = [:]
        var named = TextID.empty  // entries come grouped by staff: look up only at a change
        for index in entryOrder.all {
            let entry = input.timeEntries[index]
            if entry.staffName.isEmpty || entry.staffID == named { continue }
            if timesheetNames[entry.staffID] == nil { timesheetNames[entry.staffID] = entry.staffName }
            named = entry.staffID
        }
        self.timesheetNames = timesheetNames
        peerCodes = configuration.billing.peerCodes.compactMap { input.texts.id(of: $0) }
        let groupCodes = Set(configuration.billing.groupCodes.compactMap { input.texts.id(of: $0) })
        let groupModifiers = Set(configuration.billing.groupModifiers)
        var modifierMemo = IDMemo<Bool>()
        let order = byLine.order
        groupSessions = GroupSessions(lines: lines, days: days.map { order[$0.lines] }) { line in
            if !line.groupID.isEmpty || groupCodes.contains(line.procedureCode) { return true }
            guard !line.modifiers.isEmpty else { return false }
            return modifierMemo.value(.init(line.modifiers)) {
                input.texts[line.modifiers].split(separator: "\u{1F}").contains { groupModifiers.contains(String($0)) }
            }
        }
    }

    /// The entries of a staff day (indexes into `entries`), sorted by start.
    package func entryIndexes(_ day: StaffDay) -> RecordIndexes { entryOrder[day.entries] }

    /// The counted billing lines of a staff day (indexes into `lines`), sorted by start.
    package func lineIndexes(_ day: StaffDay) -> RecordIndexes { lineOrder[day.lines] }

    /// The lines of a service group (indexes into `lines`), in file order.
    package func lineIndexes(_ group: ServiceGroup) -> RecordIndexes { serviceOrder[group.members] }
}
