/// Encodes `Encodable` values as JSON in exactly the form Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]` (and `.prettyPrinted` when `pretty`): keys in the
/// order of their UTF-8 bytes, two-space indents, `"key" : value`, an empty container as `[`,
/// a blank line and `]`, control characters as `\n`, `\t`, … or `\u00XX`, `/` and non-ASCII
/// text as they are. Reports are byte-stable and golden-tested, so the form is the contract.
///
/// Why not Foundation's: the JSON report of a 1M-row month holds a 7,000-staff table of minutes
/// by category, which its encoder needs ~0.1 s of one core for (boxing every value, sorting keys
/// as `String`s). This one builds a small tree and writes it once.
///
/// Only what reports hold is supported: strings, integers, booleans, null, arrays and objects
/// (structs and `[String: _]` dictionaries). A floating-point value throws: its text would have
/// to match Foundation's number formatting.
struct SortedJSONEncoder {
    var pretty = true

    func encode(_ value: some Encodable) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(try JSONNode(value), indent: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(_ node: JSONNode, indent: Int, into out: inout [UInt8]) {
        func newline(_ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }
        switch node {
        case .scalar(let text):
            out.append(contentsOf: text.utf8)
        case .pending(let encoder):
            write(encoder.node ?? .object(JSONNode.ObjectBox()), indent: indent, into: &out)
        case .array(let box):
            out.append(UInt8(ascii: "["))
            if pretty && box.items.isEmpty { newline(0) }
            for (index, item) in box.items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                write(item, indent: indent + 1, into: &out)
            }
            if pretty { newline(indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let box):
            out.append(UInt8(ascii: "{"))
            if pretty && box.fields.isEmpty { newline(0) }
            // Positions are sorted, not the fields (moving those retains and releases their
            // texts); of equal keys the last encoded comes last and is the one written.
            let fields = box.fields
            let order = fields.indices.sorted { a, b in
                fields[a].key == fields[b].key ? a < b : fields[a].key.precedesByUTF8(fields[b].key)
            }
            var first = true
            for (rank, index) in order.enumerated() where rank + 1 == order.count || fields[order[rank + 1]].key != fields[index].key {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                if pretty { newline(indent + 1) }
                JSONNode.appendQuoted(fields[index].key, to: &out)
                out.append(contentsOf: pretty ? " : ".utf8 : ":".utf8)
                write(fields[index].node, indent: indent + 1, into: &out)
            }
            if pretty { newline(indent) }
            out.append(UInt8(ascii: "}"))
        }
    }
}

/// A value being encoded: scalars already as JSON text; containers are boxes so that the
/// `Encoder` API's containers can fill them after they are handed out.
private enum JSONNode {
    case scalar(String)
    case array(ArrayBox)
    case object(ObjectBox)
    /// What a `superEncoder()` encodes, known once the encoding is done.
    case pending(TreeEncoder)

    final class ArrayBox { var items: [JSONNode] = [] }
    /// Fields in the order encoded (sorted when written; a key encoded twice keeps its last value).
    final class ObjectBox {
        var fields: [(key: String, node: JSONNode)] = []
        func set(_ key: String, _ node: JSONNode) { fields.append((key, node)) }
    }

    static var null: JSONNode { .scalar("null") }

    /// The node of any value: strings, integers and booleans directly, others through `Encoder`.
    init<T: Encodable>(_ value: T) throws {
        // Types compared, not values cast: a dynamic cast per value would cost more than the rest.
        if T.self == String.self {
            self = .string(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            self = .scalar(String(unsafeBitCast(value, to: Int.self)))
        } else if T.self == Bool.self {
            self = .scalar(unsafeBitCast(value, to: Bool.self) ? "true" : "false")
        } else {
            let encoder = TreeEncoder()
            try value.encode(to: encoder)
            self = encoder.node ?? .object(ObjectBox())
        }
    }

    static func string(_ text: String) -> JSONNode {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &out)
        return .scalar(String(decoding: out, as: UTF8.self))
    }

    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most texts need no escape: copied whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Floating-point values are not written (see `SortedJSONEncoder`).
private func unsupported(_ value: Any, _ path: [CodingKey]) -> EncodingError {
    EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "floating-point values are not written"))
}

private final class TreeEncoder: Encoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What was encoded: set by the first container asked for.
    var node: JSONNode?

    init(codingPath: [CodingKey] = []) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let box)? = node { return KeyedEncodingContainer(KeyedContainer(box: box, codingPath: codingPath)) }
        let box = JSONNode.ObjectBox()
        node = .object(box)
        return KeyedEncodingContainer(KeyedContainer(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array(let box)? = node { return UnkeyedContainer(box: box, codingPath: codingPath) }
        let box = JSONNode.ArrayBox()
        node = .array(box)
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(encoder: self) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNode.ObjectBox
    let codingPath: [CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.set(key.stringValue, try JSONNode(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw unsupported(value, codingPath + [key]) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw unsupported(value, codingPath + [key]) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.set(key.stringValue, .scalar(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.set(key.stringValue, .scalar(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.set(key.stringValue, .scalar(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.set(key.stringValue, .scalar(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.set(key.stringValue, .scalar(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.set(key.stringValue, .scalar(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.set(key.stringValue, .scalar(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.set(key.stringValue, .scalar(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.set(key.stringValue, .scalar(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.set(key.stringValue, .scalar(String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { box.set(key.stringValue, try JSONNode(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        let nested = JSONNode.ObjectBox()
        box.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = JSONNode.ArrayBox()
        box.set(key.stringValue, .array(nested))
        return UnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    /// Under the key "super", as Foundation does.
    mutating func superEncoder() -> Encoder {
        let encoder = TreeEncoder(codingPath: codingPath)
        box.set("super", .pending(encoder))
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        let encoder = TreeEncoder(codingPath: codingPath + [key])
        box.set(key.stringValue, .pending(encoder))
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONNode.ArrayBox
    let codingPath: [CodingKey]
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(try JSONNode(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { throw unsupported(value, codingPath) }
    mutating func encode(_ value: Float) throws { throw unsupported(value, codingPath) }
    mutating func encode(_ value: Int) throws { box.items.append(.scalar(String(value))) }
    mutating func encode(_ value: Int8) throws { box.items.append(.scalar(String(value))) }
    mutating func encode(_ value: Int16) throws { box.items.append(.scalar(String(value))) }
    mutating func encode(_ value: Int32) throws { box.items.append(.scalar(String(value))) }
    mutating func encode(_ value: Int64) throws { box.items.append(.scalar(String(value))) }
    mutating func encode(_ value: UInt) throws { box.items.append(.scalar(String(value))) }
    mutating func encode(_ value: UInt8) throws { box.items.append(.scalar(String(value))) }
    mutating func encode(_ value: UInt16) throws { box.items.append(.scalar(String(value))) }
    mutating func encode(_ value: UInt32) throws { box.items.append(.scalar(String(value))) }
    mutating func encode(_ value: UInt64) throws { box.items.append(.scalar(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { box.items.append(try JSONNode(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONNode.ObjectBox()
        box.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = JSONNode.ArrayBox()
        box.items.append(.array(nested))
        return UnkeyedContainer(box: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder {
        let encoder = TreeEncoder(codingPath: codingPath)
        box.items.append(.pending(encoder))
        return encoder
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = try JSONNode(value) }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { throw unsupported(value, codingPath) }
    mutating func encode(_ value: Float) throws { throw unsupported(value, codingPath) }
    mutating func encode(_ value: Int) throws { encoder.node = .scalar(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.node = .scalar(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.node = .scalar(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.node = .scalar(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .scalar(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.node = .scalar(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .scalar(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .scalar(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .scalar(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .scalar(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.node = try JSONNode(value) }
}
