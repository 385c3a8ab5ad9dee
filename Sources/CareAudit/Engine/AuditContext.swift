/// A participant's service on a date: what payers' duplicate edits compare.
struct ServiceKey: Hashable {
    let participant: String
    let code: String
    let date: Day
}

/// A staff member on a date: the unit in which time is claimed and compared.
public struct StaffDay: Hashable, Sendable {
    public let staff: String
    public let day: Day
}

/// What every rule reads: the typed records, the audit period, and the indexes built once so
/// that no rule compares every record with every other.
///
/// Billing lines are mapped to staff (by rendering staff id, or by NPI through the roster) and
/// netted: VOID lines, frequency-8 voids and the originals they cancel, and originals superseded
/// by a frequency-7 replacement do not count as billed. Time entries and counted lines are
/// grouped by (staff, date) and sorted by start, so overlaps are found by one sweep per staff day.
public final class AuditContext: Sendable {
    public let configuration: Configuration
    public let period: Period
    public let entries: [TimeEntry]
    public let lines: [BillingLine]
    public let staff: [StaffMember]
    public let classifier: Classifier
    /// Input summaries (rows read, accepted, rejected, problems).
    public let summaries: [ExportSummary]
    public let hasRoster: Bool

    public let staffByID: [String: StaffMember]
    public let staffByNPI: [String: StaffMember]
    /// Per billing line: the staff id it resolves to, if any.
    public let lineStaff: [String?]
    /// Per billing line: whether it counts as billed after netting voids and replacements.
    public let counted: [Bool]
    /// Entry indexes per staff day, sorted by start time.
    public let entriesByStaffDay: [StaffDay: [Int]]
    /// Counted billing line indexes per staff day, sorted by start time.
    public let linesByStaffDay: [StaffDay: [Int]]
    /// Staff days in a stable order (staff id, then date).
    public let staffDays: [StaffDay]
    /// Counted, not denied, billing lines grouped by participant, procedure code and date of
    /// service: the unit the duplicate and daily-cap rules compare within. Built once for all of
    /// them; groups and their members in file order.
    public let serviceGroups: [[Int]]
    /// Names from the timesheets, for staff missing from the roster.
    private let timesheetNames: [String: String]

    public init(configuration: Configuration, period: Period, loaded: InputLoader.Loaded, classifier: Classifier,
                hasRoster: Bool) {
        self.configuration = configuration
        self.period = period
        entries = loaded.timeEntries
        lines = loaded.billingLines
        staff = loaded.staff
        summaries = loaded.summaries
        self.classifier = classifier
        self.hasRoster = hasRoster

        var byID: [String: StaffMember] = [:]
        var byNPI: [String: StaffMember] = [:]
        for member in loaded.staff {
            if byID[member.staffID] == nil { byID[member.staffID] = member }
            if !member.npi.isEmpty && byNPI[member.npi] == nil { byNPI[member.npi] = member }
        }
        staffByID = byID
        staffByNPI = byNPI
        let resolved: [String?] = loaded.billingLines.map { line in
            if !line.renderingStaffID.isEmpty { return line.renderingStaffID }
            return byNPI[line.renderingNPI]?.staffID
        }
        let isCounted = Self.net(loaded.billingLines)
        lineStaff = resolved
        counted = isCounted

        // Staff ids are numbered in sorted order once; records are then grouped by sorting
        // integer keys (staff number, day, start), not by hashing strings per record.
        var numbers: [String: Int] = [:]
        for entry in loaded.timeEntries where numbers[entry.staffID] == nil { numbers[entry.staffID] = 0 }
        for index in loaded.billingLines.indices where isCounted[index] {
            if let id = resolved[index], numbers[id] == nil { numbers[id] = 0 }
        }
        let ids = numbers.keys.sorted()
        for (rank, id) in ids.enumerated() { numbers[id] = rank }
        let fileRank = Dictionary(uniqueKeysWithValues: loaded.summaries.enumerated().map { ($1.path, $0) })

        /// Runs of `indexes` sharing a staff day, each sorted by start, then file and line.
        func group(_ indexes: [Int], staff: (Int) -> String, day: (Int) -> Day, start: (Int) -> Int?,
                   source: (Int) -> SourceRef) -> [(StaffDay, [Int])] {
            let keys = indexes.map { i in
                (Int64(numbers[staff(i)]!) << 32 | Int64(UInt32(bitPattern: day(i).number)),
                 start(i) ?? -1, fileRank[source(i).file] ?? 0, source(i).line, i)
            }.sorted { $0 < $1 }
            var runs: [(StaffDay, [Int])] = []
            var from = 0
            while from < keys.count {
                var to = from + 1
                while to < keys.count && keys[to].0 == keys[from].0 { to += 1 }
                let first = keys[from].4
                runs.append((StaffDay(staff: staff(first), day: day(first)), keys[from..<to].map(\.4)))
                from = to
            }
            return runs
        }
        let entryRuns = group(Array(loaded.timeEntries.indices), staff: { loaded.timeEntries[$0].staffID },
                              day: { loaded.timeEntries[$0].date }, start: { loaded.timeEntries[$0].start },
                              source: { loaded.timeEntries[$0].source })
        let lineRuns = group(loaded.billingLines.indices.filter { isCounted[$0] && resolved[$0] != nil },
                             staff: { resolved[$0]! }, day: { loaded.billingLines[$0].serviceDate },
                             start: { loaded.billingLines[$0].start }, source: { loaded.billingLines[$0].source })
        let entryGroups = Dictionary(uniqueKeysWithValues: entryRuns)
        let lineGroups = Dictionary(uniqueKeysWithValues: lineRuns)
        var services: [ServiceKey: Int] = [:]
        var groups: [[Int]] = []
        for (index, line) in loaded.billingLines.enumerated() where isCounted[index] && line.status != .denied {
            let key = ServiceKey(participant: line.participantID, code: line.procedureCode, date: line.serviceDate)
            if let group = services[key] {
                groups[group].append(index)
            } else {
                services[key] = groups.count
                groups.append([index])
            }
        }
        serviceGroups = groups

        // The first name each staff member's entries give, for staff missing from the roster.
        var names: [String: String] = [:]
        for (day, indexes) in entryRuns where names[day.staff] == nil {
            if let named = indexes.first(where: { !loaded.timeEntries[$0].staffName.isEmpty }) {
                names[day.staff] = loaded.timeEntries[named].staffName
            }
        }
        timesheetNames = names
        entriesByStaffDay = entryGroups
        linesByStaffDay = lineGroups
        // Both run lists are sorted by (staff number, day) = (staff id, day): merge them.
        var days: [StaffDay] = []
        days.reserveCapacity(entryRuns.count + lineRuns.count)
        var a = 0, b = 0
        func order(_ day: StaffDay) -> (Int, Int32) { (numbers[day.staff]!, day.day.number) }
        while a < entryRuns.count || b < lineRuns.count {
            if b == lineRuns.count || (a < entryRuns.count && order(entryRuns[a].0) < order(lineRuns[b].0)) {
                days.append(entryRuns[a].0); a += 1
            } else if a == entryRuns.count || order(lineRuns[b].0) < order(entryRuns[a].0) {
                days.append(lineRuns[b].0); b += 1
            } else {
                days.append(entryRuns[a].0); a += 1; b += 1
            }
        }
        staffDays = days
    }

    /// Which lines count as billed: not VOID, not a frequency-8 void, not an original that a void
    /// cancels or a replacement supersedes (matched by original claim id, and by line number when
    /// both sides have one).
    static func net(_ lines: [BillingLine]) -> [Bool] {
        var counted = [Bool](repeating: true, count: lines.count)
        // Only claims that a void or replacement names need an index.
        var targets = Set<String>()
        for line in lines where line.frequency != .original {
            targets.insert(line.originalClaimID.isEmpty ? line.claimID : line.originalClaimID)
        }
        var byClaim: [String: [Int]] = [:]
        if !targets.isEmpty {
            for (index, line) in lines.enumerated() where targets.contains(line.claimID) { byClaim[line.claimID, default: []].append(index) }
        }
        for (index, line) in lines.enumerated() {
            if line.isVoid { counted[index] = false }
            guard line.frequency != .original else { continue }
            let original = line.originalClaimID.isEmpty ? line.claimID : line.originalClaimID
            for target in byClaim[original] ?? [] where target != index && lines[target].frequency == .original {
                let targetLine = lines[target]
                if !line.lineNumber.isEmpty && !targetLine.lineNumber.isEmpty && line.lineNumber != targetLine.lineNumber {
                    continue
                }
                counted[target] = false
            }
        }
        return counted
    }

    // MARK: - Helpers for rules and messages

    /// "Maria Lopez (E1001)", or the bare id when no name is known.
    public func staffLabel(_ id: String) -> String {
        if let name = staffByID[id]?.name, !name.isEmpty { return "\(name) (\(id))" }
        if let name = timesheetNames[id], !name.isEmpty { return "\(name) (\(id))" }
        return id
    }

    /// Billable minutes of a line: its listed minutes, else its times, else nil.
    public func billedMinutes(_ line: BillingLine) -> Int? {
        line.serviceMinutes ?? line.interval.map { $0.count }
    }

    /// Minutes a line stands for when only its units are known (per-15 codes: 15 a unit).
    public func minutesForComparison(_ line: BillingLine) -> Int {
        billedMinutes(line) ?? line.units * 15
    }

    /// "H0038 10:30–11:15", or "H0038" without times.
    public func describe(_ line: BillingLine) -> String {
        guard let start = line.start, let end = line.end else { return line.procedureCode }
        return "\(line.procedureCode) \(FieldParser.clock(start))–\(FieldParser.clock(end))"
    }

    /// "10:00–11:00", or "90 minutes" without times.
    public func describeTime(_ entry: TimeEntry) -> String {
        guard let start = entry.start, let end = entry.end else { return "\(entry.minutes) minutes" }
        return "\(FieldParser.clock(start))–\(FieldParser.clock(end))"
    }

    /// The payer as people say it: "Medi-Cal", or the payer's own name.
    public func payerLabel(_ line: BillingLine) -> String {
        line.payerType == .other && !line.payerName.isEmpty ? line.payerName : line.payerType.label
    }

    /// CARE minutes at the configured hourly rate (zero when no rate is set).
    public func careAmount(minutes: Int) -> Money {
        Money.forMinutes(minutes, atHourlyRate: configuration.care.hourlyRate)
    }

    /// The share of a line's billed amount that `minutes` of it represent.
    public func billedShare(_ line: BillingLine, minutes: Int) -> Money {
        guard let amount = line.billedAmount else { return .zero }
        let whole = minutesForComparison(line)
        return whole > 0 ? amount.share(min(minutes, whole), of: whole) : amount
    }

    /// Is the line's procedure code one only certified peers may bill?
    public func isPeerCode(_ code: String) -> Bool {
        configuration.billing.peerCodes.contains(code)
    }
}
