import ArgumentParser
import CareAudit
import Foundation

/// One CSV file being written: rows are formatted at once and flushed in 1 MiB blocks, and the
/// physical line of every row is known (a quoted line break inside a cell moves the next row down).
final class TableWriter {
    let name: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let writer = CSVWriter(spreadsheetSafe: false, lineEnding: "\r\n")
    /// The line the next row will be on.
    private(set) var nextLine = 1
    private(set) var rows = 0

    init(folder: String, name: String, header: [String]) throws {
        self.name = name
        let path = (folder as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: path, contents: nil)  // failure shows below
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CleanExit.message("cannot write \(path)") }
        self.handle = handle
        buffer.reserveCapacity(1 << 21)
        write(header)
        rows = 0
    }

    /// Writes a row and returns its line.
    @discardableResult
    func write(_ cells: [String]) -> Int {
        let line = nextLine
        let record = writer.record(cells).utf8
        buffer.append(contentsOf: record)
        nextLine += record.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        rows += 1
        if buffer.count >= 1 << 20 {
            handle.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
        return line
    }

    func close() {
        handle.write(Data(buffer))
        buffer = []
        handle.closeFile()
    }
}

/// How values and headers are spelled in one dialect.
struct Spelling {
    let dialect: SynthDialect

    func date(_ day: Day) -> String {
        guard dialect == .alternate else { return day.description }
        let (y, m, d) = day.components
        return "\(m)/\(d)/\(y)"
    }

    /// 24-hour, or 12-hour with `AM`/`PM` (and, as some systems write it, `a.m.`/`p.m.` on every
    /// seventh time).
    func time(_ minutes: Int?) -> String {
        guard let minutes else { return "" }
        guard dialect == .alternate else { return FieldParser.clock(minutes) }
        let h = (minutes / 60) % 24
        let m = minutes % 60
        let hour12 = h % 12 == 0 ? 12 : h % 12
        let suffix = minutes % 7 == 0 ? (h < 12 ? "a.m." : "p.m.") : (h < 12 ? "AM" : "PM")
        return "\(hour12):\(m < 10 ? "0" : "")\(m) \(suffix)"
    }

    /// The activity text; in the alternate dialect every sixteenth is a note with a comma and a
    /// line break, so the file holds quoted multi-line fields as notes exported from EHRs do.
    func activityText(_ text: String, entry: Int) -> String {
        dialect == .alternate && entry % 16 == 0 ? "\(text), with the participant's family\nfollow-up scheduled" : text
    }

    /// Whether timesheet rows carry start and end times (the durations dialect has hours only).
    var timesheetTimes: Bool { dialect != .durations }

    func money(_ cents: Int64) -> String {
        let money = Money(cents: cents)
        return dialect == .alternate ? money.display : money.description
    }

    func hours(_ minutes: Int) -> String {
        let hundredths = minutes * 100 / 60
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    var timesheetHeader: [String] {
        dialect == .durations
            ? [
                "Entry ID", "Employee ID", "Employee Name", "Date", "Hours", "Activity Code", "Activity", "Client ID", "Program",
                "Pay Code", "Travel Min",
            ]
            : dialect == .standard
                ? [
                    "Entry ID", "Employee ID", "Employee Name", "Date", "Start", "End", "Hours", "Activity Code", "Activity",
                    "Client ID", "Program", "Pay Code", "Travel Min",
                ]
                : [
                    "Timecard Line", "Person Number", "Worker", "Apply Date", "Time In", "Time Out", "Duration",
                    "Pay Code Activity", "Notes", "CIN", "Cost Center", "Pay Code", "Travel Minutes",
                ]
    }

    var billingHeader: [String] {
        dialect != .alternate
            ? [
                "Claim Number", "Line", "Client CIN", "DOS", "Start Time", "End Time", "Minutes", "HCPCS", "Mod 1", "Units",
                "POS", "Payer", "Payer Type", "Rendering Staff ID", "Rendering NPI", "Rendering Taxonomy", "Charge",
                "Status", "Frequency", "Original Claim",
            ]
            : [
                "Claim #", "Line", "Member ID", "Date of Service", "Svc Begin", "Svc End", "Service Minutes", "CPT",
                "Modifier", "Units", "Place of Service", "Payer", "Payer Type", "NPI", "Taxonomy", "Amount",
                "Claim Status", "Claim Frequency", "Original Claim Number",
            ]
    }

    var rosterHeader: [String] {
        dialect != .alternate
            ? [
                "Employee ID", "NPI", "Name", "Role", "Taxonomy", "Cert Number", "Cert Issued", "Cert Expires",
                "Cert Status", "Specializations", "Employment Start",
            ]
            : [
                "Person Number", "NPI", "Employee Name", "Position", "Taxonomy Code", "Certification Number",
                "Certification Issued", "Certification Expires", "Certification Status", "Specialization", "Hire Date",
            ]
    }

    /// Headers the alternate dialect uses that no built-in alias knows: the config maps them.
    var configuredColumns: String {
        dialect != .alternate
            ? ""
            : """
            columns:
              timesheet: {"Worker": staff_name}
              billing: {"Svc Begin": start_time, "Svc End": end_time}

            """
    }
}
