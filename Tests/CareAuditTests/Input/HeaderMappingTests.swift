import Testing

@testable import CareAudit

@Suite("Header mapping")
struct HeaderMappingTests {
    func map(_ headers: [String], _ kind: InputKind, extra: [String: String] = [:]) -> (HeaderMapping, [InputProblem]) {
        var problems: [InputProblem] = []
        let mapping = HeaderMapping(
            headers: headers, schema: .of(kind), extraAliases: extra,
            file: "f.csv", line: 1, problems: &problems)
        return (mapping, problems)
    }

    @Test("aliases match ignoring case, spaces and punctuation")
    func aliases() {
        let (mapping, problems) = map(["EMPLOYEE-ID", "apply date", "Time In", "time_out", "Pay Code", "Client  CIN", "Extra"], .timesheet)
        #expect(problems.isEmpty)
        #expect(mapping.index(of: .staffId) == 0)
        #expect(mapping.index(of: .workDate) == 1)
        #expect(mapping.index(of: .startTime) == 2)
        #expect(mapping.index(of: .endTime) == 3)
        #expect(mapping.index(of: .payCode) == 4)
        #expect(mapping.index(of: .participantId) == 5)
        #expect(mapping.unmapped == [6])
    }

    @Test("billing accepts an NPI instead of a staff id")
    func billingNPI() {
        let (mapping, problems) = map(["Claim Number", "DOS", "HCPCS", "Units", "Rendering NPI"], .billing)
        #expect(problems.isEmpty)
        #expect(mapping.index(of: .renderingNpi) == 4)
    }

    @Test("a missing required column lists the headers found and the closest match")
    func missing() {
        let (_, problems) = map(["Employe ID", "Date", "Hours"], .timesheet)
        #expect(problems.count == 1)
        let problem = problems[0]
        #expect(problem.code == .missingColumn)
        #expect(problem.message.contains("closest header found: \"Employe ID\""))
        #expect(problem.message.contains("headers found: \"Employe ID\", \"Date\", \"Hours\""))
    }

    @Test("either start+end or a duration satisfies the timesheet")
    func timeAlternatives() {
        #expect(map(["Staff ID", "Date", "Start", "End"], .timesheet).1.isEmpty)
        #expect(map(["Staff ID", "Date", "Minutes"], .timesheet).1.isEmpty)
        let (_, problems) = map(["Staff ID", "Date", "Start"], .timesheet)
        #expect(problems.map(\.code) == [.missingColumn])
        #expect(problems[0].message.contains("start_time + end_time, or minutes, or hours"))
    }

    @Test("duplicate headers are errors, also through aliases")
    func duplicates() {
        let (_, same) = map(["Staff ID", "Date", "Hours", "staff id"], .timesheet)
        #expect(same.map(\.code) == [.duplicateHeader])
        let (_, alias) = map(["Staff ID", "Employee ID", "Date", "Hours"], .timesheet)
        #expect(alias.map(\.code) == [.duplicateHeader])
        #expect(alias[0].column == 2)
    }

    @Test("configured aliases map unusual headers")
    func configured() {
        let (mapping, problems) = map(
            ["Clinician #", "Svc Day", "Hrs"], .timesheet,
            extra: ["Clinician #": "staff_id", "Svc Day": "work_date", "Hrs": "hours"])
        #expect(problems.isEmpty)
        #expect(mapping.index(of: .staffId) == 0)
    }
}

@Suite("Field names")
struct FieldNameTests {
    @Test("every field's canonical name is its case name in snake case, and names it back")
    func names() {
        #expect(Field.recordId.name == "record_id")
        #expect(Field.modifier1.name == "modifier_1")
        #expect(Field.renderingNpi.name == "rendering_npi")
        #expect(Field.peerCertInitial.name == "peer_cert_initial")
        for field in Field.allCases { #expect(Field(name: field.name) == field) }
        #expect(Set(Field.allCases.map(\.name)).count == Field.allCases.count)
        // Every schema field is a Field, and every Field is in some schema.
        let schemaNames = Set(InputKind.allCases.flatMap { InputSchema.of($0).fields.map(\.name) })
        #expect(schemaNames == Set(Field.allCases.map(\.name)))
    }
}
