/// `care-audit init`: a commented starter configuration made from a county's real exports, so
/// the tool can be adapted to them in minutes. It proposes rather than gives up: every column it
/// recognises is mapped, a required column it cannot find gets the closest header (marked
/// REVIEW), every header it does not use is listed, each activity code gets the category most of
/// its rows' descriptions say (with counts and two examples), leave pay codes come from the pay
/// codes present, and unit rules and CARE procedure codes from the billing codes present. What
/// it wrote loads as it is; what needs a person's eye says REVIEW.
package struct StarterConfiguration {
    package let base: Configuration

    package init(base: Configuration = Configuration()) { self.base = base }

    package struct Result {
        package var yaml: String
        package var summaries: [ExportSummary]
        /// Every proposal a person should check, in words (`init` counts and lists them).
        package var review: [String]
    }

    /// Usual units of codes behavioral health bills (DHCS Medi-Cal billing manual conventions):
    /// per-15-minute HCPCS codes, and per-session psychotherapy CPT codes.
    static let usualUnits: [String: UnitRule] = [
        "H0038": .per15, "H0025": .per15, "H0031": .per15, "H0032": .per15, "H2011": .per15, "H2017": .per15,
        "H2019": .per15, "H2021": .per15, "T1017": .per15,
        "90791": .perEncounter, "90832": .perEncounter, "90834": .perEncounter, "90837": .perEncounter,
        "90846": .perEncounter, "90847": .perEncounter, "90853": .perEncounter,
    ]

    /// What the rows of one activity code say.
    private struct CodeTally {
        var rows = 0
        var votes: [ClaimingCategory: Int] = [:]
        var ancillary: [ClaimingCategory: Ancillary] = [:]
        var examples: [String] = []
    }

    package func make(_ files: [(path: String, kind: InputKind)]) throws -> Result {
        var configuration = base
        var notes = ConfigurationWriter.Notes()
        var review: [String] = []
        var summaries: [ExportSummary] = []
        var codes: [String: CodeTally] = [:]
        var payCodes: [String: Int] = [:]
        var procedureCodes: [String: Int] = [:]
        let classifier = Classifier(configuration: base)

        for (path, kind) in files {
            let summary = try PinnedInput.reading(path, kind: kind, configuration: base) { (makeReader: (Configuration) -> ExportReader) in
                // The header first: what maps, what is missing and the closest guess for it.
                proposeColumns(
                    makeReader(base).headerFields() ?? [], kind: kind, path: path, into: &configuration, notes: &notes, review: &review)
                // Then the rows, read with the proposed columns.
                var reading = base
                reading.columns[kind] = configuration.columns[kind]
                let reader = makeReader(reading)
                var columns: (code: Int?, description: Int?, pay: Int?, procedure: Int?) = (nil, nil, nil, nil)
                func text(_ record: CSVRecord, _ index: Int?) -> String {
                    guard let index, index < record.count else { return "" }
                    return record.string(index).trimmingCharacters(in: .whitespaces)
                }
                return try reader.read(
                    onHeader: { mapping in
                        columns = (
                            mapping.index(of: .activityCode), mapping.index(of: .activityDescription),
                            mapping.index(of: .payCode), mapping.index(of: .procedureCode)
                        )
                    },
                    onRow: { record in
                        switch kind {
                        case .timesheet:
                            let pay = text(record, columns.pay).uppercased()
                            if !pay.isEmpty { payCodes[pay, default: 0] += 1 }
                            let code = text(record, columns.code).uppercased()
                            guard !code.isEmpty else { return [] }
                            let description = text(record, columns.description)
                            var tally = codes[code] ?? CodeTally()
                            tally.rows += 1
                            if let vote = classifier.classify(description: description) {
                                tally.votes[vote.category, default: 0] += 1
                                if let ancillary = vote.ancillary, tally.ancillary[vote.category] == nil {
                                    tally.ancillary[vote.category] = ancillary
                                }
                            }
                            if !description.isEmpty && tally.examples.count < 2 && !tally.examples.contains(description) {
                                tally.examples.append(description)
                            }
                            codes[code] = tally
                        case .billing:
                            let code = text(record, columns.procedure).uppercased()
                            if !code.isEmpty { procedureCodes[code, default: 0] += 1 }
                        case .roster:
                            break
                        }
                        return []
                    })
            }
            summaries.append(summary)
        }

        proposeActivityCodes(codes, into: &configuration, notes: &notes, review: &review)
        proposeLeave(payCodes, classifier: classifier, into: &configuration, notes: &notes, review: &review)
        proposeBilling(
            procedureCodes, codes: configuration.classification.activityCodes, into: &configuration, notes: &notes, review: &review)
        let yaml = ConfigurationWriter.yaml(configuration, notes: notes)
        // What init writes must load as it is: a proposal that does not parse is a bug here.
        _ = try ConfigurationLoader.parse(yaml, file: "care-audit.yml (as written by init)")
        return Result(yaml: yaml, summaries: summaries, review: review)
    }

    /// Maps every recognised header; for a required field no header names, the closest unused
    /// header (the ranking `validate` uses), marked REVIEW; lists the headers left unused.
    private func proposeColumns(
        _ headers: [String], kind: InputKind, path: String, into configuration: inout Configuration,
        notes: inout ConfigurationWriter.Notes, review: inout [String]
    ) {
        guard !headers.isEmpty else { return }
        let schema = InputSchema.of(kind)
        var ignored: [InputProblem] = []
        let mapping = HeaderMapping(
            headers: headers, schema: schema, extraAliases: base.columns[kind] ?? [:], file: path, line: 1,
            problems: &ignored, checksRequirements: false)
        for (field, index) in mapping.columns { configuration.columns[kind, default: [:]][headers[index]] = field.name }
        var unused = Set(mapping.unmapped.map { headers[$0] })
        var mapped = Set(mapping.columns.keys)
        func satisfied(_ alternative: [Field]) -> Bool { alternative.allSatisfy(mapped.contains) }
        if let other = HeaderMapping.kind(of: headers, otherThan: kind, extraAliases: [:]),
            !schema.requirements.allSatisfy({ $0.contains(where: satisfied) })
        {
            review.append("\(path): its headers are a \(other.rawValue) export's; give it as --\(other.option)")
            notes.columns[kind, default: []].append(
                "REVIEW: \(path) has a \(other.rawValue) export's headers: give it as --\(other.option)")
            return
        }
        /// The closest unused header for `field`, mapped and marked REVIEW; false when none is close.
        func guess(_ field: Field) -> Bool {
            let spellings = [field.name] + (schema.fields.first { $0.field == field }?.aliases ?? [])
            guard let header = HeaderMapping.closest(to: spellings, among: unused.sorted()) else { return false }
            configuration.columns[kind, default: [:]][header] = field.name
            unused.remove(header)
            mapped.insert(field)
            notes.columnLines[kind, default: [:]][header] = "REVIEW: no header says \(field.name); this is the closest one"
            review.append("\(path): \"\(header)\" proposed as \(field.name) (closest header)")
            return true
        }
        // Required fields first (any alternative that can be completed), then the optional ones.
        for requirement in schema.requirements where !requirement.contains(where: satisfied) {
            let completed = requirement.contains { alternative in
                alternative.filter { !mapped.contains($0) }.allSatisfy(guess)
            }
            if !completed {
                notes.columns[kind, default: []].append(
                    "REVIEW: no header of \(path) looks like \(InputSchema.describe(requirement)), which is required; map one here")
                review.append("\(path): no column for \(InputSchema.describe(requirement))")
            }
        }
        for field in schema.fields.map(\.field) where !mapped.contains(field) && !unused.isEmpty { _ = guess(field) }
        for header in headers where unused.contains(header) {
            notes.columns[kind, default: []].append(
                "\(ConfigurationWriter.quote(header)) is not used by care-audit; map it to a field if it is one")
        }
    }

    /// Each code: the category most of its rows' descriptions say; none: not claimable, REVIEW.
    private func proposeActivityCodes(
        _ codes: [String: CodeTally], into configuration: inout Configuration,
        notes: inout ConfigurationWriter.Notes, review: inout [String]
    ) {
        for code in codes.keys.sorted() where base.classification.activityCodes[code] == nil {
            let tally = codes[code]!
            let examples = tally.examples.map(ConfigurationWriter.quote).joined(separator: ", ")
            guard let (category, votes) = tally.votes.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }) else {
                configuration.classification.activityCodes[code] = .init(category: .nonClaimable)
                notes.activityCodes[code] =
                    "REVIEW: no description keyword matched; not claimable until you decide. \(grouped(tally.rows)) rows, e.g. \(examples)"
                review.append("activity code \(code): no description matched (\(examples))")
                continue
            }
            configuration.classification.activityCodes[code] = .init(category: category, ancillary: tally.ancillary[category])
            var comment = "\(grouped(votes)) of \(grouped(tally.rows)) rows say so, e.g. \(examples)"
            if votes * 2 <= tally.rows {
                let others = tally.votes.filter { $0.key != category }.sorted { $0.value > $1.value }.prefix(2)
                    .map { "\($0.key.rawValue) \(grouped($0.value))" }.joined(separator: ", ")
                comment = "REVIEW: only " + comment + (others.isEmpty ? "" : "; others: \(others)")
                review.append("activity code \(code): no clear majority (\(votes) of \(tally.rows) rows)")
            }
            notes.activityCodes[code] = comment
        }
    }

    /// Pay codes present that name leave (by the payroll words the classifier knows) join the
    /// leave codes; the others are listed.
    private func proposeLeave(
        _ payCodes: [String: Int], classifier: Classifier, into configuration: inout Configuration,
        notes: inout ConfigurationWriter.Notes, review: inout [String]
    ) {
        let known = Set(configuration.classification.leavePayCodes.map(HeaderMapping.normalize))
        var other: [String] = []
        for code in payCodes.keys.sorted() where !known.contains(HeaderMapping.normalize(code)) {
            if classifier.classify(description: code)?.category == .leave {
                configuration.classification.leavePayCodes.append(code)
                notes.classification.append(
                    "REVIEW: pay code \(code) (\(counted(payCodes[code]!, "row"))) added to leave_pay_codes: its name says leave")
                review.append("pay code \(code) taken as leave")
            } else {
                other.append("\(code) (\(grouped(payCodes[code]!)))")
            }
        }
        if !other.isEmpty { notes.classification.append("pay codes seen that are not leave: \(other.joined(separator: ", "))") }
    }

    /// Unit rules for billed codes whose usual unit is known; a billed code that the timesheets
    /// use as a CARE activity code is a CARE procedure code (DC003 flags its lines).
    private func proposeBilling(
        _ procedureCodes: [String: Int], codes: [String: ClassificationSettings.CodeMapping],
        into configuration: inout Configuration, notes: inout ConfigurationWriter.Notes, review: inout [String]
    ) {
        var unknown: [String] = []
        for code in procedureCodes.keys.sorted() {
            let lines = procedureCodes[code]!
            if let mapping = codes[code], mapping.category.isCareClaimable || mapping.category == .careImplementation {
                if !configuration.classification.careProcedureCodes.contains(code) {
                    configuration.classification.careProcedureCodes.append(code)
                }
                notes.classification.append(
                    "REVIEW: \(code) is billed (\(counted(lines, "line"))) and is a CARE activity code in the timesheets: listed in care_procedure_codes"
                )
                review.append("billing code \(code) is a CARE activity code")
                continue
            }
            if configuration.billing.unitRules[code] == nil {
                if let rule = Self.usualUnits[code] {
                    configuration.billing.unitRules[code] = rule
                    notes.billing.append("REVIEW: unit rule \(code): \(rule.rawValue), its usual unit (\(counted(lines, "line")))")
                    review.append("unit rule for \(code)")
                } else {
                    unknown.append("\(code) (\(grouped(lines)))")
                }
            }
        }
        if !unknown.isEmpty {
            notes.billing.append("billed codes without a unit rule (UNIT001 does not check them): \(unknown.joined(separator: ", "))")
        }
    }
}
