/// The tool's version, printed by `--version` and written into every report.
public enum CareAuditVersion {
    public static let current = "0.1.0"
}
