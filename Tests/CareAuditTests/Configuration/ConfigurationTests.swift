import Testing

@testable import CareAudit

@Suite("Configuration")
struct ConfigurationTests {
    func parse(_ yaml: String) throws -> Configuration {
        try ConfigurationLoader.parse(yaml, file: "care-audit.yml")
    }

    func failure(_ yaml: String) -> ConfigurationError? {
        do {
            _ = try parse(yaml)
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            return nil
        }
    }

    @Test("a full file reads into the expected values")
    func full() throws {
        let configuration = try parse(
            """
            version: 1
            period: 2026-10
            input: {delimiter: ";", encoding: windows-1252}
            columns:
              timesheet: {"Clinician #": staff_id}
            care: {hourly_rate: "85.00", default_ancillary_category: CARE_COURT_REPORT}
            classification:
              activity_codes:
                CH01: CARE_COURT_HEARING
                MTG: {category: CARE_COURT_REPORT, ancillary: internal_meeting}
              leave_pay_codes: [PTO, VAC]
            billing:
              daily_unit_caps: {H0038: 16}
              unit_rules: {90837: per_encounter}
            rules:
              DC002: {enabled: false}
              TS004: {severity: info}
              PEER004: {days: 30}
              DC004: {tolerance_minutes: 15}
            """)
        #expect(configuration.period?.description == "2026-10")
        #expect(configuration.input.delimiter == UInt8(ascii: ";"))
        #expect(configuration.input.encoding == .windows1252)
        #expect(configuration.columns[.timesheet] == ["Clinician #": "staff_id"])
        #expect(configuration.care.hourlyRate.cents == 8500)
        #expect(configuration.classification.activityCodes["MTG"] == .init(category: .careCourtReport, ancillary: .internalMeeting))
        #expect(configuration.classification.leavePayCodes == ["PTO", "VAC"])
        #expect(!configuration.classification.descriptions.isEmpty)
        #expect(configuration.billing.dailyUnitCaps["H0038"] == 16)
        #expect(configuration.billing.unitRules["90837"] == .perEncounter)
        #expect(configuration.billing.unitRules["H0038"] == .per15)
        #expect(configuration.rules["DC002"]?.enabled == false)
        #expect(configuration.rules["TS004"]?.severity == .info)
        #expect(configuration.rules["PEER004"]?.options == ["days": "30"])
    }

    @Test("unknown keys are named with their line and a suggestion")
    func unknownKey() {
        let error = failure("version: 1\ncare:\n  hourly_rte: 85\n")
        #expect(error?.line == 3)
        #expect(error?.key == "care.hourly_rte")
        #expect(error?.message.contains("did you mean \"hourly_rate\"") == true)
        #expect(error?.description == "care-audit.yml:3: error: care.hourly_rte: unknown key; did you mean \"hourly_rate\"?")
    }

    @Test(
        "wrong types and bad values name key and line",
        arguments: [
            ("version: 1\ninput:\n  max_field_bytes: lots\n", "input.max_field_bytes", 3),
            ("version: 1\nperiod: October\n", "period", 2),
            ("version: 1\nclassification:\n  activity_codes:\n    CH01: COURT\n", "classification.activity_codes.CH01", 4),
            ("version: 1\nrules:\n  DC999: {enabled: false}\n", "rules.DC999", 3),
            ("version: 1\nrules:\n  DC001: {severity: fatal}\n", "rules.DC001.severity", 3),
            ("version: 1\nrules:\n  DC001:\n    severty: warning\n", "rules.DC001.severty", 4),
            ("version: 1\ncare: [1, 2]\n", "care", 2),
            ("version: 2\n", "version", 1),
            ("period: 2026-10\n", "version", 1),
            ("version: 1\ncolumns:\n  timesheet: {Worker: staff}\n", "columns.timesheet.Worker", 3),
        ])
    func badValues(yaml: String, key: String, line: Int) {
        let error = failure(yaml)
        #expect(error?.key == key)
        #expect(error?.line == line)
    }

    @Test("YAML syntax errors name the line")
    func syntax() {
        let error = failure("version: 1\ncare:\n  hourly_rate: [unclosed\n")
        #expect(error != nil)
        #expect((error?.line ?? 0) >= 3)
    }

    @Test("what the writer writes, the loader reads back identically")
    func roundTrip() throws {
        var configuration = Configuration()
        configuration.period = Period.parse("2026-10-01..2026-12-31")
        configuration.input.delimiter = 0x09
        configuration.columns[.billing] = ["Svc \"Day\"": "service_date"]
        configuration.care.hourlyRate = Money(cents: 9_125)
        configuration.classification.activityCodes["X1"] = .init(category: .careOutreach, ancillary: .travel)
        configuration.classification.descriptions.append(.init(regex: "^misc\\b", category: .nonClaimable))
        configuration.billing.dailyUnitCaps["H0038"] = 16
        configuration.rules["DC004"] = .init(enabled: false, severity: .warning, options: ["tolerance_minutes": "15"])
        let yaml = ConfigurationWriter.yaml(configuration)
        #expect(try parse(yaml) == configuration)
        #expect(try parse(ConfigurationWriter.yaml(Configuration())) == Configuration())
    }
}
