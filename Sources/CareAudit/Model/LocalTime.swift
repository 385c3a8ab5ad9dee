import Foundation

/// The county's local clock (DOMAIN.md §8, setting `time_zone`, default America/Los_Angeles):
/// turns clock times of a day into minutes actually elapsed since that day's midnight, so that
/// on the fall-back night 01:00–03:00 lasts 180 minutes and on the spring-forward night 60.
///
/// Exports write clock times. Away from a transition day, clock minutes are elapsed minutes and
/// nothing changes. On a transition day, a clock time at or after the change is moved by the
/// hour the clock jumped; an ambiguous time of the repeated hour is read as its first pass, a
/// time of the skipped hour as written. `clock(_:on:)` turns elapsed minutes back into the clock
/// time for messages.
package struct LocalTime: Sendable, Equatable {
    /// A change of the clock on a day: at clock time `at` (minutes after midnight, in the time
    /// before the change) the clock moved by `jump` minutes (-60 fall back, +60 spring forward).
    struct Transition: Sendable {
        let at: Int
        let jump: Int
    }

    package let identifier: String
    /// Transition days by day number, for the years 1970–2199.
    private let transitions: [Int32: Transition]

    /// nil when `identifier` is not a time zone Foundation knows.
    package init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        var found: [Int32: Transition] = [:]
        var moment = Date(timeIntervalSince1970: 0)
        let end = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
        while let next = zone.nextDaylightSavingTimeTransition(after: moment), next < end {
            let before = zone.secondsFromGMT(for: next.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: next)
            let local = Int(next.timeIntervalSince1970) + before  // seconds since 1970 on the clock before
            let day = Int32((local - (local % 86_400 + 86_400) % 86_400) / 86_400)
            found[day] = Transition(at: ((local % 86_400) + 86_400) % 86_400 / 60, jump: (after - before) / 60)
            moment = next
        }
        transitions = found
    }

    package static let losAngeles = LocalTime(identifier: "America/Los_Angeles")!

    package static func == (a: LocalTime, b: LocalTime) -> Bool { a.identifier == b.identifier }

    /// Minutes elapsed from midnight of `day` to clock time `minutes` (minutes after that
    /// midnight; 1440 and more are clock times of the days after).
    package func elapsed(_ minutes: Int, on day: Day) -> Int {
        guard !transitions.isEmpty else { return minutes }
        var total = minutes
        var offset = 0
        while offset * 1440 <= minutes {
            if let change = transitions[day.number + Int32(offset)] {
                let clock = minutes - offset * 1440
                // Fall back: from the change on (02:00) an hour more has passed. Spring forward:
                // from the clock's new time (03:00) on, an hour less.
                if clock >= change.at + max(change.jump, 0) { total -= change.jump }
            }
            offset += 1
        }
        return total
    }

    /// The clock time ("01:30") of `elapsed` minutes after midnight of `day`.
    package func clock(_ elapsed: Int, on day: Day) -> String {
        guard !transitions.isEmpty else { return FieldParser.clock(elapsed) }
        var clock = elapsed
        var offset = 0
        while offset * 1440 <= elapsed + 120 {
            if let change = transitions[day.number + Int32(offset)], elapsed >= offset * 1440 + change.at {
                clock += change.jump
            }
            offset += 1
        }
        return FieldParser.clock(clock)
    }

    /// Whether `day` holds a change of the clock.
    package func isTransition(_ day: Day) -> Bool { transitions[day.number] != nil }
}
