/// Writes JSON straight into bytes, in exactly the form Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]` (and `.prettyPrinted` when `pretty`): two-space
/// indents, `"key" : value`, an empty container as `[`, a blank line and `]`, control characters
/// as `\n`, `\t`, … or `\u00XX`, `/` and non-ASCII text as they are. Reports are byte-stable and
/// golden-tested, so the form is the contract.
///
/// Keys are written in the order given, so a writer of an object lists them sorted by their UTF-8
/// bytes (`dictionary` sorts a dictionary's). Why not `Encodable`: a month with 55,000 findings
/// and as many entries pending review is a 70 MB report, and an encoder builds a tree of every
/// value before it can sort keys (3.3 s and 300 MB on that month); this writes each value once,
/// where it goes, and with a `drain` hands the bytes on by the megabyte.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// Takes the bytes written so far once they pass 1 MB, so a big document is never held whole.
    private let drain: (([UInt8]) -> Void)?
    private var depth = 0
    /// Whether the innermost open container has no element yet.
    private var empty = true
    #if DEBUG
        /// The last key of the innermost open object, to check that keys come sorted.
        private var lastKey: String?
    #endif

    package init(pretty: Bool = true, drain: (([UInt8]) -> Void)? = nil) {
        self.pretty = pretty
        self.drain = drain
        bytes.reserveCapacity(drain == nil ? 1 << 16 : 1 << 21)
    }

    /// Hands what is left to `drain` (a writer with one calls this when the document is done).
    package mutating func flush() {
        guard let drain, !bytes.isEmpty else { return }
        drain(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// An object whose fields `body` writes with `key` (or the `field` helpers), in key order.
    package mutating func object(_ body: (inout JSONWriter) throws -> Void) rethrows {
        #if DEBUG
            let outerKey = lastKey
            lastKey = nil
            defer { lastKey = outerKey }
        #endif
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array of `items`, each written by `body`.
    package mutating func array<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { writer in
            for item in items {
                writer.element()
                try body(&writer, item)
            }
        }
    }

    /// An array of texts.
    package mutating func array(_ texts: [String]) {
        array(texts) { $0.string($1) }
    }

    /// An object of a dictionary's entries, keys sorted by their UTF-8 bytes.
    package mutating func dictionary<Value>(_ entries: [String: Value], _ body: (inout JSONWriter, Value) throws -> Void) rethrows {
        try object { writer in
            for key in entries.keys.sorted(by: { $0.precedesByUTF8($1) }) {
                writer.key(key)
                try body(&writer, entries[key]!)
            }
        }
    }

    /// An object of integers by key.
    package mutating func dictionary(_ entries: [String: Int]) {
        dictionary(entries) { $0.int($1) }
    }

    /// Starts the next field of the open object.
    package mutating func key(_ name: String) {
        #if DEBUG
            assert(lastKey.map { $0.precedesByUTF8(name) } ?? true, "JSON keys out of order: \(lastKey!) before \(name)")
            lastKey = name
        #endif
        element()
        appendQuoted(name)
        bytes.append(contentsOf: pretty ? " : ".utf8 : ":".utf8)
    }

    package mutating func string(_ text: String?) {
        guard let text else { return null() }
        appendQuoted(text)
    }

    package mutating func int(_ value: Int?) {
        guard let value else { return null() }
        scalar(String(value))
    }

    package mutating func bool(_ value: Bool) {
        scalar(value ? "true" : "false")
    }

    package mutating func null() {
        scalar("null")
    }

    /// A value already in JSON form (a number, `true`, `null`).
    mutating func scalar(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    package mutating func field(_ name: String, _ text: String?) {
        key(name)
        string(text)
    }

    package mutating func field(_ name: String, _ value: Int?) {
        key(name)
        int(value)
    }

    package mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// Separates and indents the next element of the open container.
    mutating func element() {
        if drain != nil && bytes.count >= 1 << 20 { flush() }
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        if pretty { newline(depth) }
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) throws -> Void) rethrows {
        bytes.append(open)
        depth += 1
        empty = true
        try body(&self)
        depth -= 1
        if pretty {
            if empty { newline(0) }
            newline(depth)
        }
        bytes.append(close)
        empty = false
    }

    private mutating func newline(_ level: Int) {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // A native string's bytes are read in place; any other is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            var copy = text
            copy.withUTF8 { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Most texts need no escape: copied whole.
        guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
    }
}

/// A value that writes itself as JSON (report documents and their parts).
package protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}

extension JSONWriter {
    package mutating func write(_ value: (some JSONWritable)?) {
        guard let value else { return null() }
        value.write(to: &self)
    }

    package mutating func field(_ name: String, _ value: (some JSONWritable)?) {
        key(name)
        write(value)
    }

    package mutating func field<Values: Sequence>(_ name: String, _ values: Values) where Values.Element: JSONWritable {
        key(name)
        array(values) { $0.write($1) }
    }

    package mutating func field(_ name: String, _ texts: [String]) {
        key(name)
        array(texts)
    }

    package mutating func field(_ name: String, _ entries: [String: Int]) {
        key(name)
        dictionary(entries)
    }

    /// A document written by `body`, handed to `output` by the megabyte and the rest at the end
    /// (the writer keeps `output` only while `body` runs).
    package static func stream(pretty: Bool = true, to output: ([UInt8]) -> Void, _ body: (inout JSONWriter) -> Void) {
        withoutActuallyEscaping(output) { output in
            var writer = JSONWriter(pretty: pretty, drain: output)
            body(&writer)
            writer.flush()
        }
    }

    /// A whole document written by `body`, pretty, with a final newline: diffable and stable.
    package static func document(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }
}
