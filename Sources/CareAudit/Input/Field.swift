/// Canonical fields of all export kinds, numbered so a typer finds a field's column by array
/// index rather than by hashing its name for every cell of every row.
enum Field: Int, CaseIterable {
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

    /// The canonical name (DOMAIN.md §5), as in configuration and messages.
    var name: String { Self.names[rawValue] }

    private static let names = [
        "record_id",
        "staff_id",
        "staff_name",
        "work_date",
        "start_time",
        "end_time",
        "minutes",
        "hours",
        "activity_code",
        "activity_description",
        "participant_id",
        "program",
        "pay_code",
        "travel_minutes",
        "claim_id",
        "line_number",
        "service_date",
        "service_minutes",
        "procedure_code",
        "modifier_1",
        "modifier_2",
        "modifier_3",
        "modifier_4",
        "units",
        "place_of_service",
        "payer_name",
        "payer_type",
        "rendering_staff_id",
        "rendering_npi",
        "rendering_taxonomy",
        "billed_amount",
        "claim_status",
        "frequency_code",
        "original_claim_id",
        "npi",
        "role",
        "taxonomy",
        "peer_cert_number",
        "peer_cert_issued",
        "peer_cert_expires",
        "peer_cert_status",
        "specializations",
        "employment_start",
        "employment_end",
        "group_id",
        "peer_cert_initial",
    ]
}
