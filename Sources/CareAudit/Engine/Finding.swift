/// One thing the audit found: which rule, how serious, a message a finance analyst understands,
/// every record involved, and the minutes and money at stake.
public struct Finding: Sendable, Equatable {
    /// The id of the rule that returned it: the engine stamps it, so a rule never names itself.
    public var rule: String
    /// Set by the engine from the rule's default and the configuration.
    public var severity: Severity
    public var message: String
    public var records: [SourceRef]
    public var minutes: Int?
    public var staffID: String?
    public var date: Day?
    /// Participant ids named in the message (protected health information: `--redact` hides them);
    /// empty ids are dropped.
    package var participantIDs: [String]
    /// Free text and file cells the message quotes (an activity description, a bad value):
    /// `--redact` withholds them, since they may hold a participant id.
    package var withheld: [String]
    /// Which money total the finding feeds and by how much, record by record (nil: none; its
    /// `amount` is then nil too). See `MoneyEffect`.
    package var money: MoneyEffect?
    /// The money at stake, in the total `money` names.
    public var amount: Money? { money?.amount }

    package init(
        rule: String = "", message: String, records: [SourceRef], minutes: Int? = nil,
        money: MoneyEffect? = nil, staffID: String? = nil, date: Day? = nil, participantIDs: [String] = [],
        withheld: [String] = [], severity: Severity = .error
    ) {
        self.withheld = withheld
        self.money = money
        self.rule = rule
        self.severity = severity
        self.message = message
        self.records = records
        self.minutes = minutes
        self.staffID = staffID
        self.date = date
        self.participantIDs = participantIDs.filter { !$0.isEmpty }
    }

    /// Reports list findings worst first, then by rule, file and line: the same input always
    /// gives the same order, whatever order its rows came in.
    package static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.rule != b.rule { return a.rule < b.rule }
        let ra = a.records.first
        let rb = b.records.first
        if let ra, let rb, ra != rb {
            if ra.file != rb.file { return ra.file < rb.file }
            if ra.line != rb.line { return ra.line < rb.line }
        }
        if a.records.count != b.records.count { return a.records.count < b.records.count }
        for (x, y) in zip(a.records, b.records) where x != y {
            return x.file != y.file ? x.file < y.file : x.line < y.line
        }
        return a.message < b.message
    }
}
