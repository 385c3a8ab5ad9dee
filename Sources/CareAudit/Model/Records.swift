/// One timesheet entry, typed. Times are minutes after midnight of `date`; an entry that ends
/// past midnight has `end` > 1440 rather than a wrong negative length.
public struct TimeEntry: Sendable, Equatable {
    public var source: SourceRef
    public var staffID: String
    public var staffName: String
    public var date: Day
    public var start: Int?
    public var end: Int?
    public var minutes: Int
    public var activityCode: String
    public var activityDescription: String
    public var participantID: String
    public var program: String
    public var payCode: String
    public var travelMinutes: Int
    public var classification: Classification

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

/// One billing claim line, typed.
public struct BillingLine: Sendable, Equatable {
    public var source: SourceRef
    public var claimID: String
    public var lineNumber: String
    public var participantID: String
    public var serviceDate: Day
    public var start: Int?
    public var end: Int?
    public var serviceMinutes: Int?
    public var procedureCode: String
    public var modifiers: [String]
    public var units: Int
    public var placeOfService: String
    public var payerName: String
    public var payerType: PayerType
    public var renderingStaffID: String
    public var renderingNPI: String
    public var renderingTaxonomy: String?
    public var billedAmount: Money?
    public var status: ClaimStatus
    public var frequency: ClaimFrequency
    public var originalClaimID: String
    public var category: ClaimingCategory
    /// The procedure code is a CARE activity code: CARE time billed to a payer (DC003).
    public var isCareActivityCode: Bool

    /// The interval `[start, end)` when the export gave times.
    public var interval: Range<Int>? {
        guard let start, let end else { return nil }
        return start..<end
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
    public var isCertifiedPeer: Bool {
        HeaderMapping.normalize(role) == "certifiedpeer" || !certNumber.isEmpty
    }
}
