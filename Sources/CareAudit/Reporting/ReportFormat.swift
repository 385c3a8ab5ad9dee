/// The report formats. Each case names its reporter in an exhaustive switch, so adding a format
/// without a reporter does not compile.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case json

    /// The reporter that writes a validation report in this format.
    public var validationReporter: any ValidationReporter {
        switch self {
        case .text: ValidationTextReporter()
        case .json: ValidationJSONReporter()
        }
    }


    /// The reporter that writes an audit report in this format.
    public var auditReporter: any AuditReporter {
        switch self {
        case .text: AuditTextReporter()
        case .json: AuditJSONReporter()
        }
    }
}

/// Renders the result of `care-audit audit`.
public protocol AuditReporter {
    func render(_ result: AuditResult) -> String
}

/// Renders the result of `care-audit validate`.
public protocol ValidationReporter {
    func render(_ report: ValidationReport) -> String
}

/// `1234567` → `1,234,567`: counts a finance analyst reads at a glance.
func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return value < 0 ? "-" + out : out
}

/// "1 error", "2 warnings".
func counted(_ count: Int, _ noun: String) -> String {
    "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
}
