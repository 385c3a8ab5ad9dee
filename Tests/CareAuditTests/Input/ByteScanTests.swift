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
}
