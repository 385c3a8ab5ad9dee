import Foundation

/// Puts every timesheet entry in exactly one claiming category, by activity, never by job title
/// (DOMAIN.md §2). The mappings are tried in order: activity code, description patterns (with
/// ancillary time), leave pay codes; what none matches is UNCLASSIFIED. Each answer says which
/// mapping matched.
public final class Classifier: @unchecked Sendable {
    private let settings: ClassificationSettings
    private let defaultAncillaryCategory: ClaimingCategory
    private let codes: [String: ClassificationSettings.CodeMapping]
    private let regexes: [NSRegularExpression?]
    private let leavePayCodes: Set<String>
    private let careProcedureCodes: [String: ClaimingCategory]
    /// Exports repeat the same few activities thousands of times: classify each once.
    private var cache: [ActivityKey: Classification] = [:]
    private var descriptionCache: [String: Classification?] = [:]
    private let lock = NSLock()

    package init(settings: ClassificationSettings, defaultAncillaryCategory: ClaimingCategory) {
        self.settings = settings
        self.defaultAncillaryCategory = defaultAncillaryCategory
        codes = Dictionary(settings.activityCodes.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        regexes = settings.descriptions.map { pattern in
            pattern.regex.flatMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        }
        leavePayCodes = Set(settings.leavePayCodes.map(HeaderMapping.normalize))
        var care: [String: ClaimingCategory] = [:]
        for (code, mapping) in codes where mapping.category.isCareClaimable || mapping.category == .careImplementation {
            care[code] = mapping.category
        }
        for code in settings.careProcedureCodes { care[code.uppercased()] = care[code.uppercased()] ?? .careCourtHearing }
        careProcedureCodes = care
    }

    public convenience init(configuration: Configuration) {
        self.init(
            settings: configuration.classification,
            defaultAncillaryCategory: configuration.care.defaultAncillaryCategory)
    }

    /// Whether the configuration maps activity codes at all (REF002 then also flags unmapped codes).
    package var mapsActivityCodes: Bool { !codes.isEmpty }

    /// Whether `code` is in the activity code map.
    package func isMapped(activityCode code: String) -> Bool { codes[code.uppercased()] != nil }

    private struct ActivityKey: Hashable {
        let code: String
        let description: String
        let payCode: String
    }

    package func classify(activityCode: String, description: String, payCode: String) -> Classification {
        memo(\.cache, ActivityKey(code: activityCode, description: description, payCode: payCode)) {
            compute(activityCode: activityCode, description: description, payCode: payCode)
        }
    }

    /// The value cached in `table` under `key`, computing it (outside the lock) on a miss.
    private func memo<Key: Hashable, Value>(
        _ table: ReferenceWritableKeyPath<Classifier, [Key: Value]>, _ key: Key,
        _ make: () -> Value
    ) -> Value {
        lock.lock()
        if let cached = self[keyPath: table][key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let value = make()
        lock.lock()
        self[keyPath: table][key] = value
        lock.unlock()
        return value
    }

    private func compute(activityCode: String, description: String, payCode: String) -> Classification {
        let code = activityCode.trimmingCharacters(in: .whitespaces).uppercased()
        if !code.isEmpty, let mapping = codes[code] {
            return Classification(
                category: mapping.category, ancillary: mapping.ancillary,
                matchedBy: "activity_code \(code)")
        }
        if let byDescription = classify(description: description) {
            return byDescription
        }
        let pay = payCode.trimmingCharacters(in: .whitespaces).uppercased()
        // "Sick Leave", "sick-leave" and "SICKLEAVE" are one pay code, as headers are one column.
        if !pay.isEmpty && leavePayCodes.contains(HeaderMapping.normalize(pay)) {
            return Classification(category: .leave, matchedBy: "pay_code \(pay)")
        }
        return Classification(category: .unclassified, matchedBy: "no mapping matched")
    }

    /// The description patterns alone (CARE002 compares them with the code's category; `init`
    /// proposes a category for a code with them). Cached like `classify`.
    package func classify(description: String) -> Classification? {
        memo(\.descriptionCache, description) { matchDescription(description) }
    }

    private func matchDescription(_ description: String) -> Classification? {
        let text = description.lowercased()
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        var ancillary: (Ancillary, String)?
        for pattern in settings.ancillary {
            if let keyword = pattern.keywords.first(where: { Self.contains(text, phrase: $0) }) {
                ancillary = (pattern.ancillary, keyword)
                break
            }
        }
        // The most specific phrase wins, not the first pattern to match: "Serve notice of CARE
        // hearing" is a notice ("notice of care hearing"), not a hearing ("care hearing"). A regex
        // counts as long as what it matched; on a tie the earlier pattern wins.
        var primary: (ClassificationSettings.DescriptionPattern, String)?
        var longest = 0
        for (index, pattern) in settings.descriptions.enumerated() {
            if let keyword = pattern.keywords.filter({ Self.contains(text, phrase: $0) }).max(by: { $0.count < $1.count }),
                keyword.count > longest
            {
                (primary, longest) = ((pattern, "\"\(keyword)\""), keyword.count)
            }
            if let regex = regexes[index],
                let match = regex.firstMatch(in: description, range: NSRange(description.startIndex..., in: description)),
                match.range.length > longest
            {
                (primary, longest) = ((pattern, "/\(pattern.regex!)/"), match.range.length)
            }
        }
        if let (kind, phrase) = ancillary {
            if let (pattern, matched) = primary, pattern.category.isCareClaimable {
                return Classification(
                    category: pattern.category, ancillary: kind,
                    matchedBy: "description \(matched) + ancillary \"\(phrase)\"")
            }
            if Self.contains(text, phrase: "care") && (primary == nil || primary!.0.category == .nonClaimable) {
                return Classification(
                    category: defaultAncillaryCategory, ancillary: kind,
                    matchedBy: "ancillary \"\(phrase)\" of CARE work (care.default_ancillary_category)")
            }
        }
        guard let (pattern, matched) = primary else { return nil }
        return Classification(
            category: pattern.category, ancillary: pattern.ancillary,
            matchedBy: "description \(matched)")
    }

    /// A claim line's category from its procedure code: a CARE activity code billed to a payer
    /// is remembered for DC003; every other code is a direct service.
    package func classify(procedureCode: String) -> (category: ClaimingCategory, isCareActivityCode: Bool) {
        if let care = careProcedureCodes[procedureCode.uppercased()] { return (care, true) }
        return (.directService, false)
    }

    /// `phrase` occurs in `text` (both lowercase) with no letter or digit right before or after.
    static func contains(_ text: String, phrase: String) -> Bool {
        let needle = phrase.lowercased()
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: needle, range: searchRange) {
            let beforeOK =
                found.lowerBound == text.startIndex
                || !text[text.index(before: found.lowerBound)].isLetterOrDigit
            let afterOK =
                found.upperBound == text.endIndex || !text[found.upperBound].isLetterOrDigit
                || !(needle.last?.isLetterOrDigit ?? true)
            if beforeOK && afterOK { return true }
            searchRange = text.index(after: found.lowerBound)..<text.endIndex
        }
        return false
    }
}

extension Character {
    fileprivate var isLetterOrDigit: Bool { isLetter || isNumber }
}
