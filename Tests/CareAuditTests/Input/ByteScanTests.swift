import Testing

@testable import CareAudit

@Suite("Byte scans")
struct ByteScanTests {
    /// Sparse, dense (past the switch from memchr to counting words) and at every offset.
    @Test("count finds every quote, sparse or dense", arguments: [0, 1, 3, 64, 5000])
    func count(every: Int) {
        let bytes: [UInt8] = (0..<20_003).map { i in every > 0 && i % every == 0 ? 0x22 : UInt8(ascii: "a") }
        for start in [0, 1, 7] {
            let expected = bytes[start...].filter { $0 == 0x22 }.count
            let found = bytes.withUnsafeBufferPointer { ByteScan.count(0x22, in: $0.baseAddress! + start, count: bytes.count - start) }
            #expect(found == expected, "every \(every), from \(start)")
        }
    }

    /// The 16-bytes-per-step scans against byte-by-byte definitions, on random bytes drawn from
    /// the ones that matter, at lengths around the step size.
    @Test("vector scans agree with byte-by-byte definitions")
    func vectorScans() {
        var random = SeededRandom(seed: 17)
        let alphabet: [UInt8] = [0x20, 0x09, 0x2C, 0x0A, 0x0D, 0x61, 0x61, 0x61, 0x80, 0xC3, 0x00]
        for _ in 0..<5_000 {
            let count = Int.random(in: 0..<70, using: &random)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &random)! }
            let previous: UInt8? = Bool.random(using: &random) ? nil : alphabet.randomElement(using: &random)!
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
            func isEdge(_ b: UInt8) -> Bool { b == 0x2C || b == 0x0A || b == 0x0D }
            let spaceAtEdge =
                count > 0
                && ((isSpace(bytes[0]) && (previous.map(isEdge) ?? true)) || isSpace(bytes[count - 1])
                    || (0..<max(count - 1, 0)).contains {
                        (isSpace(bytes[$0]) && isEdge(bytes[$0 + 1])) || (isEdge(bytes[$0]) && isSpace(bytes[$0 + 1]))
                    })
            let breaks = bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && ($0 + 1 == count || bytes[$0 + 1] != 0x0A)) }
            let from = Int.random(in: 0...count, using: &random)
            let firstBreak = bytes[from...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? count
            let firstNonPlain = bytes[from...].firstIndex { $0 == 0 || $0 >= 0x80 } ?? count
            bytes.withUnsafeBufferPointer { buffer in
                let p = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
                #expect(ByteScan.hasSpaceAtFieldEdge(p, count: count, delimiter: 0x2C, previous: previous) == spaceAtEdge, "\(bytes)")
                #expect(ByteScan.lineBreakOffsets(in: p, count: count) == breaks, "\(bytes)")
                #expect(ByteScan.firstLineBreak(p, from: from, count: count) == firstBreak, "\(bytes) from \(from)")
                #expect(ByteScan.firstNonPlain(p, from: from, count: count) == firstNonPlain, "\(bytes) from \(from)")
                #expect(ByteScan.isPlainASCII(p, count: count) == !bytes.contains { $0 == 0 || $0 >= 0x80 })
            }
        }
    }
}
