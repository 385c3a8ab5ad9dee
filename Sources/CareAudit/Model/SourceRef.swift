/// Where a record came from, so every finding can name the file and physical line to open.
public struct SourceRef: Hashable, Sendable, Comparable, Codable {
    public var file: String
    public var line: Int
    /// The export's own id for the row (Entry ID, claim number and line), when it has one.
    public var recordID: String?

    package init(file: String, line: Int, recordID: String? = nil) {
        self.file = file
        self.line = line
        self.recordID = recordID
    }

    public static func < (lhs: SourceRef, rhs: SourceRef) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }

    /// `file:line`.
    public var location: String { "\(file):\(line)" }
}
