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

    /// Hashes the line alone: lines are unique within a file and an audit reads a few files, so
    /// keys rarely share a hash, and the file path (the longest part, the same for every record of
    /// a file) is not hashed again for each of the hundred thousand records a big month's
    /// findings name. Equality still compares all three parts.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
    }

    /// `file:line`.
    public var location: String { "\(file):\(line)" }
}
