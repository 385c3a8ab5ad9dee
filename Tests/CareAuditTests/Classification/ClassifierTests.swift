import Testing

@testable import CareAudit

@Suite("Classification")
struct ClassifierTests {
    let classifier = Classifier(configuration: Configuration())

    @Test(
        "default description patterns, one per category",
        arguments: [
            ("CARE court hearing", ClaimingCategory.careCourtHearing, nil as Ancillary?, "description \"court hearing\""),
            ("Court report preparation", .careCourtReport, nil, "description \"court report\""),
            ("Outreach – street engagement", .careOutreach, nil, "description \"engagement\""),
            ("Serve legal notice", .careNotice, nil, "description \"legal notice\""),
            ("CARE data reporting", .careDataReporting, nil, "description \"data reporting\""),
            ("CARE implementation: policies", .careImplementation, nil, "description \"implementation\""),
            ("Peer support session", .directService, nil, "description \"peer support\""),
            ("Individual therapy", .directService, nil, "description \"therapy\""),
            ("Documentation", .nonClaimable, nil, "description \"documentation\""),
            ("Vacation", .leave, nil, "description \"vacation\""),
            ("Prep for court hearing", .careCourtHearing, .prep, "description \"court hearing\" + ancillary \"prep for\""),
            (
                "Supervision of CARE court report work", .careCourtReport, .supervision,
                "description \"court report\" + ancillary \"supervision\""
            ),
            (
                "CARE team meeting", .careCourtHearing, .internalMeeting,
                "ancillary \"team meeting\" of CARE work (care.default_ancillary_category)"
            ),
            // The most specific phrase wins, not the first pattern that matches something.
            ("Serve notice of CARE hearing", .careNotice, nil, "description \"notice of care hearing\""),
            ("Court report for the hearing", .careCourtReport, nil, "description \"court report\""),
            ("CARE data reporting for the court", .careDataReporting, nil, "description \"data reporting\""),
        ])
    func descriptions(text: String, category: ClaimingCategory, ancillary: Ancillary?, matchedBy: String) {
        let result = classifier.classify(activityCode: "", description: text, payCode: "REG")
        #expect(result.category == category)
        #expect(result.ancillary == ancillary)
        #expect(result.matchedBy == matchedBy)
    }

    @Test("clinical supervision without CARE context is not CARE time")
    func plainSupervision() {
        #expect(classifier.classify(activityCode: "", description: "Clinical supervision", payCode: "").category == .unclassified)
    }

    @Test("keywords match whole words only")
    func wholeWords() {
        #expect(classifier.classify(activityCode: "", description: "Noticeboard upkeep", payCode: "").category == .unclassified)
        #expect(Classifier.contains("care team meeting", phrase: "care"))
        #expect(!Classifier.contains("careful", phrase: "care"))
    }

    @Test("order: activity code, then description, then leave pay code, else UNCLASSIFIED")
    func order() {
        var configuration = Configuration()
        configuration.classification.activityCodes["CH01"] = .init(category: .careOutreach)
        configuration.care.defaultAncillaryCategory = .careNotice
        let custom = Classifier(configuration: configuration)
        let byCode = custom.classify(activityCode: "ch01", description: "Documentation", payCode: "PTO")
        #expect(byCode.category == .careOutreach && byCode.matchedBy == "activity_code CH01")
        #expect(custom.classify(activityCode: "ZZ", description: "Training", payCode: "PTO").category == .nonClaimable)
        let leave = custom.classify(activityCode: "", description: "", payCode: "sick")
        #expect(leave.category == .leave && leave.matchedBy == "pay_code SICK")
        #expect(custom.classify(activityCode: "", description: "Misc", payCode: "REG").category == .unclassified)
        #expect(custom.classify(activityCode: "", description: "CARE huddle", payCode: "").category == .careNotice)
    }

    @Test("regular expressions in configuration")
    func regex() {
        var configuration = Configuration()
        configuration.classification.descriptions = [.init(regex: "^HRG-\\d+$", category: .careCourtHearing)]
        let custom = Classifier(configuration: configuration)
        let result = custom.classify(activityCode: "", description: "HRG-204", payCode: "")
        #expect(result.category == .careCourtHearing)
        #expect(result.matchedBy == "description /^HRG-\\d+$/")
    }

    @Test("claim lines: any service code is a direct service; a CARE activity code is remembered")
    func procedures() {
        var configuration = Configuration()
        configuration.classification.activityCodes["CH01"] = .init(category: .careCourtHearing)
        let custom = Classifier(configuration: configuration)
        #expect(custom.classify(procedureCode: "H0038") == (.directService, false))
        #expect(custom.classify(procedureCode: "ch01") == (.careCourtHearing, true))
    }

    @Test(
        "leave by the names payroll systems use, matched ignoring case, spaces and punctuation",
        arguments: [
            "PTO", "Sick Leave", "sick-leave", "SICKLEAVE", "Jury Duty", "Bereavement", "Administrative Leave", "Floating Holiday", "vac",
        ])
    func leaveNames(payCode: String) {
        #expect(classifier.classify(activityCode: "", description: "", payCode: payCode).category == .leave)
    }

    @Test("regular and overtime pay codes are not leave", arguments: ["REG", "OT", "Regular", "On Call"])
    func notLeave(payCode: String) {
        #expect(classifier.classify(activityCode: "", description: "", payCode: payCode).category == .unclassified)
    }
}
