import Foundation

/// A calendar date as a day number (days since 1970-01-01): compact, fast to compare and to
/// group by, and always a real date (2026-02-30 never becomes one).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let number: Int32

    package init(number: Int32) { self.number = number }

    /// nil unless year-month-day is a real date in 1900...9999.
    public init?(year: Int, month: Int, day: Int) {
        // Up to 9999: rosters write 9999-12-31 for "no end date".
        guard (1900...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = Int32(era * 146_097 + doe - 719_468)
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// (year, month, day).
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(number) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO 8601: `2026-10-05`.
    public var description: String {
        let (y, m, d) = components
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    package func adding(days: Int) -> Day { Day(number: number + Int32(days)) }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }
}

/// An inclusive range of days: the audit period.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public let first: Day
    public let last: Day

    package init(first: Day, last: Day) {
        self.first = first
        self.last = last
    }

    /// The calendar month holding `day`.
    package static func month(of day: Day) -> Period {
        let (y, m, _) = day.components
        return Period(first: Day(year: y, month: m, day: 1)!, last: Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!)
    }

    /// The calendar quarter holding `day` (Q1 is January to March).
    package static func quarter(of day: Day) -> Period {
        let (y, m, _) = day.components
        let first = (m - 1) / 3 * 3 + 1
        return Period(
            first: Day(year: y, month: first, day: 1)!, last: Day(year: y, month: first + 2, day: Day.daysIn(month: first + 2, year: y))!)
    }

    /// `2026-10` (a month), `2026-Q4` (a calendar quarter) or `2026-10-01..2026-12-31`.
    public static func parse(_ text: String) -> Period? {
        let parts = text.components(separatedBy: "..")
        if parts.count == 2, let a = FieldParser.day(parts[0]), let b = FieldParser.day(parts[1]), a <= b {
            return Period(first: a, last: b)
        }
        let ym = text.split(separator: "-")
        guard ym.count == 2, ym[0].count == 4, let y = Int(ym[0]) else { return nil }
        if ym[1].count == 2, ym[1].uppercased().hasPrefix("Q"), let q = Int(ym[1].dropFirst()), (1...4).contains(q),
            let first = Day(year: y, month: q * 3 - 2, day: 1)
        {
            return quarter(of: first)
        }
        if let m = Int(ym[1]), let first = Day(year: y, month: m, day: 1) {
            return month(of: first)
        }
        return nil
    }

    public func contains(_ day: Day) -> Bool { first <= day && day <= last }

    /// The calendar months the period touches, each cut to the period (a range from the 15th
    /// starts with half a month): the invoice worksheet's rows.
    package var months: [Period] {
        var months: [Period] = []
        var day = first
        while day <= last {
            let month = Period.month(of: day)
            months.append(Period(first: day, last: min(month.last, last)))
            day = month.last.adding(days: 1)
        }
        return months
    }

    /// `2026-10`, `2026-Q4`, else `2026-10-01..2026-12-31`.
    public var description: String {
        let (y, m, d) = first.components
        if d == 1, Period.month(of: first) == self { return "\(y)-\(m < 10 ? "0" : "")\(m)" }
        if d == 1, Period.quarter(of: first) == self { return "\(y)-Q\((m + 2) / 3)" }
        return "\(first)..\(last)"
    }
}
