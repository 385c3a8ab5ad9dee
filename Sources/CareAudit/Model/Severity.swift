/// How serious a problem or finding is. Ordered, so `--fail-on warning` means "warning or worse".
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info
    case warning
    case error

    /// 0 info, 1 warning, 2 error: the order reports sort by.
    package var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
