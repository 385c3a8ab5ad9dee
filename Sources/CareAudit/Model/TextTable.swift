/// A piece of text from the exports (an id, a code, a name), interned in the audit's
/// `TextTable`: equal texts have equal ids, so records compare and group by a 4-byte integer
/// and hold no `String` (no reference counting, no heap object per field).
///
/// Id 0 is the empty text. Row-unique texts (entry ids) are stored without interning, so two
/// of those with the same text may have different ids: compare them as text, not by id.
package struct TextID: Hashable, Comparable, Sendable {
    package let raw: UInt32

    package static let empty = TextID(raw: 0)

    package init(raw: UInt32) { self.raw = raw }

    package var isEmpty: Bool { raw == 0 }

    package static func < (lhs: TextID, rhs: TextID) -> Bool { lhs.raw < rhs.raw }
}

extension DefaultStringInterpolation {
    /// Interpolating an id would print its number where the text was meant: `context[id]` gives
    /// the text. Unavailable, so the mistake does not compile.
    @available(*, unavailable, message: "interpolate the text: context[id] or table[id]")
    package mutating func appendInterpolation(_ value: TextID) {}
}

/// The texts of one audit, read-only once loading is done (so rules on several threads share it).
package final class TextTable: Sendable {
    let storage: TextInterner

    init(_ storage: TextInterner) { self.storage = storage }

    package subscript(id: TextID) -> String { storage.string(id) }

    /// The id of `text` when it occurs in the exports (interned values only).
    package func id(of text: String) -> TextID? { storage.find(text) }

    package var count: Int { storage.count }
}
