import Foundation

/// Parsers for the value formats exports use (DOMAIN.md §5). They work on a field's raw UTF-8
/// bytes, so typing a million rows makes no intermediate strings; each returns nil when the
/// text is not a valid value, and the caller names file, line and column.
package enum FieldParser {
    package typealias Bytes = UnsafeBufferPointer<UInt8>

    /// Formats accepted, for error messages.
    package static let dateFormats = "YYYY-MM-DD, MM/DD/YYYY or M/D/YY"
    package static let timeFormats = "HH:MM, H:MM AM/PM or HHMM"

    /// Strips spaces and TABs at both ends.
    @inline(__always)
    static func trimmed(_ bytes: Bytes) -> Bytes {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return Bytes(rebasing: bytes[start..<end])
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Reads digits from `i`, at most `max` of them; nil when there are none.
    @inline(__always)
    static func digits(_ b: Bytes, _ i: inout Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while i < b.count && count < max && isDigit(b[i]) {
            value = value * 10 + Int(b[i] &- 0x30)
            i += 1
            count += 1
        }
        return count == 0 ? nil : value
    }

    /// `2026-10-05`, `10/05/2026`, `10/5/26` (two-digit years are 20YY); an Excel-style
    /// `10/5/2026 0:00` time part is ignored.
    package static func day(_ raw: Bytes) -> Day? {
        let b = trimmed(raw)
        var i = 0
        guard let first = digits(b, &i, max: 4), i < b.count else { return nil }
        let firstWidth = i
        let separator = b[i]
        i += 1
        guard let second = digits(b, &i, max: 2), i < b.count, b[i] == separator else { return nil }
        i += 1
        let thirdStart = i
        guard let third = digits(b, &i, max: 4) else { return nil }
        let thirdWidth = i - thirdStart
        if i < b.count {
            // Allow a trailing time of day ("10/05/2026 0:00", "2026-10-05T00:00:00").
            guard b[i] == 0x20 || b[i] == UInt8(ascii: "T") else { return nil }
        }
        if separator == UInt8(ascii: "-") && firstWidth == 4 {
            return Day(year: first, month: second, day: third)
        }
        if separator == UInt8(ascii: "/") {
            if firstWidth == 4 { return Day(year: first, month: second, day: third) }
            guard firstWidth <= 2 else { return nil }
            switch thirdWidth {
            case 4: return Day(year: third, month: first, day: second)
            case 2: return Day(year: 2000 + third, month: first, day: second)
            default: return nil
            }
        }
        return nil
    }

    /// Minutes after midnight: `14:30`, `14:30:00`, `2:30 PM`, `2:30pm`, `1430`, `9:05 a.m.`.
    /// `24:00` is accepted as the end of the day.
    package static func timeOfDay(_ raw: Bytes) -> Int? {
        let b = trimmed(raw)
        var i = 0
        guard let lead = digits(b, &i, max: 4) else { return nil }
        var hour: Int
        var minute: Int
        if i < b.count && b[i] == UInt8(ascii: ":") {
            guard i <= 2 else { return nil }
            i += 1
            let minuteStart = i
            guard let m = digits(b, &i, max: 2), i - minuteStart == 2 else { return nil }
            hour = lead
            minute = m
            if i < b.count && b[i] == UInt8(ascii: ":") {
                i += 1
                let secondStart = i
                guard let s = digits(b, &i, max: 2), i - secondStart == 2, s < 60 else { return nil }
            }
        } else {
            // HHMM or HMM; a bare hour only with AM/PM ("2 PM").
            switch i {
            case 3, 4:
                hour = lead / 100
                minute = lead % 100
            case 1, 2:
                hour = lead
                minute = 0
            default: return nil
            }
        }
        while i < b.count && b[i] == 0x20 { i += 1 }
        if i < b.count {
            // AM or PM in any case, with dots anywhere ("a.m."): read on the bytes, no copy.
            var letters = (UInt8(0), UInt8(0))
            var count = 0
            for byte in b[i...] where byte != UInt8(ascii: ".") {
                count += 1
                guard count <= 2 else { return nil }
                if count == 1 { letters.0 = byte | 0x20 } else { letters.1 = byte | 0x20 }
            }
            let am = letters.0 == UInt8(ascii: "a")
            let pm = letters.0 == UInt8(ascii: "p")
            guard count == 2, am || pm, letters.1 == UInt8(ascii: "m"), (1...12).contains(hour) else { return nil }
            if am { hour = hour == 12 ? 0 : hour } else { hour = hour == 12 ? 12 : hour + 12 }
        } else if b.count <= 2 {
            return nil
        }
        guard minute < 60, hour < 24 || (hour == 24 && minute == 0) else { return nil }
        return hour * 60 + minute
    }

    /// A decimal number as an integer scaled by 10^`scale`, exactly: `1.5` at scale 2 is 150.
    /// More decimals than `scale` is not exact, so nil. An optional leading sign.
    static func scaled(_ raw: Bytes, scale: Int) -> Int? {
        let b = trimmed(raw)
        var i = 0
        var negative = false
        if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        let whole = digits(b, &i, max: 12)
        var fraction = 0
        var fractionDigits = 0
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count && isDigit(b[i]) {
                if fractionDigits == scale {
                    guard b[i] == UInt8(ascii: "0") else { return nil }
                } else {
                    fraction = fraction * 10 + Int(b[i] &- 0x30)
                    fractionDigits += 1
                }
                i += 1
            }
        }
        guard i == b.count, whole != nil || fractionDigits > 0 else { return nil }
        var value = whole ?? 0
        for _ in 0..<scale { value *= 10 }
        var f = fraction
        for _ in fractionDigits..<scale { f *= 10 }
        value += f
        return negative ? -value : value
    }

    /// A whole number, optionally signed; `1.0` is 1, `1.5` and `1e9` are not whole numbers.
    package static func integer(_ raw: Bytes) -> Int? {
        guard let tenths = scaled(raw, scale: 1), tenths % 10 == 0 else { return nil }
        return tenths / 10
    }

    /// Minutes as written in a minutes column: whole minutes (`45`, `45.0`), never negative.
    package static func minutes(_ raw: Bytes) -> Int? {
        guard let value = integer(raw), value >= 0, value <= 7 * 24 * 60 else { return nil }
        return value
    }

    /// Decimal hours (`1.50`, `.75`) or `H:MM` (`1:30`), as whole minutes (rounded to the
    /// nearest minute: 0.33 h = 20 min).
    package static func hoursAsMinutes(_ raw: Bytes) -> Int? {
        let b = trimmed(raw)
        if let colon = b.firstIndex(of: UInt8(ascii: ":")) {
            var i = 0
            guard let h = digits(b, &i, max: 3), i == colon else { return nil }
            i += 1
            let minuteStart = i
            guard let m = digits(b, &i, max: 2), i == b.count, i - minuteStart == 2, m < 60 else { return nil }
            return h * 60 + m
        }
        guard let tenThousandths = scaled(b, scale: 4), tenThousandths >= 0, tenThousandths <= 168 * 10_000 else { return nil }
        return (tenThousandths * 60 + 5_000) / 10_000
    }

    /// `123.45`, `$1,234.50`, `(12.00)` (negative), `-12`, `$-12.00`: exact cents.
    package static func money(_ raw: Bytes) -> Money? {
        let b = trimmed(raw)
        guard !b.isEmpty else { return nil }
        // The usual form, "115.50": read in place, without the copy below.
        if b.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }) {
            return scaled(b, scale: 2).flatMap { $0 <= Money.largestAmount.cents ? Money(cents: Int64($0)) : nil }
        }
        // "$1,234.50", "(12.00)", "$-12": read on the bytes as they come, no copy.
        var negative = false
        var start = 0
        var end = b.count
        if b[0] == UInt8(ascii: "(") {
            guard b[end - 1] == UInt8(ascii: ")") else { return nil }
            negative = true
            start = 1
            end -= 1
        }
        var seenDigit = false
        var seenDot = false
        var digitsSinceGroup = 0
        var grouped = false
        var whole = 0
        var wholeDigits = 0
        var fraction = 0
        var fractionDigits = 0
        for i in start..<end {
            let c = b[i]
            switch c {
            case UInt8(ascii: "$"):
                guard !seenDigit else { return nil }
            case UInt8(ascii: "-"):
                guard !seenDigit, !seenDot, !negative else { return nil }
                negative = true
            case UInt8(ascii: ","):
                // Thousands separators: only before the dot, only between groups of three.
                guard seenDigit, !seenDot, !grouped || digitsSinceGroup == 3 else { return nil }
                grouped = true
                digitsSinceGroup = 0
            case UInt8(ascii: "."):
                guard !seenDot, !grouped || digitsSinceGroup == 3 else { return nil }
                seenDot = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                digitsSinceGroup += 1
                if !seenDot {
                    wholeDigits += 1
                    guard wholeDigits <= 12 else { return nil }
                    whole = whole * 10 + Int(c &- 0x30)
                } else if fractionDigits == 2 {
                    guard c == UInt8(ascii: "0") else { return nil }  // a third decimal is not exact cents
                } else {
                    fraction = fraction * 10 + Int(c &- 0x30)
                    fractionDigits += 1
                }
            case 0x20:
                continue
            default:
                return nil
            }
        }
        guard seenDigit, !grouped || seenDot || digitsSinceGroup == 3 else { return nil }
        let cents = whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
        return cents <= Money.largestAmount.cents ? Money(cents: Int64(negative ? -cents : cents)) : nil
    }

    // String conveniences, for configuration and tests.
    package static func day(_ text: String) -> Day? { withBytes(text, day) }
    package static func timeOfDay(_ text: String) -> Int? { withBytes(text, timeOfDay) }
    package static func money(_ text: String) -> Money? { withBytes(text, money) }
    package static func hoursAsMinutes(_ text: String) -> Int? { withBytes(text, hoursAsMinutes) }
    package static func minutes(_ text: String) -> Int? { withBytes(text, minutes) }
    package static func integer(_ text: String) -> Int? { withBytes(text, integer) }

    static func withBytes<T>(_ text: String, _ body: (Bytes) -> T?) -> T? {
        var copy = text
        return copy.withUTF8 { body($0) }
    }

    /// `14:30` from minutes after midnight (values past 24:00 wrap, for entries past midnight).
    package static func clock(_ minutes: Int) -> String {
        let m = ((minutes % 1440) + 1440) % 1440
        return "\(m / 60 < 10 ? "0" : "")\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60)"
    }
}
