import Foundation
import Testing

@testable import CareAudit

/// The report's JSON must stay byte-for-byte what Foundation's encoder writes with sorted keys.
@Suite("JSON writer")
struct JSONWriterTests {
    struct Sample: Encodable, JSONWritable {
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

        /// The same value through the writer: keys in UTF-8 order, dictionaries sorted by it.
        func write(to w: inout JSONWriter) {
            w.object { w in
                w.field("Z", 7)
                w.field("_u", Int.min)
                w.field("flag", flag)
                w.field("list", list)
                w.field("missing", missing)
                w.key("nested")
                w.array(nested) { w, inner in w.array(inner) { $0.int($1) } }
                w.field("number", number)
                if let present { w.field("present", present) }
                w.key("table")
                w.dictionary(table) { $0.dictionary($1) }
                w.field("text", text)
            }
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

    static func written(_ samples: [Sample], pretty: Bool) -> String {
        var w = JSONWriter(pretty: pretty)
        w.array(samples) { $0.write($1) }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test("pretty and compact output match Foundation's JSONEncoder with sorted keys and unescaped slashes")
    func matchesFoundation() throws {
        var random = SeededRandom(seed: 3)
        for _ in 0..<300 {
            let samples = (0..<Int.random(in: 0..<3, using: &random)).map { _ in Self.random(&random) }
            for pretty in [true, false] {
                let foundation = JSONEncoder()
                foundation.outputFormatting =
                    pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
                let expected = String(decoding: try foundation.encode(samples), as: UTF8.self)
                #expect(Self.written(samples, pretty: pretty) == expected)
            }
        }
    }

    @Test("empty containers at the top and inside, and a document ends with a newline")
    func edges() {
        var w = JSONWriter()
        w.array([String]())
        #expect(String(decoding: w.bytes, as: UTF8.self) == "[\n\n]")
        #expect(JSONWriter.document { $0.dictionary([String: Int]()) } == "{\n\n}\n")
        var compact = JSONWriter(pretty: false)
        compact.array([[String]()]) { $0.array($1) }
        #expect(String(decoding: compact.bytes, as: UTF8.self) == "[[]]")
        #expect(JSONWriter.document { $0.object { $0.field("a", [String]()) } } == "{\n  \"a\" : [\n\n  ]\n}\n")
    }

    @Test("a writer with a drain hands on the same bytes, by the megabyte, whole at the end")
    func drained() {
        var random = SeededRandom(seed: 5)
        let samples = (0..<4000).map { _ in Self.random(&random) }
        var chunks: [[UInt8]] = []
        var w = JSONWriter(drain: { chunks.append($0) })
        w.array(samples) { $0.write($1) }
        w.flush()
        #expect(chunks.count > 1 && chunks.dropLast().allSatisfy { $0.count >= 1 << 20 })
        #expect(String(decoding: chunks.joined(), as: UTF8.self) == Self.written(samples, pretty: true))
        #expect(w.bytes.isEmpty)
    }
}
