import Foundation
import Testing

@testable import CareAudit

/// The report's JSON must stay byte-for-byte what Foundation's encoder wrote before.
@Suite("Sorted JSON encoder")
struct SortedJSONEncoderTests {
    struct Sample: Encodable {
        var text: String
        var number: Int
        var flag: Bool
        var missing: String?
        var present: Int?
        var list: [String]
        var table: [String: [String: Int]]
        var nested: [[Int]]

        func encode(to encoder: Encoder) throws {
            enum Keys: String, CodingKey { case text, number, flag, missing, present, list, table, nested, Z, _u }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(text, forKey: .text)
            try container.encode(number, forKey: .number)
            try container.encode(flag, forKey: .flag)
            try container.encode(missing, forKey: .missing)  // null, not left out
            try container.encodeIfPresent(present, forKey: .present)
            try container.encode(list, forKey: .list)
            try container.encode(table, forKey: .table)
            try container.encode(nested, forKey: .nested)
            try container.encode(UInt32(7), forKey: .Z)
            try container.encode(Int.min, forKey: ._u)
        }
    }

    static let awkward =
        (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        + ["\"", "\\", "/", "\u{7f}", "é", "😀", "\u{2028}", "a/b", "\u{FEFF}", "", "plain"]
    static let keys = ["b", "B", "a", "_x", "10", "9", "é", "ä", "z", "aa", "a_b", "a b", "😀", "~", ""]

    static func random(_ random: inout SeededRandom) -> Sample {
        func text() -> String { (0..<Int.random(in: 0..<4, using: &random)).map { _ in awkward.randomElement(using: &random)! }.joined() }
        func table() -> [String: Int] {
            Dictionary(
                (0..<Int.random(in: 0..<5, using: &random)).map { _ in
                    (keys.randomElement(using: &random)!, Int.random(in: -1000...1000, using: &random))
                },
                uniquingKeysWith: { a, _ in a })
        }
        return Sample(
            text: text(), number: Int.random(in: Int.min...Int.max, using: &random), flag: Bool.random(using: &random),
            missing: Bool.random(using: &random) ? nil : text(), present: Bool.random(using: &random) ? nil : 3,
            list: (0..<Int.random(in: 0..<4, using: &random)).map { _ in text() },
            table: Dictionary(
                (0..<Int.random(in: 0..<4, using: &random)).map { _ in (keys.randomElement(using: &random)!, table()) },
                uniquingKeysWith: { a, _ in a }),
            nested: (0..<Int.random(in: 0..<3, using: &random)).map { _ in (0..<Int.random(in: 0..<3, using: &random)).map { $0 } })
    }

    @Test("pretty and compact output match Foundation's JSONEncoder with sorted keys and unescaped slashes")
    func matchesFoundation() throws {
        var random = SeededRandom(seed: 3)
        for _ in 0..<300 {
            let sample = Self.random(&random)
            for pretty in [true, false] {
                let foundation = JSONEncoder()
                foundation.outputFormatting =
                    pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
                let expected = String(decoding: try foundation.encode([sample]), as: UTF8.self)
                #expect(try SortedJSONEncoder(pretty: pretty).encode([sample]) == expected)
            }
        }
    }

    @Test("empty containers at the top, and a key encoded twice keeps its last value")
    func edges() throws {
        #expect(try SortedJSONEncoder().encode([String]()) == "[\n\n]")
        #expect(try SortedJSONEncoder().encode([String: Int]()) == "{\n\n}")
        #expect(try SortedJSONEncoder(pretty: false).encode([[String]()]) == "[[]]")
        struct Twice: Encodable {
            func encode(to encoder: Encoder) throws {
                enum Keys: CodingKey { case a }
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(1, forKey: .a)
                try container.encode(2, forKey: .a)
            }
        }
        #expect(try SortedJSONEncoder(pretty: false).encode(Twice()) == #"{"a":2}"#)
    }

    @Test("super encoders write where Foundation's do")
    func superEncoders() throws {
        struct Parent: Encodable {
            func encode(to encoder: Encoder) throws {
                enum Keys: CodingKey { case own, base, list }
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode("x", forKey: .own)
                try ["a": 1].encode(to: container.superEncoder())
                try [2, 3].encode(to: container.superEncoder(forKey: .base))
                var list = container.nestedUnkeyedContainer(forKey: .list)
                try "y".encode(to: list.superEncoder())
            }
        }
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(try SortedJSONEncoder().encode(Parent()) == String(decoding: try foundation.encode(Parent()), as: UTF8.self))
    }

    @Test("floating-point values are refused, not written in a form of our own")
    func floatingPoint() {
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode([1.5]) }
    }
}
