import Foundation
import Testing

@testable import CareAudit

/// Runs every rule's own examples through the whole pipeline (files → reader → typing →
/// classification → engine): each must produce exactly the findings it promises.
@Suite("Rule examples")
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let index: Int
        var example: RuleExample { RuleRegistry.rule(id: rule)!.description.examples[index] }
        var testDescription: String { "\(rule): \(example.title)" }
    }

    static let cases: [Case] = RuleRegistry.all.flatMap { rule in
        rule.description.examples.indices.map { Case(rule: rule.description.id, index: $0) }
    }

    static func audit(_ example: RuleExample) throws -> AuditResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rule-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ kind: InputKind) throws -> (path: String, kind: InputKind?) {
            let url = folder.appendingPathComponent("\(kind.rawValue).csv")
            try example.csv(kind).write(to: url, atomically: true, encoding: .utf8)
            return (url.path, kind)
        }
        var files = [try write(.timesheet), try write(.billing)]
        if example.hasRoster { files.append(try write(.roster)) }
        let configuration = try ConfigurationLoader.parse("version: 1\nperiod: 2026-10\n" + example.configuration, file: "example.yml")
        let classifier = Classifier(configuration: configuration)
        let loaded = InputLoader(configuration: configuration, classifier: classifier).load(files)
        return AuditEngine(configuration: configuration).run(loaded, classifier: classifier, hasRoster: example.hasRoster)
    }

    @Test("each example triggers exactly as documented", arguments: cases)
    func example(_ testCase: Case) throws {
        let result = try Self.audit(testCase.example)
        let own = result.findings.filter { $0.rule == testCase.rule }
        #expect(own.count == testCase.example.findings, "\(own.map(\.message))")
        // The records the findings name, together, are the ones the example says.
        // (A record without an id, such as an unreadable row, is named by file and line.)
        let named = Set(own.flatMap { $0.records.map { $0.recordID ?? "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line)" } })
        #expect(named == Set(testCase.example.expects), "named \(named.sorted())")
        #expect(!result.skipped.contains { $0.rule == testCase.rule }, "\(result.skipped)")
        if testCase.rule != "INPUT001" {
            #expect(
                !result.findings.contains { $0.rule == "INPUT001" },
                "example rows must be readable: \(result.findings.filter { $0.rule == "INPUT001" }.map(\.message))")
        }
    }

    @Test("every rule has examples that trigger and examples that must not")
    func coverage() {
        for rule in RuleRegistry.all {
            #expect(rule.description.examples.contains { $0.findings > 0 }, "\(rule.description.id)")
            #expect(rule.description.examples.contains { $0.findings == 0 }, "\(rule.description.id)")
            for example in rule.description.examples {
                #expect((example.findings > 0) == !example.expects.isEmpty, "\(rule.description.id): \(example.title) names no records")
            }
        }
    }

    @Test("the registry is DOMAIN.md's catalogue, sorted, one rule per id")
    func registry() {
        #expect(
            RuleRegistry.ids == [
                "CARE001", "CARE002", "CARE003", "DC001", "DC002", "DC003", "DC004", "DC005",
                "DUP001", "DUP002", "DUP003", "INPUT001", "PEER001", "PEER002", "PEER003",
                "PEER004", "REF001", "REF002", "REF003", "TS001", "TS003", "TS004",
                "UNIT001", "UNIT002", "UNIT003",
            ])
    }
}
