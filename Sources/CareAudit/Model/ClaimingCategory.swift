/// Where an activity's time may be claimed (DOMAIN.md §2). The raw values are part of the
/// interface: reports, configuration and CI filters use them.
package enum ClaimingCategory: String, Sendable, Codable, CaseIterable, Comparable {
    case careCourtHearing = "CARE_COURT_HEARING"
    case careCourtReport = "CARE_COURT_REPORT"
    case careOutreach = "CARE_OUTREACH"
    case careNotice = "CARE_NOTICE"
    case careDataReporting = "CARE_DATA_REPORTING"
    case careImplementation = "CARE_IMPLEMENTATION"
    case directService = "DIRECT_SERVICE"
    case nonClaimable = "NON_CLAIMABLE"
    case leave = "LEAVE"
    case unclassified = "UNCLASSIFIED"

    /// The five activities DHCS reimburses on the CARE invoice.
    package var isCareClaimable: Bool {
        switch self {
        case .careCourtHearing, .careCourtReport, .careOutreach, .careNotice, .careDataReporting: true
        default: false
        }
    }

    /// CARE work that concerns one participant, so it should name one (CARE003).
    package var isClientSpecific: Bool {
        switch self {
        case .careCourtHearing, .careCourtReport, .careNotice, .careOutreach: true
        default: false
        }
    }

    /// Plain words for reports.
    /// A column heading: "hearing", "report", "outreach", "notice", "data".
    package var shortLabel: String {
        switch self {
        case .careCourtHearing: "hearing"
        case .careCourtReport: "report"
        case .careOutreach: "outreach"
        case .careNotice: "notice"
        case .careDataReporting: "data"
        default: rawValue.lowercased()
        }
    }

    package var label: String {
        switch self {
        case .careCourtHearing: "CARE court hearing"
        case .careCourtReport: "CARE court report"
        case .careOutreach: "CARE outreach and engagement"
        case .careNotice: "CARE legal notice"
        case .careDataReporting: "CARE data reporting"
        case .careImplementation: "CARE implementation (not claimable)"
        case .directService: "direct service (billed)"
        case .nonClaimable: "not claimable"
        case .leave: "leave"
        case .unclassified: "unclassified"
        }
    }

    package static func < (lhs: ClaimingCategory, rhs: ClaimingCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Time that serves one of the five CARE activities without being it: claimable as part of
/// that activity (DOMAIN.md §2, "ancillary time").
package enum Ancillary: String, Sendable, Codable, CaseIterable {
    case prep
    case internalMeeting = "internal_meeting"
    case supervision
    case travel
}
