/// The three kinds of export care-audit reads.
public enum InputKind: String, Sendable, Codable, CaseIterable {
    case timesheet
    case billing
    case roster

    /// The command-line option that gives a file of this kind.
    public var option: String {
        switch self {
        case .timesheet: "timesheets"
        case .billing: "billing"
        case .roster: "roster"
        }
    }
}

/// A canonical field and the header spellings different systems use for it (DOMAIN.md §5).
public struct FieldSpec: Sendable {
    public let name: String
    public let aliases: [String]
}

/// The canonical fields of one input kind and which of them must be present.
public struct InputSchema: Sendable {
    public let kind: InputKind
    public let fields: [FieldSpec]
    /// Each requirement is met when all fields of any one of its alternatives are present.
    public let requirements: [[[String]]]

    public static func of(_ kind: InputKind) -> InputSchema {
        switch kind {
        case .timesheet: timesheet
        case .billing: billing
        case .roster: roster
        }
    }

    // Where the aliases come from (headers as those systems' exports and reports write them;
    // spacing, case and punctuation do not matter, so SmartCare's "DateOfService" is "Date of
    // Service"): UKG/Kronos timecard and punch exports (Person Number, Apply Date, In/Out Punch,
    // Pay Code, Labor Account); Workday time blocks (Worker, Calendar Date, In Time, Out Time,
    // Time Type, Cost Center, Comment); ADP Workforce Now (Associate ID, File Number, Earnings
    // Code, Clock In/Out); Arcoro and When I Work time entries (Clock-In Date, Entry Note, Project
    // Code); SmartCare services and claim lines (ClientId, DateOfService, ProcedureCode,
    // ClinicianId, StartTime, Charge, CoveragePlan, ClaimLineId); Netsmart myAvatar (Practitioner
    // ID, Service Code, Episode); CMS-1500 / 837P terms (Rendering Provider NPI, ICN).
    static let staffIDAliases = ["Employee ID", "Person Number", "Worker ID", "Staff ID", "Employee Number", "Emp ID",
                                 "Associate ID", "File Number", "Payroll ID", "Person ID"]

    public static let timesheet = InputSchema(
        kind: .timesheet,
        fields: [
            FieldSpec(name: "record_id", aliases: ["Entry ID", "Record ID", "Timesheet ID"]),
            FieldSpec(name: "staff_id", aliases: staffIDAliases),
            FieldSpec(name: "staff_name", aliases: ["Employee Name", "Staff Name", "Worker Name", "Name", "Worker", "Full Name"]),
            FieldSpec(name: "work_date", aliases: ["Date", "Apply Date", "Work Date", "Entry Date", "Calendar Date", "Date Worked",
                                                   "Time Entry Date", "Clock-In Date", "Shift Date", "Punch Date"]),
            FieldSpec(name: "start_time", aliases: ["Start", "Time In", "Start Time", "In", "In Time", "In Punch", "Clock In",
                                                    "Clock-In Time", "Punch In"]),
            FieldSpec(name: "end_time", aliases: ["End", "Time Out", "End Time", "Out", "Out Time", "Out Punch", "Clock Out",
                                                  "Clock-Out Time", "Punch Out"]),
            FieldSpec(name: "minutes", aliases: ["Minutes", "Mins", "Duration Minutes", "Total Minutes"]),
            FieldSpec(name: "hours", aliases: ["Hours", "Duration", "Hours Worked", "Total Hours", "Reported Hours", "Quantity"]),
            FieldSpec(name: "activity_code", aliases: ["Activity Code", "Pay Code Activity", "Activity ID", "Task Code", "Project Code",
                                                       "Work Code", "Activity Type Code"]),
            FieldSpec(name: "activity_description", aliases: ["Activity", "Description", "Notes", "Activity Description", "Comment",
                                                              "Entry Note", "Task Description"]),
            FieldSpec(name: "participant_id", aliases: ["Client ID", "Participant ID", "CIN", "Client CIN", "Client Number",
                                                        "Respondent ID", "MRN"]),
            FieldSpec(name: "program", aliases: ["Program", "Cost Center", "Labor Account", "Program Name", "Department"]),
            FieldSpec(name: "pay_code", aliases: ["Pay Code", "Paycode", "Earning Code", "Earnings Code", "Time Type",
                                                  "Time Entry Code", "Pay Code Name"]),
            FieldSpec(name: "travel_minutes", aliases: ["Travel Min", "Travel Minutes", "Travel Mins"]),
        ],
        requirements: [
            [["staff_id"]],
            [["work_date"]],
            [["start_time", "end_time"], ["minutes"], ["hours"]],
        ]
    )

    public static let billing = InputSchema(
        kind: .billing,
        fields: [
            FieldSpec(name: "claim_id", aliases: ["Claim Number", "Claim ID", "Claim No", "Claim #", "ICN", "Claim Control Number"]),
            FieldSpec(name: "line_number", aliases: ["Line", "Line Number", "Line No", "Claim Line", "Line Item", "Service Line",
                                                     "Claim Line Number"]),
            FieldSpec(name: "participant_id", aliases: ["Client CIN", "CIN", "Client ID", "Member ID", "Participant ID", "Client Number",
                                                        "Medi-Cal ID", "Beneficiary ID", "MRN"]),
            FieldSpec(name: "service_date", aliases: ["DOS", "Date of Service", "Service Date", "DOS From", "From Date",
                                                      "Service From Date", "Begin Date"]),
            FieldSpec(name: "start_time", aliases: ["Start", "Start Time", "Time In", "Service Start Time", "Begin Time"]),
            FieldSpec(name: "end_time", aliases: ["End", "End Time", "Time Out", "Service End Time"]),
            FieldSpec(name: "service_minutes", aliases: ["Minutes", "Service Minutes", "Duration", "Duration Minutes", "Total Minutes"]),
            FieldSpec(name: "procedure_code", aliases: ["HCPCS", "CPT", "Procedure Code", "Procedure", "Service Code", "Billing Code",
                                                        "HCPCS Code", "CPT Code"]),
            FieldSpec(name: "modifier_1", aliases: ["Mod 1", "Modifier", "Modifier 1"]),
            FieldSpec(name: "modifier_2", aliases: ["Mod 2", "Modifier 2"]),
            FieldSpec(name: "modifier_3", aliases: ["Mod 3", "Modifier 3"]),
            FieldSpec(name: "modifier_4", aliases: ["Mod 4", "Modifier 4"]),
            FieldSpec(name: "units", aliases: ["Units", "Unit", "Qty"]),
            FieldSpec(name: "place_of_service", aliases: ["POS", "Place of Service"]),
            FieldSpec(name: "payer_name", aliases: ["Payer", "Payer Name", "Coverage Plan", "Plan Name", "Insurance"]),
            FieldSpec(name: "payer_type", aliases: ["Payer Type"]),
            FieldSpec(name: "rendering_staff_id", aliases: ["Rendering Staff ID", "Rendering Staff", "Staff ID", "Employee ID",
                                                            "Clinician ID", "Practitioner ID", "Rendering Provider ID",
                                                            "Performing Provider ID", "Provider ID"]),
            FieldSpec(name: "rendering_npi", aliases: ["Rendering NPI", "NPI", "Rendering Provider NPI", "Performing Provider NPI",
                                                       "Clinician NPI", "Practitioner NPI"]),
            FieldSpec(name: "rendering_taxonomy", aliases: ["Rendering Taxonomy", "Taxonomy"]),
            FieldSpec(name: "billed_amount", aliases: ["Charge", "Billed Amount", "Amount", "Charges", "Charge Amount", "Billed Charges",
                                                       "Total Charge", "Billed"]),
            FieldSpec(name: "claim_status", aliases: ["Status", "Claim Status", "Line Status"]),
            FieldSpec(name: "frequency_code", aliases: ["Frequency", "Frequency Code", "Claim Frequency"]),
            FieldSpec(name: "original_claim_id", aliases: ["Original Claim", "Original Claim ID", "Original Claim Number"]),
            // One id per group session (SmartCare's group services, myAvatar's group notes).
            FieldSpec(name: "group_id", aliases: ["Group ID", "Group Service ID", "Session ID", "Group Session ID", "Group Note ID"]),
        ],
        requirements: [
            [["claim_id"]],
            [["service_date"]],
            [["procedure_code"]],
            [["units"]],
            [["rendering_staff_id"], ["rendering_npi"]],
        ]
    )

    public static let roster = InputSchema(
        kind: .roster,
        fields: [
            FieldSpec(name: "staff_id", aliases: staffIDAliases),
            FieldSpec(name: "npi", aliases: ["NPI", "Rendering NPI"]),
            FieldSpec(name: "staff_name", aliases: ["Name", "Staff Name", "Employee Name", "Worker", "Full Name", "Clinician Name"]),
            FieldSpec(name: "role", aliases: ["Role", "Position", "Job Class", "Job Title", "Position Title", "Credential"]),
            FieldSpec(name: "taxonomy", aliases: ["Taxonomy", "Taxonomy Code"]),
            FieldSpec(name: "peer_cert_number", aliases: ["Cert Number", "Certification Number", "Peer Cert Number"]),
            FieldSpec(name: "peer_cert_issued", aliases: ["Cert Issued", "Certification Issued", "Peer Cert Issued"]),
            FieldSpec(name: "peer_cert_expires", aliases: ["Cert Expires", "Certification Expires", "Peer Cert Expires"]),
            FieldSpec(name: "peer_cert_status", aliases: ["Cert Status", "Certification Status", "Peer Cert Status"]),
            FieldSpec(name: "peer_cert_initial", aliases: ["Initial Cert Date", "Original Cert Date", "First Certified",
                                                           "Initial Certification Date", "Cert Initial"]),
            FieldSpec(name: "specializations", aliases: ["Specializations", "Specialization"]),
            FieldSpec(name: "employment_start", aliases: ["Employment Start", "Hire Date", "Start Date"]),
            FieldSpec(name: "employment_end", aliases: ["Employment End", "Termination Date", "End Date"]),
        ],
        requirements: [
            [["staff_id"]],
        ]
    )

    /// Human wording of a requirement: `staff_id`, or `start_time + end_time, or minutes, or hours`.
    static func describe(_ requirement: [[String]]) -> String {
        requirement.map { $0.joined(separator: " + ") }.joined(separator: ", or ")
    }
}
