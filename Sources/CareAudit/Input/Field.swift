/// The canonical fields of every export kind, the one list of their names. Numbered so a typer
/// finds a field's column by array index rather than by hashing its name for every cell of
/// every row.
package enum Field: Int, CaseIterable, Sendable {
    case recordId
    case staffId
    case staffName
    case workDate
    case startTime
    case endTime
    case minutes
    case hours
    case activityCode
    case activityDescription
    case participantId
    case program
    case payCode
    case travelMinutes
    case claimId
    case lineNumber
    case serviceDate
    case serviceMinutes
    case procedureCode
    case modifier1
    case modifier2
    case modifier3
    case modifier4
    case units
    case placeOfService
    case payerName
    case payerType
    case renderingStaffId
    case renderingNpi
    case renderingTaxonomy
    case billedAmount
    case claimStatus
    case frequencyCode
    case originalClaimId
    case npi
    case role
    case taxonomy
    case peerCertNumber
    case peerCertIssued
    case peerCertExpires
    case peerCertStatus
    case specializations
    case employmentStart
    case employmentEnd
    case groupId
    case peerCertInitial

    /// The canonical name (docs/DOMAIN.md §5), as configuration and messages write it: the case
    /// name in snake case (`recordId` is `record_id`, `modifier1` is `modifier_1`).
    package var name: String { Self.names[rawValue] }

    /// The field of a canonical name.
    package init?(name: String) {
        guard let index = Self.names.firstIndex(of: name) else { return nil }
        self.init(rawValue: index)
    }

    private static let names: [String] = allCases.map { field in
        var name = ""
        for character in String(describing: field) {
            if character.isUppercase || character.isNumber && !(name.last?.isNumber ?? true) { name.append("_") }
            name.append(character.lowercased())
        }
        return name
    }
}
