import Foundation

/// Every rule, registered explicitly and sorted by id: `care-audit rules` lists them in this
/// order and the registry test checks it matches DOMAIN.md §4's catalogue.
package enum RuleRegistry {
    package static let all: [any Rule] = [
        CARE001TravelOutsideOutreach(),
        CARE002ImplementationInvoiced(),
        CARE003NoParticipant(),
        DC001OverlappingTime(),
        DC002SameParticipantNoTimes(),
        DC003CareCodeBilled(),
        DC004ClaimedExceedsWorked(),
        DC005ImpossibleTime(),
        DUP001ExactDuplicate(),
        DUP002SuspectDuplicate(),
        DUP003TwoPayers(),
        INPUT001UnreadableRow(),
        PEER001CertificateNotActive(),
        PEER002NotCertified(),
        PEER003Taxonomy(),
        PEER004ExpiringSoon(),
        REF001UnknownRenderingStaff(),
        REF002UnclassifiedActivity(),
        REF003OutsidePeriod(),
        TS001OverlappingEntries(),
        TS003WorkOnLeave(),
        TS004BilledWithoutTimesheet(),
        UNIT001UnitsDisagreeWithMinutes(),
        UNIT002NoUnits(),
        UNIT003DailyCap(),
    ]

    package static var ids: [String] { all.map(\.description.id) }

    package static func rule(id: String) -> (any Rule)? {
        all.first { $0.description.id.caseInsensitiveCompare(id) == .orderedSame }
    }
}
