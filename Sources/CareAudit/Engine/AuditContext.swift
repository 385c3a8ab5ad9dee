/// A staff member on a date (the unit in which time is claimed and compared) and where its
/// records are: `entries` indexes `AuditContext.entryOrder`, `lines` indexes `lineOrder`.
package struct StaffDay: Sendable {
    package let staff: TextID
    package let day: Day
    let entries: Range<Int>
    let lines: Range<Int>
}

/// Billing lines sharing participant, procedure code and date of service; `members` indexes
/// `AuditContext.serviceOrder`.
package struct ServiceGroup: Sendable {
    /// 32-bit bounds: groups come by the million, most of one line.
    private let first: UInt32, end: UInt32

    init(members: Range<Int>) { (first, end) = (UInt32(members.lowerBound), UInt32(members.upperBound)) }

    var members: Range<Int> { Int(first)..<Int(end) }
    package var count: Int { Int(end - first) }
}

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
    private let memberByStaff: IDMemo<Int>
    private let memberByNPI: IDMemo<Int>
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
    /// billed, so the line rules look only at these.
    package var countedLines: [Int] { lines.indices.filter { counted[$0] } }
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
    private let timesheetNames: [TextID: TextID]
    /// `billing.peer_codes` as text ids (codes no export uses are left out); a handful, so a
    /// linear search beats hashing.
    private let peerCodes: [TextID]

    package init(configuration: Configuration, period: Period, input: AuditInput, classifier: Classifier,
                hasRoster: Bool) {
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
            summaries[file].add(InputProblem(file: summaries[file].path, line: Int(input.billingLines[note.line].row.line), column: 0,
                                             severity: .info, code: .unmatchedAdjustment, message: note.message),
                                limit: ExportReader.defaultProblemLimit)
        }
        self.summaries = summaries
        lostStaffDays = summaries.reduce(into: Set<LostStaffDay>()) { $0.formUnion($1.lostStaffDays) }
        lineStaff = resolved
        counted = isCounted
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
        let ((byEntry, byLine), services) = ParallelMap.pair({
            (StaffOrder(count: entries.count, rank: rank, staff: { entries[$0].staffID },
                        day: { entries[$0].timelineDay }, start: { entries[$0].start }),
             StaffOrder(count: lines.count, rank: rank, staff: { isCounted[$0] ? resolved[$0] : .empty },
                        day: { lines[$0].timelineDay }, start: { lines[$0].start }))
        }, {
            Self.groupServices(lines, counted: isCounted)
        })
        (serviceOrder, serviceGroups) = services
        entryOrder = byEntry.order
        lineOrder = byLine.order

        // Each staff member's entries and lines, both sorted by day, merged into staff days.
        var days: [StaffDay] = []
        days.reserveCapacity(ranked.count * 31)
        for (staffRank, staffID) in ranked.enumerated() {
            var a = byEntry.runs[staffRank], b = byLine.runs[staffRank]
            let entriesEnd = byEntry.runs[staffRank + 1], linesEnd = byLine.runs[staffRank + 1]
            func entryDay(_ position: Int) -> Day { entries[byEntry.order[position]].timelineDay }
            func lineDay(_ position: Int) -> Day { lines[byLine.order[position]].timelineDay }
            while a < entriesEnd || b < linesEnd {
                let day = b == linesEnd ? entryDay(a) : a == entriesEnd ? lineDay(b) : min(entryDay(a), lineDay(b))
                let entriesFrom = a, linesFrom = b
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

    deinit {
        entryOrder.deallocate()
        lineOrder.deallocate()
        serviceOrder.deallocate()
    }

    /// The entries of a staff day (indexes into `entries`), sorted by start.
    package func entryIndexes(_ day: StaffDay) -> RecordIndexes { entryOrder[day.entries] }

    /// The counted billing lines of a staff day (indexes into `lines`), sorted by start.
    package func lineIndexes(_ day: StaffDay) -> RecordIndexes { lineOrder[day.lines] }

    /// The lines of a service group (indexes into `lines`), in file order.
    package func lineIndexes(_ group: ServiceGroup) -> RecordIndexes { serviceOrder[group.members] }

    /// Counted, not denied lines grouped by participant, procedure code and date: sorts
    /// (participant, code; date, index) and cuts the runs. Groups in file order of their first line.
    static func groupServices(_ lines: [BillingLine], counted: [Bool]) -> (RecordOrder, [ServiceGroup]) {
        var keys: [(UInt64, UInt64)] = []
        for (index, line) in lines.enumerated() where counted[index] && line.status != .denied {
            keys.append((UInt64(line.participantID.raw) << 32 | UInt64(line.procedureCode.raw),
                         UInt64(UInt32(bitPattern: line.serviceDate.number)) << 32 | UInt64(index)))
        }
        if !zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) { keys.sort { $0 < $1 } }
        let order = RecordOrder(count: keys.count) { order in
            for (position, key) in keys.enumerated() { order[position] = UInt32(truncatingIfNeeded: key.1) }
        }
        // A group is a run of equal (participant, code, date) keys; its first member is its first
        // line. Groups are listed in file order of that line by one pass over the lines, not a sort.
        func sameGroup(_ a: Int, _ b: Int) -> Bool { keys[a].0 == keys[b].0 && keys[a].1 >> 32 == keys[b].1 >> 32 }
        var runStart = [Int32](repeating: -1, count: lines.count)  // by first line: where its run starts
        for position in keys.indices where position == 0 || !sameGroup(position - 1, position) {
            runStart[order[position]] = Int32(position)
        }
        var groups: [ServiceGroup] = []
        for case let from in runStart where from >= 0 {
            var to = Int(from) + 1
            while to < keys.count && sameGroup(Int(from), to) { to += 1 }
            groups.append(ServiceGroup(members: Int(from)..<to))
        }
        return (order, groups)
    }

    /// One timeline (DOMAIN.md §8): an entry or a line dated the day after an overnight shift of
    /// the same staff member (an entry ending past midnight), starting before the shift ends,
    /// is moved onto the shift's day, its times 24 hours later: a shift 22:00–02:00 on the 13th
    /// and a service at 00:30 on the 14th are compared, and totalled, on the 13th. O(n); the
    /// records are copied only when some shift runs past midnight.
    static func onOneTimeline(_ entries: [TimeEntry], _ lines: [BillingLine], lineStaff: [TextID]) -> ([TimeEntry], [BillingLine]) {
        struct Key: Hashable {
            let staff: TextID
            let day: Int32
        }
        // (staff, the day after a shift) → how far past that midnight the shift runs.
        var reach: [Key: Int] = [:]
        for entry in entries {
            guard let end = entry.end, end > 1440 else { continue }
            let key = Key(staff: entry.staffID, day: entry.date.number + 1)
            reach[key] = max(reach[key] ?? 0, end - 1440)
        }
        guard !reach.isEmpty else { return (entries, lines) }
        var entries = entries, lines = lines
        for index in entries.indices {
            guard let start = entries[index].start,
                  start < reach[Key(staff: entries[index].staffID, day: entries[index].date.number)] ?? 0 else { continue }
            entries[index] = entries[index].onPreviousDay()
        }
        for index in lines.indices where !lineStaff[index].isEmpty {
            guard let start = lines[index].start,
                  start < reach[Key(staff: lineStaff[index], day: lines[index].serviceDate.number)] ?? 0 else { continue }
            lines[index] = lines[index].onPreviousDay()
        }
        return (entries, lines)
    }

    /// Which lines count as billed, after following every adjustment chain (DOMAIN.md §3): a
    /// VOID line or frequency-8 void does not count; a replacement (7) or void (8) cancels the
    /// claim it names in `original_claim_id`, whether that is an original or an earlier
    /// replacement, in any file order and to any depth, so only the last version of a chain
    /// counts. An adjustment without `original_claim_id` names its own claim number and cancels
    /// that claim's originals. Lines are matched by line number when both sides have one.
    /// An adjustment whose claim is not in the export (billed in an earlier month) cancels
    /// nothing and gets an info note: a replacement then counts as billed. O(n).
    static func net(_ lines: [BillingLine], name: (TextID) -> String) -> (counted: [Bool], notes: [(line: Int, message: String)]) {
        var counted = lines.map { !$0.isVoid }
        var notes: [(line: Int, message: String)] = []
        func target(_ line: BillingLine) -> (claim: TextID, explicit: Bool) {
            let explicit = !line.originalClaimID.isEmpty && line.originalClaimID != line.claimID
            return (explicit ? line.originalClaimID : line.claimID, explicit)
        }
        // Only claims that an adjustment names need an index.
        var targets = Set<TextID>()
        for line in lines where line.frequency != .original { targets.insert(target(line).claim) }
        guard !targets.isEmpty else { return (counted, notes) }
        var byClaim: [TextID: [Int]] = [:]
        for (index, line) in lines.enumerated() where targets.contains(line.claimID) { byClaim[line.claimID, default: []].append(index) }
        for (index, line) in lines.enumerated() where line.frequency != .original {
            let (claim, explicit) = target(line)
            var found = false
            for changed in byClaim[claim] ?? [] where changed != index && (explicit || lines[changed].frequency == .original) {
                let other = lines[changed]
                if !line.lineNumber.isEmpty && !other.lineNumber.isEmpty && line.lineNumber != other.lineNumber { continue }
                counted[changed] = false
                found = true
            }
            if explicit && !found {
                notes.append((index, line.frequency == .replacement
                    ? "claim \(name(line.claimID)) replaces claim \(name(claim)), which is not in the export (billed in an earlier period?): it counts as billed"
                    : "claim \(name(line.claimID)) voids claim \(name(claim)), which is not in the export (billed in an earlier period?): it cancels nothing here"))
            }
        }
        return (counted, notes)
    }

    // MARK: - Helpers for rules and messages

    /// The text of an id.
    package subscript(id: TextID) -> String { texts[id] }

    /// The texts of ids, empty ones left out (a finding's participants).
    package func texts(_ ids: TextID...) -> [String] { ids.filter { !$0.isEmpty }.map { texts[$0] } }

    /// The distinct participants of several records, sorted (for a finding that names them all).
    package func participants(_ ids: [TextID]) -> [String] { Set(ids.filter { !$0.isEmpty }).map { texts[$0] }.sorted() }

    /// Where an entry came from.
    package func source(_ entry: TimeEntry) -> SourceRef {
        SourceRef(file: summaries[Int(entry.row.file)].path, line: Int(entry.row.line),
                  recordID: entry.recordID.isEmpty ? nil : texts[entry.recordID])
    }

    /// Where a line came from; its record id is the claim id and line number.
    package func source(_ line: BillingLine) -> SourceRef {
        let claim = texts[line.claimID]
        return SourceRef(file: summaries[Int(line.row.file)].path, line: Int(line.row.line),
                         recordID: line.lineNumber.isEmpty ? claim : claim + "/" + texts[line.lineNumber])
    }

    /// Source order (file name, then line), as `SourceRef` sorts, without building either.
    package func precedes(_ a: RowRef, _ b: RowRef) -> Bool {
        a.file == b.file ? a.line < b.line : (summaries[Int(a.file)].path, a.line) < (summaries[Int(b.file)].path, b.line)
    }

    /// A configuration table keyed by code, keyed by text id instead (codes no export uses
    /// are left out), so rules look codes up without building strings.
    func byText<Value>(_ table: [String: Value]) -> IDMemo<Value> {
        var memo = IDMemo<Value>()
        for (key, value) in table { if let id = texts.id(of: key) { memo[id] = value } }
        return memo
    }

    /// Whether the roster has this staff id or this NPI (no member is copied).
    package func isOnRoster(staff id: TextID, npi: TextID) -> Bool {
        memberByStaff[id] != nil || memberByNPI[npi] != nil
    }

    /// The position in `staff` of the member with this staff id (read fields without copying one).
    package func memberIndex(staff id: TextID) -> Int? { memberByStaff[id] }

    /// The staff id line `index` resolves to, as text.
    package func lineStaffID(_ index: Int) -> String? {
        lineStaff[index].isEmpty ? nil : texts[lineStaff[index]]
    }

    /// "Maria Lopez (E1001)", or the bare id when no name is known.
    package func staffLabel(_ id: String) -> String {
        staffName(id).map { "\($0) (\(id))" } ?? id
    }

    /// The staff member's name from the roster, else from the timesheet.
    package func staffName(_ id: String) -> String? {
        if let name = staffByID[id]?.name, !name.isEmpty { return name }
        if let known = texts.id(of: id), let name = timesheetNames[known], !name.isEmpty { return texts[name] }
        return nil
    }

    package func staffLabel(_ id: TextID) -> String { staffLabel(texts[id]) }

    /// Billable minutes of a line: its listed minutes, else its times, else nil.
    package func billedMinutes(_ line: BillingLine) -> Int? {
        line.serviceMinutes ?? line.interval.map { $0.count }
    }

    /// The group session of line `index` (see `GroupSessions`), if it is a group line.
    package func session(ofLine index: Int) -> Int? { groupSessions.session(of: index) }

    /// The lines of group session `number`, in file order.
    package func sessionLines(_ number: Int) -> [Int] { groupSessions.sessions[number] }

    /// The distinct participants of group session `number`.
    package func sessionParticipants(_ number: Int) -> Int { groupSessions.participants(number, in: lines) }

    /// Minutes a line stands for when only its units are known (per-15 codes: 15 a unit).
    package func minutesForComparison(_ line: BillingLine) -> Int {
        billedMinutes(line) ?? line.units * 15
    }

    /// "H0038 10:30–11:15", or "H0038" without times.
    package func describe(_ line: BillingLine) -> String {
        let code = texts[line.procedureCode]
        guard let start = line.start, let end = line.end else { return code }
        return "\(code) \(clock(start, on: line.timelineDay))–\(clock(end, on: line.timelineDay))"
    }

    /// The clock time ("01:30") `minutes` after midnight of `day`, in the county's time zone.
    package func clock(_ minutes: Int, on day: Day) -> String { configuration.localTime.clock(minutes, on: day) }

    /// The lines' claim ids, sorted: "B1, B2, B3", at most ten and then "and 99,990 more" (the
    /// finding's records list them all; a message stays readable).
    package func claimList(_ lines: [BillingLine]) -> String {
        let claims = lines.map { texts[$0.claimID] }.sorted()
        return claims.prefix(10).joined(separator: ", ") + (claims.count > 10 ? " and \(grouped(claims.count - 10)) more" : "")
    }

    /// "10:00–11:00", or "90 minutes" without times.
    package func describeTime(_ entry: TimeEntry) -> String {
        guard let start = entry.start, let end = entry.end else { return "\(entry.minutes) minutes" }
        return "\(clock(start, on: entry.timelineDay))–\(clock(end, on: entry.timelineDay))"
    }

    /// The payer as people say it: "Medi-Cal", or the payer's own name.
    package func payerLabel(_ line: BillingLine) -> String {
        line.payerType == .other && !line.payerName.isEmpty ? texts[line.payerName] : line.payerType.label
    }

    /// CARE minutes at the configured hourly rate (zero when no rate is set).
    package func careAmount(minutes: Int) -> Money {
        Money.forMinutes(minutes, atHourlyRate: configuration.care.hourlyRate)
    }

    /// The share of a line's billed amount that `minutes` of it represent.
    package func billedShare(_ line: BillingLine, minutes: Int) -> Money {
        guard let amount = line.billedAmount else { return .zero }
        let whole = minutesForComparison(line)
        return whole > 0 ? amount.share(min(minutes, whole), of: whole) : amount
    }

    /// Is the line's procedure code one only certified peers may bill?
    package func isPeerCode(_ code: TextID) -> Bool {
        peerCodes.contains(code)
    }
}
