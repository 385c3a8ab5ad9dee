/// Where a typed row came from: its input (position in the audit's file list) and physical
/// line. `AuditContext.source` turns it into a `SourceRef` for findings.
package struct RowRef: Hashable, Sendable {
    package let file: UInt32
    package let line: UInt32

    package init(file: Int, line: Int) {
        self.file = UInt32(file)
        self.line = UInt32(clamping: line)
    }

    func shifted(by lines: Int) -> RowRef {
        lines == 0 ? self : RowRef(file: Int(file), line: Int(line) + lines)
    }
}

/// Minutes after midnight, or none: 4 bytes where `Int?` takes 9 (records are kept by the
/// million).
@usableFromInline
struct PackedMinutes: Sendable, Hashable {
    let raw: Int32

    init(_ value: Int?) { raw = value.map { Int32(clamping: $0) } ?? .min }

    var value: Int? { raw == .min ? nil : Int(raw) }

    /// The same time on the previous day's timeline (24 hours later).
    var nextDay: PackedMinutes { PackedMinutes(value.map { $0 + 1440 }) }
}

/// One timesheet entry, typed and compact (64 bytes): texts are `TextID`s into the audit's
/// `TextTable`, times are minutes after midnight of `date`; an entry that ends past midnight
/// has `end` > 1440 rather than a wrong negative length.
package struct TimeEntry: Sendable {
    package private(set) var row: RowRef
    /// The export's own id for the row (Entry ID), if any.
    package private(set) var recordID: TextID
    package private(set) var staffID: TextID
    package private(set) var staffName: TextID
    package let date: Day
    private var startMinute: PackedMinutes
    private var endMinute: PackedMinutes
    private let storedMinutes: Int32
    private let storedTravel: Int32
    package private(set) var activityCode: TextID
    package private(set) var activityDescription: TextID
    package private(set) var participantID: TextID
    package private(set) var program: TextID
    package private(set) var payCode: TextID
    /// Set when the row is read; consensus over its activity code may change it (`ConsensusClassification`).
    package internal(set) var category: ClaimingCategory
    package internal(set) var ancillary: Ancillary?
    /// The category the description alone says (nil: no keyword or pattern matches it), decided
    /// when the row is read, so that no rule classifies again (CARE002, REF002 compare the two).
    package let describedAs: ClaimingCategory?
    /// Whether the configured activity-code map holds the row's code (REF002 names the codes it lacks).
    package let codeIsMapped: Bool

    package init(
        row: RowRef, recordID: TextID, staffID: TextID, staffName: TextID, date: Day, start: Int?, end: Int?,
        minutes: Int, activityCode: TextID, activityDescription: TextID, participantID: TextID,
        program: TextID, payCode: TextID, travelMinutes: Int, category: ClaimingCategory, ancillary: Ancillary?,
        describedAs: ClaimingCategory? = nil, codeIsMapped: Bool = false
    ) {
        self.row = row
        self.recordID = recordID
        self.staffID = staffID
        self.staffName = staffName
        self.date = date
        startMinute = PackedMinutes(start)
        endMinute = PackedMinutes(end)
        storedMinutes = Int32(clamping: minutes)
        storedTravel = Int32(clamping: travelMinutes)
        self.activityCode = activityCode
        self.activityDescription = activityDescription
        self.participantID = participantID
        self.program = program
        self.payCode = payCode
        self.category = category
        self.ancillary = ancillary
        self.describedAs = describedAs
        self.codeIsMapped = codeIsMapped
    }

    package var start: Int? { startMinute.value }
    package var end: Int? { endMinute.value }
    package var minutes: Int { Int(storedMinutes) }
    package var travelMinutes: Int { Int(storedTravel) }

    /// The staff day the entry is counted in: its date, or the day before when it lies inside an
    /// overnight shift that started then (`onPreviousDay`).
    package var timelineDay: Day { (start ?? 0) >= 1440 ? date.adding(days: -1) : date }

    /// The entry on the previous day's timeline, its times 24 hours later (DOMAIN.md §8: an
    /// overnight shift belongs to the day it started, with what falls inside it).
    func onPreviousDay() -> TimeEntry {
        var copy = self
        (copy.startMinute, copy.endMinute) = (startMinute.nextDay, endMinute.nextDay)
        return copy
    }

    /// The interval `[start, end)` when the export gave times.
    package var interval: Range<Int>? {
        guard let start, let end else { return nil }
        return start..<end
    }

    /// The same entry in the merged read: its texts renumbered (`map[old id]`; no map when its
    /// table is the one kept) and its line moved `lines` down (a later part of a split file).
    func merged(renumbering map: [TextID]?, lines: Int) -> TimeEntry {
        var copy = self
        copy.row = row.shifted(by: lines)
        guard let map else { return copy }
        (copy.recordID, copy.staffID, copy.staffName) = (map[recordID], map[staffID], map[staffName])
        (copy.activityCode, copy.activityDescription) = (map[activityCode], map[activityDescription])
        (copy.participantID, copy.program, copy.payCode) = (map[participantID], map[program], map[payCode])
        return copy
    }
}

extension Array where Element == TextID {
    subscript(id: TextID) -> TextID { self[Int(id.raw)] }
}

/// Payers as billing exports name them.
package enum PayerType: String, Sendable, CaseIterable, Codable {
    case mediCal = "MEDI-CAL"
    case commercial = "COMMERCIAL"
    case medicare = "MEDICARE"
    case other = "OTHER"

    /// Reads `MEDI-CAL`, `Medi-Cal`, `MEDICAL`, `Medi Cal`, …; falls back to the payer's name.
    package init(type: String, payerName: String) {
        let key = HeaderMapping.normalize(type.isEmpty ? payerName : type)
        if key.contains("medical") || key.contains("medicaid") {
            self = .mediCal
        } else if key.contains("medicare") {
            self = .medicare
        } else if key.contains("commercial") || (!type.isEmpty && key.contains("private")) {
            self = .commercial
        } else {
            self = .other
        }
    }

    /// Whether a payer type says "other" in so many words (OTHER, Other Payer), rather than
    /// being a value outside the known set.
    static func isOther(_ type: String) -> Bool {
        ["other", "otherpayer", "oth"].contains(HeaderMapping.normalize(type))
    }

    package var label: String {
        switch self {
        case .mediCal: "Medi-Cal"
        case .commercial: "commercial"
        case .medicare: "Medicare"
        case .other: "other payer"
        }
    }
}

/// Claim line status; a VOID line never counts as billed.
package enum ClaimStatus: String, Sendable, CaseIterable, Codable {
    case billed = "BILLED"
    case paid = "PAID"
    case denied = "DENIED"
    case void = "VOID"

    package init?(text: String) {
        // Exports spell these in capitals almost always: skip normalising then.
        switch text {
        case "PAID":
            self = .paid
            return
        case "BILLED", "":
            self = .billed
            return
        case "DENIED":
            self = .denied
            return
        case "VOID":
            self = .void
            return
        default: break
        }
        switch HeaderMapping.normalize(text) {
        case "", "billed", "submitted", "pending", "open": self = .billed
        case "paid", "approved", "adjudicated": self = .paid
        case "denied", "rejected": self = .denied
        case "void", "voided", "cancelled", "canceled": self = .void
        default: return nil
        }
    }
}

/// Claim frequency: 1 original, 7 replacement, 8 void.
package enum ClaimFrequency: Int, Sendable, CaseIterable, Codable {
    case original = 1
    case replacement = 7
    case void = 8
}

/// One billing claim line, typed and compact (like `TimeEntry`).
package struct BillingLine: Sendable {
    package private(set) var row: RowRef
    package private(set) var claimID: TextID
    package private(set) var lineNumber: TextID
    package private(set) var participantID: TextID
    package let serviceDate: Day
    private var startMinute: PackedMinutes
    private var endMinute: PackedMinutes
    private let listedMinutes: PackedMinutes
    private let storedUnits: Int32
    package private(set) var procedureCode: TextID
    /// Modifiers, upper-cased, joined by U+001F (only compared, never split).
    package private(set) var modifiers: TextID
    package private(set) var placeOfService: TextID
    package private(set) var payerName: TextID
    package private(set) var renderingStaffID: TextID
    package private(set) var renderingNPI: TextID
    /// Empty when the export has no taxonomy column (`hasTaxonomy` false) or the cell is empty.
    package private(set) var renderingTaxonomy: TextID
    package private(set) var originalClaimID: TextID
    /// The export's group session id, when it has the column (empty otherwise).
    package private(set) var groupID: TextID
    private let amountCents: Int64
    package let payerType: PayerType
    package let status: ClaimStatus
    package let frequency: ClaimFrequency
    package let category: ClaimingCategory
    /// The procedure code is a CARE activity code: CARE time billed to a payer (DC003).
    package let isCareActivityCode: Bool
    /// The export has a rendering taxonomy column.
    package let hasTaxonomy: Bool
    private let hasAmount: Bool

    package init(
        row: RowRef, claimID: TextID, lineNumber: TextID, participantID: TextID, serviceDate: Day,
        start: Int?, end: Int?, serviceMinutes: Int?, procedureCode: TextID, modifiers: TextID,
        units: Int, placeOfService: TextID, payerName: TextID, payerType: PayerType,
        renderingStaffID: TextID, renderingNPI: TextID, renderingTaxonomy: TextID, hasTaxonomy: Bool,
        billedAmount: Money?, status: ClaimStatus, frequency: ClaimFrequency, originalClaimID: TextID,
        groupID: TextID = .empty, category: ClaimingCategory, isCareActivityCode: Bool
    ) {
        self.groupID = groupID
        self.row = row
        self.claimID = claimID
        self.lineNumber = lineNumber
        self.participantID = participantID
        self.serviceDate = serviceDate
        startMinute = PackedMinutes(start)
        endMinute = PackedMinutes(end)
        listedMinutes = PackedMinutes(serviceMinutes)
        storedUnits = Int32(clamping: units)
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.placeOfService = placeOfService
        self.payerName = payerName
        self.payerType = payerType
        self.renderingStaffID = renderingStaffID
        self.renderingNPI = renderingNPI
        self.renderingTaxonomy = renderingTaxonomy
        self.hasTaxonomy = hasTaxonomy
        amountCents = billedAmount?.cents ?? 0
        hasAmount = billedAmount != nil
        self.status = status
        self.frequency = frequency
        self.originalClaimID = originalClaimID
        self.category = category
        self.isCareActivityCode = isCareActivityCode
    }

    package var start: Int? { startMinute.value }
    package var end: Int? { endMinute.value }
    package var serviceMinutes: Int? { listedMinutes.value }
    package var units: Int { Int(storedUnits) }
    package var billedAmount: Money? { hasAmount ? Money(cents: amountCents) : nil }

    /// The interval `[start, end)` when the export gave times.
    package var interval: Range<Int>? {
        guard let start, let end else { return nil }
        return start..<end
    }

    /// The staff day the line is counted in (see `TimeEntry.timelineDay`); `serviceDate` stays
    /// the claim's date of service.
    package var timelineDay: Day { (start ?? 0) >= 1440 ? serviceDate.adding(days: -1) : serviceDate }

    /// The line on the previous day's timeline, its times 24 hours later.
    func onPreviousDay() -> BillingLine {
        var copy = self
        (copy.startMinute, copy.endMinute) = (startMinute.nextDay, endMinute.nextDay)
        return copy
    }

    /// A VOID line or a frequency-8 void: it reverses billing rather than bills.
    package var isVoid: Bool { status == .void || frequency == .void }

    /// Could this line and `other` be one session? Not when both have times that do not
    /// overlap: payers' duplicate keys carry no times, but when the export does, a morning and
    /// an afternoon session are two services.
    package func mayBeSameSession(with other: BillingLine) -> Bool {
        guard let mine = clockInterval, let theirs = other.clockInterval else { return true }
        return mine.overlaps(theirs)
    }

    /// The interval on its date of service's own clock (a line moved onto an overnight shift's
    /// timeline has its times 24 hours later): what lines of one date are compared by.
    package var clockInterval: Range<Int>? {
        guard let interval else { return nil }
        return interval.lowerBound >= 1440 ? (interval.lowerBound - 1440)..<(interval.upperBound - 1440) : interval
    }

    /// The same line in the merged read: its texts renumbered (`map[old id]`; no map when its
    /// table is the one kept) and its line moved `lines` down (a later part of a split file).
    func merged(renumbering map: [TextID]?, lines: Int) -> BillingLine {
        var copy = self
        copy.row = row.shifted(by: lines)
        guard let map else { return copy }
        (copy.claimID, copy.lineNumber, copy.originalClaimID, copy.groupID) = (
            map[claimID], map[lineNumber], map[originalClaimID], map[groupID]
        )
        (copy.participantID, copy.procedureCode, copy.modifiers) = (map[participantID], map[procedureCode], map[modifiers])
        (copy.placeOfService, copy.payerName) = (map[placeOfService], map[payerName])
        (copy.renderingStaffID, copy.renderingNPI, copy.renderingTaxonomy) = (
            map[renderingStaffID], map[renderingNPI], map[renderingTaxonomy]
        )
        return copy
    }
}

/// One staff member from the roster.
package struct StaffMember: Sendable, Equatable {
    package var source: SourceRef
    package var staffID: String
    package var npi: String
    package var name: String
    package var role: String
    package var taxonomy: String
    package var certNumber: String
    package var certIssued: Day?
    package var certExpires: Day?
    package var certStatus: String
    /// The date of first certification, when the roster gives it: certified since then, the
    /// certificate renewed every two years up to `certExpires`.
    package var certInitial: Day?
    package var specializations: String
    package var employmentStart: Day?
    package var employmentEnd: Day?

    /// Role CERTIFIED_PEER (or a peer certificate number on file).
    package var isCertifiedPeer: Bool

    package init(
        source: SourceRef, staffID: String, npi: String, name: String, role: String, taxonomy: String,
        certNumber: String, certIssued: Day?, certExpires: Day?, certStatus: String, specializations: String,
        employmentStart: Day?, employmentEnd: Day?, certInitial: Day? = nil
    ) {
        self.certInitial = certInitial
        self.source = source
        self.staffID = staffID
        self.npi = npi
        self.name = name
        self.role = role
        self.taxonomy = taxonomy
        self.certNumber = certNumber
        self.certIssued = certIssued
        self.certExpires = certExpires
        self.certStatus = certStatus
        self.specializations = specializations
        self.employmentStart = employmentStart
        self.employmentEnd = employmentEnd
        isCertifiedPeer = HeaderMapping.normalize(role) == "certifiedpeer" || !certNumber.isEmpty
    }
}
