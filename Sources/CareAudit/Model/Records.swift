/// One timesheet entry, typed. A class: rules pass entries around by reference, never copying
/// their strings. Times are minutes after midnight of `date`; an entry that ends
/// past midnight has `end` > 1440 rather than a wrong negative length.
public final class TimeEntry: Sendable {
    public let source: SourceRef
    public let staffID: String
    public let staffName: String
    public let date: Day
    public let start: Int?
    public let end: Int?
    public let minutes: Int
    public let activityCode: String
    public let activityDescription: String
    public let participantID: String
    public let program: String
    public let payCode: String
    public let travelMinutes: Int
    public let classification: Classification

    public init(source: SourceRef, staffID: String, staffName: String, date: Day, start: Int?, end: Int?,
                minutes: Int, activityCode: String, activityDescription: String, participantID: String,
                program: String, payCode: String, travelMinutes: Int, classification: Classification) {
        self.source = source
        self.staffID = staffID
        self.staffName = staffName
        self.date = date
        self.start = start
        self.end = end
        self.minutes = minutes
        self.activityCode = activityCode
        self.activityDescription = activityDescription
        self.participantID = participantID
        self.program = program
        self.payCode = payCode
        self.travelMinutes = travelMinutes
        self.classification = classification
    }

    /// The interval `[start, end)` when the export gave times.
    public var interval: Range<Int>? {
        guard let start, let end else { return nil }
        return start..<end
    }
}

/// Payers as billing exports name them.
public enum PayerType: String, Sendable, CaseIterable, Codable {
    case mediCal = "MEDI-CAL"
    case commercial = "COMMERCIAL"
    case medicare = "MEDICARE"
    case other = "OTHER"

    /// Reads `MEDI-CAL`, `Medi-Cal`, `MEDICAL`, `Medi Cal`, …; falls back to the payer's name.
    public init(type: String, payerName: String) {
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

    public var label: String {
        switch self {
        case .mediCal: "Medi-Cal"
        case .commercial: "commercial"
        case .medicare: "Medicare"
        case .other: "other payer"
        }
    }
}

/// Claim line status; a VOID line never counts as billed.
public enum ClaimStatus: String, Sendable, CaseIterable, Codable {
    case billed = "BILLED"
    case paid = "PAID"
    case denied = "DENIED"
    case void = "VOID"

    public init?(text: String) {
        // Exports spell these in capitals almost always: skip normalising then.
        switch text {
        case "PAID": self = .paid; return
        case "BILLED", "": self = .billed; return
        case "DENIED": self = .denied; return
        case "VOID": self = .void; return
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
public enum ClaimFrequency: Int, Sendable, CaseIterable, Codable {
    case original = 1
    case replacement = 7
    case void = 8
}

/// One billing claim line, typed (a class, like `TimeEntry`).
public final class BillingLine: Sendable {
    public let source: SourceRef
    public let claimID: String
    public let lineNumber: String
    public let participantID: String
    public let serviceDate: Day
    public let start: Int?
    public let end: Int?
    public let serviceMinutes: Int?
    public let procedureCode: String
    public let modifiers: [String]
    public let units: Int
    public let placeOfService: String
    public let payerName: String
    public let payerType: PayerType
    public let renderingStaffID: String
    public let renderingNPI: String
    public let renderingTaxonomy: String?
    public let billedAmount: Money?
    public let status: ClaimStatus
    public let frequency: ClaimFrequency
    public let originalClaimID: String
    public let category: ClaimingCategory
    /// The procedure code is a CARE activity code: CARE time billed to a payer (DC003).
    public let isCareActivityCode: Bool

    public init(source: SourceRef, claimID: String, lineNumber: String, participantID: String, serviceDate: Day,
                start: Int?, end: Int?, serviceMinutes: Int?, procedureCode: String, modifiers: [String],
                units: Int, placeOfService: String, payerName: String, payerType: PayerType,
                renderingStaffID: String, renderingNPI: String, renderingTaxonomy: String?, billedAmount: Money?,
                status: ClaimStatus, frequency: ClaimFrequency, originalClaimID: String,
                category: ClaimingCategory, isCareActivityCode: Bool) {
        self.source = source
        self.claimID = claimID
        self.lineNumber = lineNumber
        self.participantID = participantID
        self.serviceDate = serviceDate
        self.start = start
        self.end = end
        self.serviceMinutes = serviceMinutes
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.units = units
        self.placeOfService = placeOfService
        self.payerName = payerName
        self.payerType = payerType
        self.renderingStaffID = renderingStaffID
        self.renderingNPI = renderingNPI
        self.renderingTaxonomy = renderingTaxonomy
        self.billedAmount = billedAmount
        self.status = status
        self.frequency = frequency
        self.originalClaimID = originalClaimID
        self.category = category
        self.isCareActivityCode = isCareActivityCode
    }

    /// The interval `[start, end)` when the export gave times.
    public var interval: Range<Int>? {
        guard let start, let end else { return nil }
        return start..<end
    }

    /// A VOID line or a frequency-8 void: it reverses billing rather than bills.
    public var isVoid: Bool { status == .void || frequency == .void }

    /// Could this line and `other` be one session? Not when both have times that do not
    /// overlap: payers' duplicate keys carry no times, but when the export does, a morning and
    /// an afternoon session are two services.
    public func mayBeSameSession(with other: BillingLine) -> Bool {
        guard let mine = interval, let theirs = other.interval else { return true }
        return mine.overlaps(theirs)
    }
}

/// One staff member from the roster.
public struct StaffMember: Sendable, Equatable {
    public var source: SourceRef
    public var staffID: String
    public var npi: String
    public var name: String
    public var role: String
    public var taxonomy: String
    public var certNumber: String
    public var certIssued: Day?
    public var certExpires: Day?
    public var certStatus: String
    public var specializations: String
    public var employmentStart: Day?
    public var employmentEnd: Day?

    /// Role CERTIFIED_PEER (or a peer certificate number on file).
    public var isCertifiedPeer: Bool

    public init(source: SourceRef, staffID: String, npi: String, name: String, role: String, taxonomy: String,
                certNumber: String, certIssued: Day?, certExpires: Day?, certStatus: String, specializations: String,
                employmentStart: Day?, employmentEnd: Day?) {
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
