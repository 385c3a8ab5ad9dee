/// The claiming category an activity falls in, and why: every classification can be explained.
package struct Classification: Sendable, Equatable {
    package var category: ClaimingCategory
    package var ancillary: Ancillary?
    /// Which mapping matched, e.g. `activity_code CH01` or `description "court hearing"`.
    package var matchedBy: String

    package init(category: ClaimingCategory, ancillary: Ancillary? = nil, matchedBy: String) {
        self.category = category
        self.ancillary = ancillary
        self.matchedBy = matchedBy
    }
}
