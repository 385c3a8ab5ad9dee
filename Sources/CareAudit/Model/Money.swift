/// An exact amount of money in cents. Never a `Double`: auditors reconcile to the cent.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    /// The largest amount one value may hold ($1,000,000,000.00; larger is an input error). It
    /// keeps every total exact: a sum of 92 million such amounts still fits in 64 bits.
    package static let largestAmount = Money(cents: 100_000_000_000)

    /// `1234.50`, `-12.00`: two decimals, no grouping, the form JSON and CSV reports use.
    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `$1,234.50` for people.
    package var display: String {
        let sign = cents < 0 ? "-" : ""
        let fraction = cents.magnitude % 100
        return "\(sign)$\(grouped(Int(cents.magnitude / 100))).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    package static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    package static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// `minutes` at an hourly `rate`, rounded half up to the cent.
    package static func forMinutes(_ minutes: Int, atHourlyRate rate: Money) -> Money {
        Money(cents: (Int64(minutes) * rate.cents * 2 + 60) / 120)
    }

    /// The share of this amount that `part` minutes are of `whole` minutes, rounded to the cent.
    package func share(_ part: Int, of whole: Int) -> Money {
        guard whole > 0 else { return .zero }
        return Money(cents: (cents * Int64(part) * 2 + Int64(whole)) / (2 * Int64(whole)))
    }
}
