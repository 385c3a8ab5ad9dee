import CareAudit
import Foundation

/// An activity a timesheet row can record, and how it is billed when it is a direct service.
struct Activity {
    let code: String
    let description: String
    let clientSpecific: Bool
    /// Procedure code and unit rule when the activity is billed.
    let billedAs: (code: String, rule: UnitRule, centsPerUnit: Int64)?

    static let hearing = Activity(code: "CH01", description: "CARE court hearing", clientSpecific: true, billedAs: nil)
    static let report = Activity(code: "CR01", description: "Court report preparation", clientSpecific: true, billedAs: nil)
    static let outreach = Activity(code: "OE01", description: "Outreach and engagement", clientSpecific: true, billedAs: nil)
    static let notice = Activity(code: "NT01", description: "Legal notice of CARE proceedings", clientSpecific: true, billedAs: nil)
    static let data = Activity(code: "DR01", description: "CARE data reporting", clientSpecific: false, billedAs: nil)
    static let implementation = Activity(code: "IM01", description: "CARE implementation planning", clientSpecific: false, billedAs: nil)
    static let meeting = Activity(code: "MTG", description: "CARE team meeting", clientSpecific: false, billedAs: nil)
    static let supervision = Activity(
        code: "SUP", description: "Supervision of CARE court report work", clientSpecific: false, billedAs: nil)
    static let peer = Activity(code: "PS01", description: "Peer support session", clientSpecific: true, billedAs: ("H0038", .per15, 3_850))
    static let therapy = Activity(
        code: "TH01", description: "Individual therapy session", clientSpecific: true, billedAs: ("90837", .perEncounter, 21_000))
    static let caseManagement = Activity(
        code: "CM01", description: "Targeted case management", clientSpecific: true, billedAs: ("T1017", .per15, 4_500))
    static let documentation = Activity(code: "DOC", description: "Documentation", clientSpecific: false, billedAs: nil)
    static let training = Activity(code: "TRN", description: "Training", clientSpecific: false, billedAs: nil)
}

struct StaffProfile {
    let id: String
    let npi: String
    let name: String
    let role: String
    let taxonomy: String
    let clients: [String]
    /// Activities by weight; direct services first.
    let mix: [(Activity, Int)]
}

/// Writes one month. Clean rows come first, staff member by staff member and day by day; planted
/// problems use staff members of their own (P01, P02, …) so nothing planted disturbs the clean part.
struct MonthGenerator {
    let period: Period
    let dialect: SynthDialect
    let spelling: Spelling
    let folder: String
    var rng: SplitMix
    private(set) var summary = ""

    var timesheet: TableWriter!
    var billing: TableWriter!
    var roster: TableWriter!
    var entryNumber = 0
    var claimNumber = 884_000
    var expected: [(rule: String, records: [String])] = []
    /// Lengths of the blocks a working day is made of.
    var durations = [30, 45, 60, 90]

    init(period: Period, seed: UInt64, dialect: SynthDialect, folder: String) {
        self.period = period
        self.dialect = dialect
        spelling = Spelling(dialect: dialect)
        self.folder = folder
        rng = SplitMix(seed: seed)
    }

    var workdays: [Day] {
        (0...(period.last.number - period.first.number)).map { period.first.adding(days: Int($0)) }.filter { day in
            let weekday = (Int(day.number) % 7 + 10) % 7  // 0 = Monday (1970-01-01 was a Thursday)
            return weekday < 5
        }
    }

    mutating func generate(staff requested: Int, timesheetRows: Int, plant: Bool) throws {
        timesheet = try TableWriter(folder: folder, name: "timesheets.csv", header: spelling.timesheetHeader)
        billing = try TableWriter(folder: folder, name: "billing.csv", header: spelling.billingHeader)
        roster = try TableWriter(folder: folder, name: "roster.csv", header: spelling.rosterHeader)
        let days = workdays
        // A day of 30–90 minute blocks holds about 6.6 entries (leave days hold one).
        let staffCount = max(requested, Int((Double(timesheetRows) / (Double(days.count) * 6.6)).rounded(.up)))
        var profiles: [StaffProfile] = []
        for index in 0..<staffCount { profiles.append(makeProfile(index)) }
        for profile in profiles { writeRoster(profile, certificate: safeCertificate()) }
        // About 8.7 entries fill a day of 30–90 minute blocks; fewer rows per staff day than that
        // means longer blocks.
        let perDay = Double(timesheetRows) / Double(staffCount * days.count)
        durations = perDay >= 8 ? [30, 45, 60, 90] : perDay >= 5 ? [45, 60, 90, 120] : [60, 90, 120, 180]
        for profile in profiles {
            for day in days { writeDay(profile, day) }
        }
        if plant { plantProblems() }
        timesheet.close()
        billing.close()
        roster.close()
        try writeConfiguration()
        if plant { try writeExpected() }
        summary =
            "\(folder): \(timesheet.rows) timesheet rows, \(billing.rows) claim lines, \(roster.rows) staff"
            + (plant ? ", \(expected.count) planted findings" : "") + "\n"
    }

    // MARK: - Clean data

    static let firstNames = [
        "Maria", "James", "Aisha", "Tom", "Rosa", "Kevin", "Linh", "Sam", "Ana", "David", "Mei", "Luis",
        "Grace", "Omar", "Priya", "Jorge", "Hannah", "Andre", "Yesenia", "Marcus",
    ]
    static let lastNames = [
        "Lopez", "Carter", "Khan", "Nguyen", "Delgado", "O'Brien", "Tran", "Patel", "García", "Kim",
        "Chen", "Ramírez", "Okafor", "Haddad", "Singh", "Morales", "Weiss", "Jackson", "Flores", "Reyes",
    ]

    mutating func makeProfile(_ index: Int, role forced: String? = nil, id forcedID: String? = nil) -> StaffProfile {
        let roll = rng.next(100)
        let role =
            forced
            ?? (roll < 40
                ? "CERTIFIED_PEER"
                : roll < 45
                    ? "PEER_TRAINEE"
                    : roll < 70
                        ? "CLINICIAN"
                        : roll < 92 ? "CASE_MANAGER" : "SUPERVISOR")
        let id = forcedID ?? String(format: "E%05d", 10_000 + index)
        let npi = String(1_000_000_000 + (forcedID == nil ? index : 900_000 + index))
        let name = "\(Self.firstNames[rng.next(Self.firstNames.count)]) \(Self.lastNames[rng.next(Self.lastNames.count)])"
        let clients = (0..<12).map { _ in String(format: "%09dA", rng.next(1_000_000_000)) }
        let mix: [(Activity, Int)]
        switch role {
        case "CERTIFIED_PEER":
            mix = [
                (.peer, 55), (.outreach, 12), (.report, 6), (.hearing, 5), (.notice, 4), (.meeting, 5), (.documentation, 10), (.data, 3),
            ]
        case "CLINICIAN":
            mix = [(.therapy, 50), (.hearing, 10), (.report, 12), (.meeting, 5), (.documentation, 18), (.training, 5)]
        case "CASE_MANAGER":
            mix = [(.caseManagement, 45), (.outreach, 15), (.notice, 10), (.report, 8), (.data, 7), (.documentation, 15)]
        case "SUPERVISOR":
            mix = [(.supervision, 30), (.implementation, 25), (.data, 20), (.meeting, 10), (.training, 15)]
        default:
            mix = [(.outreach, 35), (.meeting, 10), (.documentation, 30), (.training, 25)]
        }
        let taxonomy = role == "CERTIFIED_PEER" || role == "PEER_TRAINEE" ? "175T00000X" : role == "CLINICIAN" ? "101YM0800X" : ""
        return StaffProfile(id: id, npi: npi, name: name, role: role, taxonomy: taxonomy, clients: clients, mix: mix)
    }

    /// Issued 1 to 20 months before the period; valid for two years, so it outlives the period
    /// and the 60-day look-ahead.
    mutating func safeCertificate() -> (issued: Day, expires: Day, status: String) {
        let issued = period.first.adding(days: -(30 + rng.next(570)))
        return (issued, issued.adding(days: 730), "ACTIVE")
    }

    mutating func writeRoster(_ profile: StaffProfile, certificate: (issued: Day, expires: Day, status: String)) {
        let peer = profile.role == "CERTIFIED_PEER"
        roster.write([
            profile.id, profile.npi, profile.name, profile.role, profile.taxonomy,
            peer ? "CA-PSS-\(profile.npi.suffix(5))" : "",
            peer ? spelling.date(certificate.issued) : "", peer ? spelling.date(certificate.expires) : "",
            peer ? certificate.status : "", peer && rng.next(4) == 0 ? "Crisis Care" : "",
            spelling.date(period.first.adding(days: -(400 + rng.next(2000)))),
        ])
    }

    mutating func pick(_ mix: [(Activity, Int)]) -> Activity {
        var roll = rng.next(mix.reduce(0) { $0 + $1.1 })
        for (activity, weight) in mix {
            if roll < weight { return activity }
            roll -= weight
        }
        return mix[0].0
    }

    /// A contiguous working day from 08:00, or (3 in 100) a day of paid time off.
    mutating func writeDay(_ profile: StaffProfile, _ day: Day) {
        if rng.next(100) < 3 {
            writeEntry(profile, day, start: nil, end: nil, minutes: 480, activity: nil, client: "", payCode: "PTO")
            return
        }
        var time = 8 * 60
        // Billed services of one day go to different participants: no participant gets two
        // overlapping-looking claims or more units than a daily cap allows.
        var billedClients = Set<String>()
        while time < 16 * 60 {
            let activity = pick(profile.mix)
            var minutes = durations[rng.next(durations.count)]
            if activity.code == "TH01" { minutes = 60 }
            minutes = min(minutes, 17 * 60 - time)
            var client = activity.clientSpecific ? profile.clients[rng.next(profile.clients.count)] : ""
            if activity.billedAs != nil {
                while billedClients.contains(client) { client = profile.clients[rng.next(profile.clients.count)] }
                billedClients.insert(client)
            }
            let travel = activity.code == "OE01" && rng.next(3) == 0 ? 15 : 0
            writeEntry(
                profile, day, start: time, end: time + minutes, minutes: minutes, activity: activity, client: client,
                travel: travel)
            if activity.billedAs != nil {
                writeClaim(profile, day, start: time, end: time + minutes, minutes: minutes, activity: activity, client: client)
            }
            time += minutes
        }
    }

    @discardableResult
    mutating func writeEntry(
        _ profile: StaffProfile, _ day: Day, start: Int?, end: Int?, minutes: Int, activity: Activity?,
        client: String, payCode: String = "REG", travel: Int = 0, code: String? = nil,
        description: String? = nil, dateText: String? = nil
    ) -> String {
        entryNumber += 1
        let times = spelling.timesheetTimes ? [spelling.time(start), spelling.time(end)] : []
        let line = timesheet.write(
            [String(format: "T%07d", entryNumber), profile.id, profile.name, dateText ?? spelling.date(day)]
                + times + [
                    spelling.hours(minutes), code ?? activity?.code ?? "",
                    description ?? spelling.activityText(activity?.description ?? "Paid time off", entry: entryNumber), client,
                    "CARE-ADULT", payCode, String(travel),
                ])
        return "timesheets.csv:\(line)"
    }

    /// Claim line fields that plants override.
    struct ClaimDetails {
        var units: Int?
        var code: String?
        var amountCents: Int64?
        var payerType = "MEDI-CAL"
        var taxonomy: String?
        var npi: String?
        var staffID: String?
        var withTimes = true
    }

    @discardableResult
    mutating func writeClaim(
        _ profile: StaffProfile, _ day: Day, start: Int, end: Int, minutes: Int, activity: Activity,
        client: String, details: ClaimDetails = ClaimDetails()
    ) -> String {
        claimNumber += 1
        let billed = activity.billedAs!
        let units = details.units ?? billed.rule.units(forMinutes: minutes)
        let amount = details.amountCents ?? billed.centsPerUnit * Int64(billed.rule == .perEncounter ? 1 : units)
        let payer = details.payerType == "COMMERCIAL" ? "Blue Shield of California" : "Medi-Cal"
        let taxonomy = details.taxonomy ?? profile.taxonomy
        var cells = [
            String(claimNumber), "1", client, spelling.date(day),
            details.withTimes ? spelling.time(start) : "", details.withTimes ? spelling.time(end) : "",
            String(minutes), details.code ?? billed.code, "", String(units), "11", payer, details.payerType,
        ]
        if dialect != .alternate { cells.append(details.staffID ?? profile.id) }
        cells += [details.npi ?? profile.npi, taxonomy, spelling.money(amount), rng.next(20) == 0 ? "BILLED" : "PAID", "1", ""]
        return "billing.csv:\(billing.write(cells))"
    }

    // MARK: - Output

    mutating func writeConfiguration() throws {
        let yaml = """
            # Generated by care-audit-synth for \(period): the county's activity codes and billing rules.
            version: 1
            period: "\(period)"
            \(spelling.configuredColumns)classification:
              activity_codes:
                CH01: CARE_COURT_HEARING
                CR01: CARE_COURT_REPORT
                OE01: CARE_OUTREACH
                NT01: CARE_NOTICE
                DR01: CARE_DATA_REPORTING
                IM01: CARE_IMPLEMENTATION
                MTG: {category: CARE_COURT_HEARING, ancillary: internal_meeting}
                SUP: {category: CARE_COURT_REPORT, ancillary: supervision}
                PS01: DIRECT_SERVICE
                TH01: DIRECT_SERVICE
                CM01: DIRECT_SERVICE
                DOC: NON_CLAIMABLE
                TRN: NON_CLAIMABLE
            billing:
              unit_rules: {H0038: per15, H0025: per15, T1017: per15, "90837": per_encounter}
              daily_unit_caps: {H0038: 16}
            care:
              hourly_rate: 94.50  # an example rate: use the one in your county's CARE claiming agreement

            """
        try yaml.write(toFile: (folder as NSString).appendingPathComponent("care-audit.yml"), atomically: true, encoding: .utf8)
    }

    func writeExpected() throws {
        let rows = expected.map { finding in
            "  {\"rule\": \"\(finding.rule)\", \"records\": [\(finding.records.sorted().map { "\"\($0)\"" }.joined(separator: ", "))]}"
        }
        let json = "[\n" + rows.joined(separator: ",\n") + "\n]\n"
        try json.write(toFile: (folder as NSString).appendingPathComponent("expected-findings.json"), atomically: true, encoding: .utf8)
    }
}

/// SplitMix64: small, fast, and the same sequence for the same seed on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func nextRaw() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    mutating func next(_ bound: Int) -> Int { Int(nextRaw() % UInt64(bound)) }
}
