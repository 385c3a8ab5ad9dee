import Foundation
import Testing

@testable import CareAudit

/// The byte-level time and money parsers against the String-based ones they replaced (kept here
/// as the reference): on generated values in every format DOMAIN.md §5 lists, and on near
/// misses, the same result or the same refusal.
@Suite("Field parser properties")
struct FieldParserPropertyTests {
    /// The parser before it read the AM/PM suffix on the bytes (Foundation on every `9:00 AM`).
    static func referenceTimeOfDay(_ text: String) -> Int? {
        let b = Array(text.utf8).withUnsafeBufferPointer { Array(FieldParser.trimmed($0)) }
        var i = 0
        func digits(max: Int) -> Int? {
            var value = 0
            var n = 0
            while i < b.count, n < max, (0x30...0x39).contains(b[i]) {
                value = value * 10 + Int(b[i] - 0x30)
                i += 1
                n += 1
            }
            return n > 0 ? value : nil
        }
        guard let lead = digits(max: 4) else { return nil }
        var hour: Int
        var minute: Int
        if i < b.count && b[i] == UInt8(ascii: ":") {
            guard i <= 2 else { return nil }
            i += 1
            let minuteStart = i
            guard let m = digits(max: 2), i - minuteStart == 2 else { return nil }
            (hour, minute) = (lead, m)
            if i < b.count && b[i] == UInt8(ascii: ":") {
                i += 1
                let secondStart = i
                guard let s = digits(max: 2), i - secondStart == 2, s < 60 else { return nil }
            }
        } else {
            switch i {
            case 3, 4: (hour, minute) = (lead / 100, lead % 100)
            case 1, 2: (hour, minute) = (lead, 0)
            default: return nil
            }
        }
        while i < b.count && b[i] == 0x20 { i += 1 }
        if i < b.count {
            let rest = String(decoding: b[i...], as: UTF8.self).lowercased().replacingOccurrences(of: ".", with: "")
            guard rest == "am" || rest == "pm", (1...12).contains(hour) else { return nil }
            if rest == "am" { hour = hour == 12 ? 0 : hour } else { hour = hour == 12 ? 12 : hour + 12 }
        } else if b.count <= 2 {
            return nil
        }
        guard minute < 60, hour < 24 || (hour == 24 && minute == 0) else { return nil }
        return hour * 60 + minute
    }

    /// Money as the parser read it before: the digits copied out, then scaled.
    static func referenceMoney(_ text: String) -> Money? {
        let b = Array(text.utf8).withUnsafeBufferPointer { Array(FieldParser.trimmed($0)) }
        guard !b.isEmpty else { return nil }
        var out: [UInt8] = []
        var negative = false
        var start = 0
        var end = b.count
        if b[0] == UInt8(ascii: "(") {
            guard b[end - 1] == UInt8(ascii: ")") else { return nil }
            (negative, start, end) = (true, 1, end - 1)
        }
        var seenDigit = false
        var seenDot = false
        var digitsSinceGroup = 0
        var grouped = false
        for c in b[start..<end] {
            switch c {
            case UInt8(ascii: "$"): guard !seenDigit else { return nil }
            case UInt8(ascii: "-"):
                guard !seenDigit, !negative, out.isEmpty else { return nil }
                negative = true
            case UInt8(ascii: ","):
                guard seenDigit, !seenDot, !grouped || digitsSinceGroup == 3 else { return nil }
                (grouped, digitsSinceGroup) = (true, 0)
            case UInt8(ascii: "."):
                guard !seenDot, !grouped || digitsSinceGroup == 3 else { return nil }
                seenDot = true
                out.append(c)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                digitsSinceGroup += 1
                out.append(c)
            case 0x20: continue
            default: return nil
            }
        }
        guard seenDigit, !grouped || seenDot || digitsSinceGroup == 3 else { return nil }
        let cents = out.withUnsafeBufferPointer { FieldParser.scaled($0, scale: 2) }
        return cents.flatMap { $0 <= Money.largestAmount.cents ? Money(cents: Int64(negative ? -$0 : $0)) : nil }
    }

    static func times(_ count: Int) -> [String] {
        var random = SeededRandom(seed: 19)
        let suffixes = [
            "", " AM", " PM", "am", "pm", " a.m.", " p.m.", " A.M.", " P.M", " am.", " AM ", " xm", " a m", " pmm", "p", " ämm",
        ]
        var values: [String] = []
        for _ in 0..<count {
            let hour = Int.random(in: 0...25, using: &random)
            let minute = Int.random(in: 0...61, using: &random)
            let suffix = suffixes.randomElement(using: &random)!
            let forms = [
                "\(hour):\(minute < 10 ? "0" : "")\(minute)\(suffix)", "\(hour)\(minute < 10 ? "0" : "")\(minute)\(suffix)",
                "\(hour)\(suffix)", "\(hour):\(minute < 10 ? "0" : "")\(minute):\(Int.random(in: 0...61, using: &random))\(suffix)",
                " \(hour):\(minute)\(suffix) ", "\(hour):\(minute < 10 ? "0" : "")\(minute)",
            ]
            values.append(forms.randomElement(using: &random)!)
        }
        return values + [
            "12:00 AM", "12:00 PM", "12:30 a.m.", "9:00 AM", "24:00", "0:00 AM", "13:00 PM", "", "AM", "9:00 .a.m.", "9:00 a..m",
        ]
    }

    static func amounts(_ count: Int) -> [String] {
        var random = SeededRandom(seed: 20)
        var values: [String] = []
        for _ in 0..<count {
            let dollars = Int.random(in: 0...2_000_000, using: &random)
            let cents = Int.random(in: 0...99, using: &random)
            let grouped = dollars.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
            let decimals = ["", ".\(cents < 10 ? "0" : "")\(cents)", ".\(cents % 10)", ".\(cents)0", ".\(cents)5", "."].randomElement(
                using: &random)!
            let body = (Bool.random(using: &random) ? grouped : String(dollars)) + decimals
            let forms = [
                body, "$" + body, "(\(body))", "-" + body, "$-" + body, "-$" + body, "($\(body))", " \(body) ", "$ " + body,
                body + "-", "1,23" + decimals, "12,3456" + decimals, body.replacingOccurrences(of: ",", with: ",,"),
            ]
            values.append(forms.randomElement(using: &random)!)
        }
        return values + ["", "$", ".", "-", "()", "(1.00", "$1,234.50", "(12.00)", "999999999999.99", "1000000000000.00", ".5", "5."]
    }

    @Test("times of day: the same minutes, or the same refusal, as the String parser")
    func timesOfDay() {
        for text in Self.times(20_000) {
            #expect(FieldParser.timeOfDay(text) == Self.referenceTimeOfDay(text), "\"\(text)\"")
        }
    }

    @Test("money: the same cents, or the same refusal, as the copying parser")
    func money() {
        for text in Self.amounts(20_000) {
            #expect(FieldParser.money(text) == Self.referenceMoney(text), "\"\(text)\"")
        }
    }
}
