/// The claiming category an activity falls in, and why: every classification can be explained.
public struct Classification: Sendable, Equatable {
    public var category: ClaimingCategory
    public var ancillary: Ancillary?
    /// Which mapping matched, e.g. `activity_code CH01` or `description "court hearing"`.
    public var matchedBy: String

    public init(category: ClaimingCategory, ancillary: Ancillary? = nil, matchedBy: String) {
        self.category = category
        self.ancillary = ancillary
        self.matchedBy = matchedBy
    }
}
