/// The three kinds of export care-audit reads.
public enum InputKind: String, Sendable, Codable, CaseIterable {
    case timesheet
    case billing
    case roster

    /// The command-line option that gives a file of this kind.
    package var option: String {
        switch self {
        case .timesheet: "timesheets"
        case .billing: "billing"
        case .roster: "roster"
        }
    }
}

/// A canonical field and the header spellings different systems use for it (DOMAIN.md §5).
package struct FieldSpec: Sendable {
    let field: Field
    package let aliases: [String]

    init(_ field: Field, aliases: [String]) {
        self.field = field
        self.aliases = aliases
    }

    /// The canonical name, as configuration files and messages write it.
    package var name: String { field.name }
}

/// The canonical fields of one input kind and which of them must be present.
package struct InputSchema: Sendable {
    package let kind: InputKind
    package let fields: [FieldSpec]
    /// Each requirement is met when all fields of any one of its alternatives are present.
    let requirements: [[[Field]]]

    package static func of(_ kind: InputKind) -> InputSchema {
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
    static let staffIDAliases = [
        "Employee ID", "Person Number", "Worker ID", "Staff ID", "Employee Number", "Emp ID",
        "Associate ID", "File Number", "Payroll ID", "Person ID",
    ]

    package static let timesheet = InputSchema(
        kind: .timesheet,
        fields: [
            FieldSpec(.recordId, aliases: ["Entry ID", "Record ID", "Timesheet ID"]),
            FieldSpec(.staffId, aliases: staffIDAliases),
            FieldSpec(.staffName, aliases: ["Employee Name", "Staff Name", "Worker Name", "Name", "Worker", "Full Name"]),
            FieldSpec(
                .workDate,
                aliases: [
                    "Date", "Apply Date", "Work Date", "Entry Date", "Calendar Date", "Date Worked",
                    "Time Entry Date", "Clock-In Date", "Shift Date", "Punch Date",
                ]),
            FieldSpec(
                .startTime,
                aliases: [
                    "Start", "Time In", "Start Time", "In", "In Time", "In Punch", "Clock In",
                    "Clock-In Time", "Punch In",
                ]),
            FieldSpec(
                .endTime,
                aliases: [
                    "End", "Time Out", "End Time", "Out", "Out Time", "Out Punch", "Clock Out",
                    "Clock-Out Time", "Punch Out",
                ]),
            FieldSpec(.minutes, aliases: ["Minutes", "Mins", "Duration Minutes", "Total Minutes"]),
            FieldSpec(.hours, aliases: ["Hours", "Duration", "Hours Worked", "Total Hours", "Reported Hours", "Quantity"]),
            FieldSpec(
                .activityCode,
                aliases: [
                    "Activity Code", "Pay Code Activity", "Activity ID", "Task Code", "Project Code",
                    "Work Code", "Activity Type Code",
                ]),
            FieldSpec(
                .activityDescription,
                aliases: [
                    "Activity", "Description", "Notes", "Activity Description", "Comment",
                    "Entry Note", "Task Description",
                ]),
            FieldSpec(
                .participantId,
                aliases: [
                    "Client ID", "Participant ID", "CIN", "Client CIN", "Client Number",
                    "Respondent ID", "MRN",
                ]),
            FieldSpec(.program, aliases: ["Program", "Cost Center", "Labor Account", "Program Name", "Department"]),
            FieldSpec(
                .payCode,
                aliases: [
                    "Pay Code", "Paycode", "Earning Code", "Earnings Code", "Time Type",
                    "Time Entry Code", "Pay Code Name",
                ]),
            FieldSpec(.travelMinutes, aliases: ["Travel Min", "Travel Minutes", "Travel Mins"]),
        ],
        requirements: [
            [[.staffId]],
            [[.workDate]],
            [[.startTime, .endTime], [.minutes], [.hours]],
        ]
    )

    package static let billing = InputSchema(
        kind: .billing,
        fields: [
            FieldSpec(.claimId, aliases: ["Claim Number", "Claim ID", "Claim No", "Claim #", "ICN", "Claim Control Number"]),
            FieldSpec(
                .lineNumber,
                aliases: [
                    "Line", "Line Number", "Line No", "Claim Line", "Line Item", "Service Line",
                    "Claim Line Number",
                ]),
            FieldSpec(
                .participantId,
                aliases: [
                    "Client CIN", "CIN", "Client ID", "Member ID", "Participant ID", "Client Number",
                    "Medi-Cal ID", "Beneficiary ID", "MRN",
                ]),
            FieldSpec(
                .serviceDate,
                aliases: [
                    "DOS", "Date of Service", "Service Date", "DOS From", "From Date",
                    "Service From Date", "Begin Date",
                ]),
            FieldSpec(.startTime, aliases: ["Start", "Start Time", "Time In", "Service Start Time", "Begin Time"]),
            FieldSpec(.endTime, aliases: ["End", "End Time", "Time Out", "Service End Time"]),
            FieldSpec(.serviceMinutes, aliases: ["Minutes", "Service Minutes", "Duration", "Duration Minutes", "Total Minutes"]),
            FieldSpec(
                .procedureCode,
                aliases: [
                    "HCPCS", "CPT", "Procedure Code", "Procedure", "Service Code", "Billing Code",
                    "HCPCS Code", "CPT Code",
                ]),
            FieldSpec(.modifier1, aliases: ["Mod 1", "Modifier", "Modifier 1"]),
            FieldSpec(.modifier2, aliases: ["Mod 2", "Modifier 2"]),
            FieldSpec(.modifier3, aliases: ["Mod 3", "Modifier 3"]),
            FieldSpec(.modifier4, aliases: ["Mod 4", "Modifier 4"]),
            FieldSpec(.units, aliases: ["Units", "Unit", "Qty"]),
            FieldSpec(.placeOfService, aliases: ["POS", "Place of Service"]),
            FieldSpec(.payerName, aliases: ["Payer", "Payer Name", "Coverage Plan", "Plan Name", "Insurance"]),
            FieldSpec(.payerType, aliases: ["Payer Type"]),
            FieldSpec(
                .renderingStaffId,
                aliases: [
                    "Rendering Staff ID", "Rendering Staff", "Staff ID", "Employee ID",
                    "Clinician ID", "Practitioner ID", "Rendering Provider ID",
                    "Performing Provider ID", "Provider ID",
                ]),
            FieldSpec(
                .renderingNpi,
                aliases: [
                    "Rendering NPI", "NPI", "Rendering Provider NPI", "Performing Provider NPI",
                    "Clinician NPI", "Practitioner NPI",
                ]),
            FieldSpec(.renderingTaxonomy, aliases: ["Rendering Taxonomy", "Taxonomy"]),
            FieldSpec(
                .billedAmount,
                aliases: [
                    "Charge", "Billed Amount", "Amount", "Charges", "Charge Amount", "Billed Charges",
                    "Total Charge", "Billed",
                ]),
            FieldSpec(.claimStatus, aliases: ["Status", "Claim Status", "Line Status"]),
            FieldSpec(.frequencyCode, aliases: ["Frequency", "Frequency Code", "Claim Frequency"]),
            FieldSpec(.originalClaimId, aliases: ["Original Claim", "Original Claim ID", "Original Claim Number"]),
            // One id per group session (SmartCare's group services, myAvatar's group notes).
            FieldSpec(.groupId, aliases: ["Group ID", "Group Service ID", "Session ID", "Group Session ID", "Group Note ID"]),
        ],
        requirements: [
            [[.claimId]],
            [[.serviceDate]],
            [[.procedureCode]],
            [[.units]],
            [[.renderingStaffId], [.renderingNpi]],
        ]
    )

    package static let roster = InputSchema(
        kind: .roster,
        fields: [
            FieldSpec(.staffId, aliases: staffIDAliases),
            FieldSpec(.npi, aliases: ["NPI", "Rendering NPI"]),
            FieldSpec(.staffName, aliases: ["Name", "Staff Name", "Employee Name", "Worker", "Full Name", "Clinician Name"]),
            FieldSpec(.role, aliases: ["Role", "Position", "Job Class", "Job Title", "Position Title", "Credential"]),
            FieldSpec(.taxonomy, aliases: ["Taxonomy", "Taxonomy Code"]),
            FieldSpec(.peerCertNumber, aliases: ["Cert Number", "Certification Number", "Peer Cert Number"]),
            FieldSpec(.peerCertIssued, aliases: ["Cert Issued", "Certification Issued", "Peer Cert Issued"]),
            FieldSpec(.peerCertExpires, aliases: ["Cert Expires", "Certification Expires", "Peer Cert Expires"]),
            FieldSpec(.peerCertStatus, aliases: ["Cert Status", "Certification Status", "Peer Cert Status"]),
            FieldSpec(
                .peerCertInitial,
                aliases: [
                    "Initial Cert Date", "Original Cert Date", "First Certified",
                    "Initial Certification Date", "Cert Initial",
                ]),
            FieldSpec(.specializations, aliases: ["Specializations", "Specialization"]),
            FieldSpec(.employmentStart, aliases: ["Employment Start", "Hire Date", "Start Date"]),
            FieldSpec(.employmentEnd, aliases: ["Employment End", "Termination Date", "End Date"]),
        ],
        requirements: [
            [[.staffId]]
        ]
    )

    /// Human wording of a requirement: `staff_id`, or `start_time + end_time, or minutes, or hours`.
    static func describe(_ requirement: [[Field]]) -> String {
        requirement.map { $0.map(\.name).joined(separator: " + ") }.joined(separator: ", or ")
    }
}
