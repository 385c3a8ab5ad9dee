import Testing

@testable import CareAudit

@Suite("Memos keyed by text ids")
struct IDMemoTests {
    @Test("keys of one, two and three ids find their values, through growth; others find nothing")
    func lookups() {
        var memo = IDMemo<Int>()
        let ids = (1...500).map { TextID(raw: UInt32($0)) }
        for (n, id) in ids.enumerated() {
            memo[.init(id)] = n
            memo[.init(id, ids[0])] = -n
            memo[.init(ids[0], id, id)] = n * 10
        }
        for (n, id) in ids.enumerated() {
            #expect(memo[.init(id)] == n)
            #expect(memo[.init(id, ids[0])] == -n)
            #expect(memo[.init(ids[0], id, id)] == n * 10)
        }
        #expect(memo[.init(TextID(raw: 9999))] == nil)
        #expect(memo[.init(ids[1], ids[2])] == nil)  // a pair never stored
        memo[.init(ids[3])] = 42
        #expect(memo[.init(ids[3])] == 42)
    }

    @Test("value computes once per key, a nil result included")
    func computesOnce() {
        var memo = IDMemo<Int?>()
        var calls = 0
        for _ in 0..<3 {
            #expect(
                memo.value(.init(TextID(raw: 7))) {
                    calls += 1
                    return nil
                } == nil)
            #expect(
                memo.value(.init(TextID(raw: 8))) {
                    calls += 1
                    return 5
                } == 5)
        }
        #expect(calls == 2)
    }
}
