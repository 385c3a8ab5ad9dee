import Foundation

/// Which column of an export holds which canonical field, decided from its header row.
///
/// Headers match canonical names and aliases ignoring case, spaces and punctuation
/// ("Employee ID", "employee_id" and "EMPLOYEE-ID" are one name). Columns nobody asked for are
/// kept and ignored.
package struct HeaderMapping: Sendable, Equatable {
    /// Canonical field → 0-based column index.
    package private(set) var columns: [Field: Int] = [:]
    /// The header cells as written.
    package let headers: [String]
    /// Indexes of columns that matched no field.
    package private(set) var unmapped: [Int] = []

    func index(of field: Field) -> Int? { columns[field] }

    /// Lowercase letters and digits only: the form headers (and code values such as payer types
    /// and statuses) are compared in. ASCII text, the usual case, takes a byte-level fast path.
    package static func normalize(_ header: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(header.utf8.count)
        for byte in header.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case 0x80...:
                return String(
                    String.UnicodeScalarView(
                        header.lowercased().unicodeScalars.filter {
                            CharacterSet.alphanumerics.contains($0)
                        }))
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Maps `headers` for `schema`. `extraAliases` (header as written → canonical field) come from
    /// the configuration and win over the built-in aliases. Problems are reported at `line` of
    /// `file`.
    package init(
        headers: [String], schema: InputSchema, extraAliases: [String: String] = [:],
        file: String, line: Int, problems: inout [InputProblem], checksRequirements: Bool = true
    ) {
        self.headers = headers
        var lookup: [String: Field] = [:]
        for spec in schema.fields {
            lookup[Self.normalize(spec.name)] = spec.field
        }
        for spec in schema.fields {
            for alias in spec.aliases where lookup[Self.normalize(alias)] == nil {
                lookup[Self.normalize(alias)] = spec.field
            }
        }
        // The configuration's names were checked against the schema when it was loaded.
        for (alias, name) in extraAliases {
            if let field = Field(name: name) { lookup[Self.normalize(alias)] = field }
        }

        var firstSeen: [String: Int] = [:]
        for (index, header) in headers.enumerated() {
            let key = Self.normalize(header)
            if key.isEmpty { continue }
            if let earlier = firstSeen[key] {
                problems.append(
                    InputProblem(
                        file: file, line: line, column: index + 1, code: .duplicateHeader,
                        message: "duplicate header \"\(header)\" (same as column \(earlier + 1), \"\(headers[earlier])\")",
                        quoted: [header, headers[earlier]]))
                continue
            }
            firstSeen[key] = index
            guard let field = lookup[key] else {
                unmapped.append(index)
                continue
            }
            if let earlier = columns[field] {
                problems.append(
                    InputProblem(
                        file: file, line: line, column: index + 1, code: .duplicateHeader,
                        message:
                            "columns \(earlier + 1) (\"\(headers[earlier])\") and \(index + 1) (\"\(header)\") both mean \(field.name)",
                        quoted: [header, headers[earlier]]))
                continue
            }
            columns[field] = index
        }

        guard checksRequirements else { return }
        // Headers of another kind of export (billing given as --timesheets): one message saying
        // so, instead of advice to map its columns.
        if schema.requirements.contains(where: { requirement in !requirement.contains { $0.allSatisfy { columns[$0] != nil } } }),
            let other = Self.kind(of: headers, otherThan: schema.kind, extraAliases: extraAliases)
        {
            problems.append(
                InputProblem(
                    file: file, line: line, column: 0, code: .wrongKind,
                    message:
                        "these headers are a \(other.rawValue) export's (\(Self.describe(other, headers, extraAliases))), not a \(schema.kind.rawValue) export's: give the file as --\(other.option)",
                    quoted: headers))
            return
        }
        for requirement in schema.requirements
        where !requirement.contains(where: { $0.allSatisfy { columns[$0] != nil } }) {
            let missing = requirement.first { $0.contains { columns[$0] == nil } } ?? requirement[0]
            let wanted = missing.first { columns[$0] == nil } ?? missing[0]
            var message = "\(schema.kind.rawValue) export has no \(InputSchema.describe(requirement)) column"
            let spec = schema.fields.first { $0.field == wanted }
            let spellings = [wanted.name] + (spec?.aliases ?? [])
            message += " (accepted: \(spellings.joined(separator: ", ")))"
            // A hostile header can have tens of thousands of columns: compare and list a bounded few.
            if let guess = Self.closest(to: spellings, among: unmapped.prefix(2_000).map { headers[$0] }) {
                message += "; closest header found: \"\(guess)\""
            }
            message += "; headers found: \(headers.prefix(30).map { "\"\($0)\"" }.joined(separator: ", "))"
            if headers.count > 30 { message += " and \(headers.count - 30) more" }
            message += ". Map a column to \(wanted.name) under columns.\(schema.kind.rawValue) in care-audit.yml."
            problems.append(
                InputProblem(
                    file: file, line: line, column: 0, code: .missingColumn, message: message,
                    quoted: headers))
        }
    }

    /// The kind of export whose required columns `headers` hold, other than `given` (a roster
    /// only with a column only rosters have: every timesheet has a staff id).
    static func kind(of headers: [String], otherThan given: InputKind, extraAliases: [String: String]) -> InputKind? {
        for kind in [InputKind.billing, .timesheet, .roster] where kind != given {
            var ignored: [InputProblem] = []
            let mapping = HeaderMapping(
                headers: headers, schema: .of(kind), extraAliases: extraAliases, file: "", line: 0,
                problems: &ignored, checksRequirements: false)
            let complete = InputSchema.of(kind).requirements.allSatisfy { requirement in
                requirement.contains { $0.allSatisfy { mapping.columns[$0] != nil } }
            }
            let distinctive =
                kind != .roster || [Field.npi, .role, .peerCertNumber, .peerCertExpires].contains { mapping.columns[$0] != nil }
            if complete && distinctive { return kind }
        }
        return nil
    }

    /// The headers that made `kind` recognisable, as written.
    static func describe(_ kind: InputKind, _ headers: [String], _ extraAliases: [String: String]) -> String {
        var ignored: [InputProblem] = []
        let mapping = HeaderMapping(
            headers: headers, schema: .of(kind), extraAliases: extraAliases, file: "", line: 0,
            problems: &ignored, checksRequirements: false)
        let required = Set(InputSchema.of(kind).requirements.flatMap { $0.flatMap { $0 } })
        return mapping.columns.filter { required.contains($0.key) }.map(\.value).sorted().prefix(5).map { "\"\(headers[$0])\"" }.joined(
            separator: ", ")
    }

    /// The unmapped header most like one of `spellings`, if any is reasonably close: one holding
    /// a spelling of four letters or more ("Svc Date" holds "date"), or within a few edits of
    /// one ("Staff No" of "Staff ID"). The fewest letters added or changed wins, so "Ln" beats
    /// "Line Stat" for "Line".
    static func closest(to spellings: [String], among candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let c = normalize(candidate)
            guard !c.isEmpty else { continue }
            for spelling in spellings {
                let s = normalize(spelling)
                let shorter = min(c.count, s.count)
                let contained = shorter >= 4 && (c.contains(s) || s.contains(c))
                let distance = editDistance(Array(c.utf8), Array(s.utf8))
                let score = contained ? min(abs(c.count - s.count), distance) : distance
                guard contained || distance <= max(2, s.count / 3) else { continue }
                if best == nil || score < best!.1 { best = (candidate, score) }
            }
        }
        return best?.0
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1,
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
