/// `care-audit init`: a commented starter configuration made from a county's real exports, so
/// the tool can be adapted to them in minutes. Every recognised column is mapped explicitly,
/// every unrecognised one is listed, and every activity code seen gets a proposed category.
public struct StarterConfiguration {
    public let base: Configuration

    public init(base: Configuration = Configuration()) { self.base = base }

    public struct Result {
        public var yaml: String
        public var summaries: [ExportSummary]
        /// Codes whose descriptions matched no keyword (proposed NON_CLAIMABLE for review).
        public var codesToReview: [String]
    }

    public func make(_ files: [(path: String, kind: InputKind)]) throws -> Result {
        var configuration = base
        var columnComments: [InputKind: [String]] = [:]
        var summaries: [ExportSummary] = []
        var codes: [String: (description: String, count: Int)] = [:]
        let classifier = Classifier(configuration: base)

        for (path, kind) in files {
            let summary = try PinnedInput.reading(path, kind: kind, configuration: base) { reader in
                var columns: (code: Int?, description: Int?) = (nil, nil)
                return try reader.read(
                    onHeader: { mapping in
                        for (field, index) in mapping.columns {
                            configuration.columns[kind, default: [:]][mapping.headers[index]] = field
                        }
                        for index in mapping.unmapped {
                            columnComments[kind, default: []].append(
                                "\(ConfigurationWriter.quote(mapping.headers[index])) is not used by care-audit; map it to a field if it is one")
                        }
                        columns = (mapping.index(of: "activity_code"), mapping.index(of: "activity_description"))
                    },
                    onRow: { record in
                        guard kind == .timesheet, let codeIndex = columns.code, codeIndex < record.count else { return [] }
                        let code = record.string(codeIndex).trimmingCharacters(in: .whitespaces).uppercased()
                        guard !code.isEmpty else { return [] }
                        let description = columns.description.flatMap { $0 < record.count ? record.string($0) : nil } ?? ""
                        let seen = codes[code]
                        codes[code] = (seen?.description.isEmpty == false ? seen!.description : description, (seen?.count ?? 0) + 1)
                        return []
                    })
            }
            summaries.append(summary)
            // Headers the defaults already understand need no mapping unless the file lacked required ones.
            if summary.problems.contains(where: { $0.code == .missingColumn }) {
                columnComments[kind, default: []].append("REVIEW: required columns are missing; see `care-audit validate`")
            }
        }

        var comments: [String: String] = [:]
        var review: [String] = []
        for code in codes.keys.sorted() {
            let (description, count) = codes[code]!
            let proposal = classifier.classify(description: description)
            let mapping = proposal.map { ClassificationSettings.CodeMapping(category: $0.category, ancillary: $0.ancillary) }
                ?? .init(category: .nonClaimable)
            configuration.classification.activityCodes[code] = base.classification.activityCodes[code] ?? mapping
            var comment = "\(count) rows, e.g. \(ConfigurationWriter.quote(description))"
            if proposal == nil {
                comment = "REVIEW: no keyword matched; not claimable until you decide. " + comment
                review.append(code)
            }
            comments[code] = comment
        }
        let yaml = ConfigurationWriter.yaml(configuration, columnComments: columnComments, activityCodeComments: comments)
        return Result(yaml: yaml, summaries: summaries, codesToReview: review)
    }
}
