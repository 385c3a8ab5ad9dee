import Testing

@testable import CareAudit

@Suite("Planning which files to read in parts")
struct PartPlanTests {
    @Test("a file alone is cut in two halves for two cores")
    func single() {
        #expect(PartPlan.cuts(work: [100], splittable: [true], workers: 2) == [[0.5]])
    }

    @Test("two files of equal work are read whole, one per core")
    func equal() {
        #expect(PartPlan.cuts(work: [100, 100], splittable: [true, true], workers: 2) == [[], []])
    }

    @Test("a dominant file fills the gaps: one part beside the other file, one topping it up")
    func dominant() throws {
        let cuts = PartPlan.cuts(work: [120, 80, 1], splittable: [true, true, false], workers: 2)
        // Others: 80 and 1 → loads 80 and 1; share (120 + 81) / 2.
        let share = (120 + 81.0) / 2
        let first = try #require(cuts[0].first)
        #expect(cuts[0].count == 1 && cuts[1].isEmpty && cuts[2].isEmpty)
        #expect(abs(first - (share - 1) / 120) < 1e-9)
    }

    @Test("nothing is cut on one core, or when no file may be cut")
    func nothingToDo() {
        #expect(PartPlan.cuts(work: [100, 10], splittable: [true, true], workers: 1) == [[], []])
        #expect(PartPlan.cuts(work: [100, 10], splittable: [false, false], workers: 2) == [[], []])
    }

    @Test("a sliver of a gap is not a part of its own")
    func sliver() {
        // The other file leaves a gap of under 5% of the big one: read both whole.
        #expect(PartPlan.cuts(work: [100, 98], splittable: [true, true], workers: 2) == [[], []])
    }

    @Test("cut points land at the fractions asked for, after a line feed")
    func fractions() throws {
        let text = String(repeating: "abcdefghi\n", count: 100)  // 1000 bytes, lines of 10
        let path = try temporaryFile(text)
        let parts = SplitPoints.parts(path: path, size: 1000, endingAt: [0.25, 0.8])
        #expect(parts == [0..<250, 250..<800, 800..<1000])
    }
}
