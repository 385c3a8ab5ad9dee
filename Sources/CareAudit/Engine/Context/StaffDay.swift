/// A staff member on a date (the unit in which time is claimed and compared) and where its
/// records are: `entries` indexes `AuditContext.entryOrder`, `lines` indexes `lineOrder`.
package struct StaffDay: Sendable {
    package let staff: TextID
    package let day: Day
    let entries: Range<Int>
    let lines: Range<Int>
}
