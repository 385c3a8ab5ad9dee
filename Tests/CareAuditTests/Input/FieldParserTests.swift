import Testing

@testable import CareAudit

@Suite("Field parsers")
struct FieldParserTests {
    @Test(
        "dates",
        arguments: [
            ("2026-10-05", "2026-10-05"), ("10/05/2026", "2026-10-05"), ("10/5/26", "2026-10-05"),
            (" 1/31/2026 ", "2026-01-31"), ("2024-02-29", "2024-02-29"), ("10/05/2026 0:00", "2026-10-05"),
            ("2026-10-05T00:00:00", "2026-10-05"),
        ])
    func dates(text: String, iso: String) {
        #expect(FieldParser.day(text)?.description == iso)
    }

    @Test(
        "dates that are not",
        arguments: [
            "2026-02-30", "2025-02-29", "13/01/2026", "2026-10", "10-05-2026",
            "yesterday", "", "2026/13/01", "10/05/226", "1e9",
        ])
    func badDates(text: String) {
        #expect(FieldParser.day(text) == nil)
    }

    @Test(
        "times",
        arguments: [
            ("14:30", 870), ("2:30 PM", 870), ("2:30pm", 870), ("1430", 870), ("0930", 570), ("930", 570),
            ("12:00 AM", 0), ("12:15 PM", 735), ("9:05 a.m.", 545), ("14:30:00", 870), ("24:00", 1440), ("2 PM", 840),
        ])
    func times(text: String, minutes: Int) {
        #expect(FieldParser.timeOfDay(text) == minutes)
    }

    @Test("times that are not", arguments: ["25:10", "14:60", "13:00 PM", "12", "2:3", "noon", "", "-1:00", "24:30"])
    func badTimes(text: String) {
        #expect(FieldParser.timeOfDay(text) == nil)
    }

    @Test("durations: minutes and hours")
    func durations() {
        #expect(FieldParser.minutes("45") == 45)
        #expect(FieldParser.minutes("45.0") == 45)
        #expect(FieldParser.minutes("-30") == nil)
        #expect(FieldParser.minutes("4.5") == nil)
        #expect(FieldParser.hoursAsMinutes("1.50") == 90)
        #expect(FieldParser.hoursAsMinutes(".75") == 45)
        #expect(FieldParser.hoursAsMinutes("0.33") == 20)
        #expect(FieldParser.hoursAsMinutes("1:30") == 90)
        #expect(FieldParser.hoursAsMinutes("-1") == nil)
        #expect(FieldParser.hoursAsMinutes("1.5h") == nil)
    }

    @Test(
        "money is exact cents",
        arguments: [
            ("123.45", 12345), ("$1,234.50", 123_450), ("(12.00)", -1200), ("-12", -1200), ("$-12.00", -1200),
            ("0.5", 50), ("1,000,000", 100_000_000), ("$ 7.10", 710),
        ])
    func money(text: String, cents: Int64) {
        #expect(FieldParser.money(text)?.cents == cents)
    }

    @Test("money that is not", arguments: ["$12.3.4", "12.345", "1,23.00", "12,34", "abc", "", "(12.00", "12-", "1e3"])
    func badMoney(text: String) {
        #expect(FieldParser.money(text) == nil)
    }

    @Test("whole numbers")
    func integers() {
        #expect(FieldParser.integer("4") == 4)
        #expect(FieldParser.integer("-2") == -2)
        #expect(FieldParser.integer("4.0") == 4)
        #expect(FieldParser.integer("1e9") == nil)
        #expect(FieldParser.integer("1.5") == nil)
    }
}

@Suite("Day and Money")
struct DayMoneyTests {
    @Test("days round-trip through components")
    func roundTrip() {
        for number in stride(from: -25_000, through: 80_000, by: 37) {
            let day = Day(number: Int32(number))
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
        }
    }

    @Test("periods")
    func periods() {
        #expect(Period.parse("2026-10")?.description == "2026-10")
        #expect(Period.parse("2026-10")?.last.description == "2026-10-31")
        #expect(Period.parse("2026-10-01..2026-12-31")?.description == "2026-Q4")
        #expect(Period.parse("2026-10-15..2026-12-31")?.description == "2026-10-15..2026-12-31")
        #expect(Period.parse("2026-Q4") == Period.parse("2026-10-01..2026-12-31"))
        #expect(Period.parse("2026-q1")?.last.description == "2026-03-31")
        #expect(Period.parse("2026-Q5") == nil && Period.parse("2026-Q") == nil)
        #expect(
            Period.parse("2026-10-15..2026-12-02")?.months.map(\.description) == [
                "2026-10-15..2026-10-31", "2026-11", "2026-12-01..2026-12-02",
            ])
        #expect(Period.parse("2026-13") == nil)
    }

    @Test("money formatting and rates")
    func money() {
        #expect(Money(cents: -1205).description == "-12.05")
        #expect(Money(cents: 123_456_789).display == "$1,234,567.89")
        #expect(Money.forMinutes(30, atHourlyRate: Money(cents: 8500)).cents == 4250)
        #expect(Money(cents: 10000).share(1, of: 3).cents == 3333)
    }
}
