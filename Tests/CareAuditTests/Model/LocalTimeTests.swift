import Testing

@testable import CareAudit

@Suite("Local time")
struct LocalTimeTests {
    let zone = LocalTime.losAngeles
    let fallBack = Day(year: 2026, month: 11, day: 1)!, springForward = Day(year: 2026, month: 3, day: 8)!
    let ordinary = Day(year: 2026, month: 10, day: 14)!

    @Test("fall-back night: 01:00–03:00 is 180 minutes; spring-forward: 60; any other night: 120")
    func durations() {
        #expect(zone.elapsed(180, on: fallBack) - zone.elapsed(60, on: fallBack) == 180)
        #expect(zone.elapsed(180, on: springForward) - zone.elapsed(60, on: springForward) == 60)
        #expect(zone.elapsed(180, on: ordinary) - zone.elapsed(60, on: ordinary) == 120)
        // An overnight entry that runs into the fall-back night: 23:00 on Oct 31 to 02:30 on Nov 1.
        let eve = fallBack.adding(days: -1)
        #expect(zone.elapsed(1440 + 150, on: eve) - zone.elapsed(1380, on: eve) == 270)
    }

    @Test("clock times come back as written, for messages", arguments: [0, 59, 60, 119, 180, 240, 600, 1439])
    func roundTrip(clock: Int) {
        for day in [fallBack, springForward, ordinary] where !(day == springForward && (120..<180).contains(clock)) {
            #expect(zone.clock(zone.elapsed(clock, on: day), on: day) == FieldParser.clock(clock))
        }
    }

    @Test("an unknown time zone is refused; another zone has its own nights")
    func zones() {
        #expect(LocalTime(identifier: "America/Nowhere") == nil)
        let phoenix = LocalTime(identifier: "America/Phoenix")!  // no daylight saving time
        #expect(phoenix.elapsed(180, on: fallBack) == 180)
    }
}
