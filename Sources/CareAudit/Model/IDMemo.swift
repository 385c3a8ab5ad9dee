/// A table keyed by text ids, for lookups made once per record (the typer's activity, procedure
/// code, status and payer; the context's roster members; rules' per-code decisions). An
/// open-addressing table with a multiplicative hash finds a key in a few nanoseconds, where
/// `Dictionary` would run SipHash on each lookup.
struct IDMemo<Value> {
    /// Up to three ids, as one key.
    struct Key: Equatable, Sendable {
        let high: UInt64
        let low: UInt32

        init(_ a: TextID, _ b: TextID = .empty, _ c: TextID = .empty) {
            high = UInt64(a.raw) << 32 | UInt64(b.raw)
            low = c.raw
        }

        var hash: Int {
            Int(truncatingIfNeeded: ((high ^ UInt64(low) &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD) >> 32)
        }
    }

    private var slots = [(key: Key, value: Value)?](repeating: nil, count: 64)
    private var count = 0

    subscript(key: Key) -> Value? {
        get {
            var slot = key.hash & (slots.count - 1)
            while let entry = slots[slot] {
                if entry.key == key { return entry.value }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
        set {
            guard let newValue else { preconditionFailure("a memo forgets nothing but all at once") }
            var slot = key.hash & (slots.count - 1)
            while let entry = slots[slot] {
                if entry.key == key {
                    slots[slot] = (key, newValue)
                    return
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            slots[slot] = (key, newValue)
            count += 1
            if count * 2 > slots.count { grow() }
        }
    }

    /// The value of one id.
    subscript(id: TextID) -> Value? {
        get { self[Key(id)] }
        set { self[Key(id)] = newValue }
    }

    /// The value of `key`, computed on first sight.
    mutating func value(_ key: Key, _ compute: () -> Value) -> Value {
        if let known = self[key] { return known }
        let value = compute()
        self[key] = value
        return value
    }

    private mutating func grow() {
        let old = slots
        slots = .init(repeating: nil, count: old.count * 2)
        count = 0
        for case (let key, let value)? in old { self[key] = value }
    }
}

extension IDMemo: Sendable where Value: Sendable {}
