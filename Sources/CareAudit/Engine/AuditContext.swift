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
        lineStaff = loaded.billingLines.map { line in
            if !line.renderingStaffID.isEmpty { return line.renderingStaffID }
            return byNPI[line.renderingNPI]?.staffID
        }
        counted = Self.net(loaded.billingLines)

        var entryGroups: [StaffDay: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            entryGroups[StaffDay(staff: entry.staffID, day: entry.date), default: []].append(index)
        }
        for key in entryGroups.keys {
            entryGroups[key]!.sort { a, b in
                let x = loaded.timeEntries[a], y = loaded.timeEntries[b]
                return ((x.start ?? -1), x.source) < ((y.start ?? -1), y.source)
            }
        }
        var lineGroups: [StaffDay: [Int]] = [:]
        for (index, line) in loaded.billingLines.enumerated() where counted[index] {
            guard let staffID = lineStaff[index] else { continue }
            lineGroups[StaffDay(staff: staffID, day: line.serviceDate), default: []].append(index)
        }
        for key in lineGroups.keys {
            lineGroups[key]!.sort { a, b in
                let x = loaded.billingLines[a], y = loaded.billingLines[b]
                return ((x.start ?? -1), x.source) < ((y.start ?? -1), y.source)
            }
        }
        var services: [ServiceKey: Int] = [:]
        var groups: [[Int]] = []
        for (index, line) in loaded.billingLines.enumerated() where counted[index] && line.status != .denied {
            let key = ServiceKey(participant: line.participantID, code: line.procedureCode, date: line.serviceDate)
            if let group = services[key] {
                groups[group].append(index)
            } else {
                services[key] = groups.count
                groups.append([index])
            }
        }
        serviceGroups = groups

        var names: [String: String] = [:]
        for entry in entries where !entry.staffName.isEmpty && names[entry.staffID] == nil {
            names[entry.staffID] = entry.staffName
        }
        timesheetNames = names
        entriesByStaffDay = entryGroups
        linesByStaffDay = lineGroups
        staffDays = Set(entryGroups.keys).union(lineGroups.keys).sorted { ($0.staff, $0.day) < ($1.staff, $1.day) }
    }

    /// Which lines count as billed: not VOID, not a frequency-8 void, not an original that a void
    /// cancels or a replacement supersedes (matched by original claim id, and by line number when
    /// both sides have one).
    static func net(_ lines: [BillingLine]) -> [Bool] {
        var counted = [Bool](repeating: true, count: lines.count)
        var byClaim: [String: [Int]] = [:]
        for (index, line) in lines.enumerated() { byClaim[line.claimID, default: []].append(index) }
        for (index, line) in lines.enumerated() {
            if line.status == .void { counted[index] = false }
            guard line.frequency != .original else { continue }
            if line.frequency == .void { counted[index] = false }
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
