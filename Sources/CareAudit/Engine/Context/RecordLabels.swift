/// What rules and messages ask of the context: texts, where a record came from, names, clock
/// times, money at the configured rate. Nothing here is an index; each answers from one record.
extension AuditContext {
    /// The text of an id.
    package subscript(id: TextID) -> String { texts[id] }

    /// The texts of ids, empty ones left out (a finding's participants).
    package func texts(_ ids: TextID...) -> [String] { ids.filter { !$0.isEmpty }.map { texts[$0] } }

    /// The distinct participants of several records, sorted (for a finding that names them all).
    package func participants(_ ids: [TextID]) -> [String] { Set(ids.filter { !$0.isEmpty }).map { texts[$0] }.sorted() }

    /// Where an entry came from.
    package func source(_ entry: TimeEntry) -> SourceRef {
        SourceRef(
            file: summaries[Int(entry.row.file)].path, line: Int(entry.row.line),
            recordID: entry.recordID.isEmpty ? nil : texts[entry.recordID])
    }

    /// Where a line came from; its record id is the claim id and line number.
    package func source(_ line: BillingLine) -> SourceRef {
        let claim = texts[line.claimID]
        return SourceRef(
            file: summaries[Int(line.row.file)].path, line: Int(line.row.line),
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
