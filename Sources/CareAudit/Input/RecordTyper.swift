/// Turns well-formed rows into typed records. A value that cannot be read rejects its row with a
/// problem naming file, line and column (the field position) and the value; the caller counts the
/// row as rejected and reads on.
package final class RecordTyper {
    let file: String
    /// The file's position among the audit's inputs (records name it in `RowRef`).
    let fileIndex: Int
    let mapping: HeaderMapping
    let classifier: Classifier
    /// The texts of this file's records; a typer reads one file on one thread.
    var texts = TextInterner()
    /// Whether the records are kept. When not (validation), row-unique texts are not stored
    /// and the table starts afresh once it is large, so memory stays flat.
    let keepsRecords: Bool
    /// Per-file memos: classifying or normalising per row would dominate typing, and the values
    /// repeat. Looked up by text id, so no string is built or hashed per row.
    private var activities = IDMemo<ActivityClass>()
    private var procedures = IDMemo<(ClaimingCategory, Bool)>()
    /// By payer type and payer name.
    private var payers = IDMemo<PayerType>()
    /// Payer types outside the known set already warned about (once per value and file).
    private var unknownPayerTypes = Set<TextID>()
    private var statuses = IDMemo<ClaimStatus?>()

    /// Column index of each `Field`, resolved once from the header.
    let slots: [Int?]
    /// The same as `slots` (-1: no column) in memory of its own: looked up for every field of
    /// every row, where reading an array property of a class costs a retain and a release.
    private let columns: UnsafeMutableBufferPointer<Int>

    package init(
        file: String, fileIndex: Int = 0, mapping: HeaderMapping, classifier: Classifier, keepsRecords: Bool = true,
        localTime: LocalTime = .losAngeles
    ) {
        self.localTime = localTime
        self.file = file
        self.fileIndex = fileIndex
        self.mapping = mapping
        self.classifier = classifier
        self.keepsRecords = keepsRecords
        slots = Field.allCases.map { mapping.index(of: $0) }
        columns = .allocate(capacity: slots.count)
        _ = columns.initialize(from: slots.map { $0 ?? -1 })
        previous = .allocate(capacity: slots.count * 2)
        previous.initialize(repeating: .empty)
    }

    /// The county's clock, for entries on the nights it changes.
    let localTime: LocalTime
    private var transitionCheck: (day: Int32, near: Bool) = (.min, false)

    /// The text each column had in the previous row. Exports come sorted by staff and date, so
    /// staff ids and names, programs, pay codes, payers and statuses mostly repeat the row
    /// before: comparing with that text is cheaper than hashing and looking it up.
    private let previous: UnsafeMutableBufferPointer<TextID>

    deinit {
        columns.deallocate()
        previous.deallocate()
    }

    /// The id of `bytes` in `field`'s column (upper-cased if asked), checked against the
    /// previous row's first. Bytes without a lower-case letter or a non-ASCII byte are taken as
    /// they are; others are upper-cased through `String`.
    @inline(__always)
    func text(_ bytes: UnsafeBufferPointer<UInt8>, in field: Field, upperCased: Bool = false) -> TextID {
        let slot = field.rawValue * 2 + (upperCased ? 1 : 0)  // a column read both ways keeps both
        let last = previous[slot]
        if texts.holds(last, bytes) { return last }
        let id =
            upperCased && bytes.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") || $0 >= 0x80 })
            ? texts.id(String(decoding: bytes, as: UTF8.self).uppercased())
            : texts.id(bytes)
        previous[slot] = id
        return id
    }

    func payerType(type: TextID, name: TextID) -> PayerType {
        payers.value(.init(type, name)) { PayerType(type: texts.string(type), payerName: texts.string(name)) }
    }

    func status(_ text: TextID) -> ClaimStatus? {
        statuses.value(.init(text)) { ClaimStatus(text: texts.string(text)) }
    }

    /// What an entry's code, description and pay code classify as, and the facts rules ask later.
    struct ActivityClass {
        let category: ClaimingCategory, ancillary: Ancillary?, describedAs: ClaimingCategory?, codeIsMapped: Bool
    }

    func classify(code: TextID, description: TextID, payCode: TextID) -> ActivityClass {
        activities.value(.init(code, description, payCode)) {
            let (code, description) = (texts.string(code), texts.string(description))
            let found = classifier.classify(activityCode: code, description: description, payCode: texts.string(payCode))
            return ActivityClass(
                category: found.category, ancillary: found.ancillary,
                describedAs: classifier.classify(description: description)?.category,
                codeIsMapped: !code.isEmpty && classifier.isMapped(activityCode: code))
        }
    }

    func classify(procedure: TextID) -> (ClaimingCategory, Bool) {
        procedures.value(.init(procedure)) {
            let found = classifier.classify(procedureCode: texts.string(procedure))
            return (found.category, found.isCareActivityCode)
        }
    }

    /// Reads fields of one row and collects its problems.
    struct Row {
        let record: CSVRecord
        let typer: RecordTyper
        var problems: [InputProblem] = []

        func index(_ field: Field) -> Int? {
            let i = typer.columns[field.rawValue]
            return i >= 0 && i < record.count ? i : nil
        }

        func trimmed(_ field: Field) -> UnsafeBufferPointer<UInt8> {
            guard let i = index(field) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return FieldParser.trimmed(record.bytes(i))
        }

        /// A field whose text is looked up later: hashed once, its table slot loading meanwhile.
        struct Pending {
            let bytes: UnsafeBufferPointer<UInt8>
            let hash: UInt64
        }

        /// Starts loading what looking up a field's text will need (see `TextInterner.prefetch`).
        func prefetch(_ field: Field) -> Pending {
            let bytes = trimmed(field)
            return Pending(bytes: bytes, hash: typer.texts.prefetch(bytes))
        }

        /// The text of a prefetched field, interned.
        func text(_ pending: Pending) -> TextID {
            typer.texts.id(pending.bytes, hash: pending.hash)
        }

        /// The trimmed text of a field, interned; empty when the column is absent or empty.
        func text(_ field: Field) -> TextID {
            typer.text(trimmed(field), in: field)
        }

        /// The trimmed text as a `String` (roster rows and messages).
        func string(_ field: Field) -> String {
            String(decoding: trimmed(field), as: UTF8.self)
        }

        /// Like `text`, for values unique to each row (record ids): stored, not looked up.
        func uniqueText(_ field: Field) -> TextID {
            typer.keepsRecords ? typer.texts.unique(trimmed(field)) : .empty
        }

        /// Upper-cased text (codes, pay codes, modifiers).
        func upperText(_ field: Field) -> TextID {
            typer.text(trimmed(field), in: field, upperCased: true)
        }

        func isEmpty(_ field: Field) -> Bool {
            trimmed(field).isEmpty
        }

        /// A problem with `field`; `quoted` are the cell values the message quotes.
        mutating func fail(_ field: Field, _ code: ProblemCode, _ message: String, quoted: [String] = []) {
            let column = (typer.slots[field.rawValue] ?? -1) + 1
            problems.append(
                InputProblem(
                    file: typer.file, line: record.line, column: column, code: code, message: message,
                    quoted: quoted))
        }

        /// Parses an optional field; an unreadable value is a problem, an empty one is nil.
        mutating func value<T>(
            _ field: Field, _ code: ProblemCode, expected: String,
            _ parse: (UnsafeBufferPointer<UInt8>) -> T?
        ) -> T? {
            guard let i = index(field) else { return nil }
            let bytes = record.bytes(i)
            if FieldParser.trimmed(bytes).isEmpty { return nil }
            if let value = parse(bytes) { return value }
            let header = typer.mapping.headers[i]
            let value = String(decoding: bytes, as: UTF8.self)
            fail(field, code, "\(header) \"\(value)\" is not \(expected)", quoted: [value])
            return nil
        }

        /// Like `value`, but an empty value is a problem too.
        mutating func required<T>(
            _ field: Field, _ code: ProblemCode, expected: String,
            _ parse: (UnsafeBufferPointer<UInt8>) -> T?
        ) -> T? {
            if isEmpty(field) {
                failMissing(field)
                return nil
            }
            return value(field, code, expected: expected, parse)
        }

        mutating func failMissing(_ field: Field) {
            let header = index(field).map { typer.mapping.headers[$0] } ?? field.name
            fail(field, .missingValue, "\(header) is empty; a \(field.name.replacingOccurrences(of: "_", with: " ")) is required")
        }

        mutating func requiredText(_ field: Field, upper: Bool = false) -> TextID {
            let value = upper ? upperText(field) : text(field)
            if value.isEmpty { failMissing(field) }
            return value
        }
    }

    /// Start and end as an interval on the entry's date, past midnight when the end is earlier
    /// than the start (a night shift 22:00–02:00 is 240 minutes, not −1200).
    /// Start and end as minutes elapsed since midnight of `day` (an end before the start is past
    /// midnight), in the county's local time: on a day the clock changes (or the one before, for
    /// an overnight entry) the times are read through `localTime`.
    func interval(start: Int?, end: Int?, on day: Day?) -> (Int, Int)? {
        guard let start, let end else { return nil }
        let wrapped = end > start ? end : end + 1440
        guard let day, nearTransition(day) else { return (start, wrapped) }
        return (localTime.elapsed(start, on: day), localTime.elapsed(wrapped, on: day))
    }

    /// Whether `day` or the next holds a change of the clock; remembered for the last day asked
    /// (rows come sorted by date), so most rows pay one comparison.
    private func nearTransition(_ day: Day) -> Bool {
        if day.number != transitionCheck.day {
            transitionCheck = (day.number, localTime.isTransition(day) || localTime.isTransition(day.adding(days: 1)))
        }
        return transitionCheck.near
    }

    /// Validation keeps no record, so no id must outlive its row: forget the texts (and the
    /// memos keyed by them) when there are many, rather than hold every distinct value.
    private func forgetTextsIfLarge() {
        guard !keepsRecords, texts.count > 1 << 16 else { return }
        texts = TextInterner()
        previous.update(repeating: .empty)
        activities = IDMemo()
        procedures = IDMemo()
        payers = IDMemo()
        statuses = IDMemo()
    }

    package func timeEntry(_ record: CSVRecord) -> RowResult<TimeEntry> {
        forgetTextsIfLarge()
        var row = Row(record: record, typer: self)
        let participant = row.prefetch(.participantId)  // looked up last
        let staffID = row.requiredText(.staffId)
        let date = row.required(.workDate, .badDate, expected: "a date (\(FieldParser.dateFormats))", FieldParser.day)
        let start = row.value(.startTime, .badTime, expected: "a time of day (\(FieldParser.timeFormats))", FieldParser.timeOfDay)
        let end = row.value(.endTime, .badTime, expected: "a time of day (\(FieldParser.timeFormats))", FieldParser.timeOfDay)
        let listedMinutes = row.value(.minutes, .badDuration, expected: "whole minutes, zero or more", FieldParser.minutes)
        let hours = row.value(.hours, .badDuration, expected: "hours (1.50 or 1:30), zero or more", FieldParser.hoursAsMinutes)
        let travel = row.value(.travelMinutes, .badDuration, expected: "whole minutes, zero or more", FieldParser.minutes) ?? 0
        let duration = listedMinutes ?? hours

        var minutes = 0
        var times: (Int, Int)?
        if start != nil || end != nil {
            if start == nil && row.isEmpty(.startTime) {
                row.fail(.startTime, .missingValue, "the entry has an end time but no start time")
            } else if end == nil && row.isEmpty(.endTime) {
                row.fail(.endTime, .missingValue, "the entry has a start time but no end time")
            } else if start == end {
                row.fail(.endTime, .badTime, "the entry starts and ends at \(FieldParser.clock(start ?? 0)): no time")
            } else if let (s, e) = interval(start: start, end: end, on: date) {
                times = (s, e)
                minutes = e - s
                if let duration, abs(duration - minutes) > 1 {
                    let field: Field = listedMinutes != nil ? .minutes : .hours
                    row.fail(
                        field, .durationMismatch,
                        "\(FieldParser.clock(start!))–\(FieldParser.clock(end!)) is \(minutes) minutes but the entry says \(duration) minutes"
                    )
                }
            }
        } else if let duration {
            minutes = duration
        } else if row.problems.isEmpty {
            row.fail(.startTime, .missingValue, "the entry has neither start and end times nor a duration")
        }
        guard row.problems.isEmpty, let date else { return .rejected(row.problems) }
        let code = row.text(.activityCode)
        let description = row.text(.activityDescription)
        let payCode = row.upperText(.payCode)
        let activity = classify(code: code, description: description, payCode: payCode)
        return .accepted(
            TimeEntry(
                row: RowRef(file: fileIndex, line: record.line), recordID: row.uniqueText(.recordId),
                staffID: staffID, staffName: row.text(.staffName), date: date,
                start: times?.0, end: times?.1, minutes: minutes, activityCode: code,
                activityDescription: description, participantID: row.text(participant),
                program: row.text(.program), payCode: payCode, travelMinutes: travel,
                category: activity.category, ancillary: activity.ancillary, describedAs: activity.describedAs,
                codeIsMapped: activity.codeIsMapped))
    }

    package func billingLine(_ record: CSVRecord) -> RowResult<BillingLine> {
        forgetTextsIfLarge()
        var row = Row(record: record, typer: self)
        // Claim numbers and participants are the costly lookups: started now, made last.
        let claim = row.prefetch(.claimId)
        let participant = row.prefetch(.participantId)
        if row.isEmpty(.claimId) { row.failMissing(.claimId) }
        let date = row.required(.serviceDate, .badDate, expected: "a date (\(FieldParser.dateFormats))", FieldParser.day)
        let procedure = row.requiredText(.procedureCode, upper: true)
        let units = row.required(
            .units, .badNumber, expected: "a whole number of units",
            { bytes in
                FieldParser.integer(bytes).flatMap { abs($0) <= 9_999 ? $0 : nil }
            })
        let start = row.value(.startTime, .badTime, expected: "a time of day (\(FieldParser.timeFormats))", FieldParser.timeOfDay)
        let end = row.value(.endTime, .badTime, expected: "a time of day (\(FieldParser.timeFormats))", FieldParser.timeOfDay)
        let serviceMinutes = row.value(.serviceMinutes, .badDuration, expected: "whole minutes, zero or more", FieldParser.minutes)
        let amount = row.value(
            .billedAmount, .badAmount, expected: "an amount (123.45, $1,234.50 or (12.00)) up to $1,000,000,000.00", FieldParser.money)
        let staffID = row.text(.renderingStaffId)
        let npi = row.text(.renderingNpi)
        if staffID.isEmpty && npi.isEmpty {
            let field: Field = slots[Field.renderingStaffId.rawValue] != nil ? .renderingStaffId : .renderingNpi
            row.fail(field, .missingValue, "the line names no rendering staff id or NPI")
        }
        let status = status(row.text(.claimStatus))
        if status == nil {
            row.fail(
                .claimStatus, .badCode, "Status \"\(row.string(.claimStatus))\" is not BILLED, PAID, DENIED or VOID",
                quoted: [row.string(.claimStatus)])
        }
        let frequencyBytes = row.trimmed(.frequencyCode)
        // One digit, nearly always: read it without building a string.
        let frequency =
            frequencyBytes.isEmpty
            ? .original
            : frequencyBytes.count == 1 && FieldParser.isDigit(frequencyBytes[0])
                ? ClaimFrequency(rawValue: Int(frequencyBytes[0] - 0x30))
                : Int(String(decoding: frequencyBytes, as: UTF8.self)).flatMap(ClaimFrequency.init(rawValue:))
        if frequency == nil {
            row.fail(
                .frequencyCode, .badCode, "Frequency \"\(row.string(.frequencyCode))\" is not 1 (original), 7 (replacement) or 8 (void)",
                quoted: [row.string(.frequencyCode)])
        }
        if (start == nil) != (end == nil) && row.problems.isEmpty {
            row.fail(start == nil ? .startTime : .endTime, .missingValue, "the line has only one of start and end time")
        }
        let times = interval(start: start, end: end, on: date)
        if let times, let serviceMinutes, abs(times.1 - times.0 - serviceMinutes) > 1 {
            // Rules would otherwise take one duration here and the other there.
            row.fail(
                .serviceMinutes, .durationMismatch,
                "\(FieldParser.clock(start!))–\(FieldParser.clock(end!)) is \(times.1 - times.0) minutes but the line says \(serviceMinutes) minutes"
            )
        }
        guard row.problems.isEmpty, let date, let units, let status, let frequency else { return .rejected(row.problems) }
        let (category, isCare) = classify(procedure: procedure)
        let payerTypeText = row.text(.payerType)
        let payer = payerType(type: payerTypeText, name: row.text(.payerName))
        var warnings: [InputProblem] = []
        if payer == .other && !payerTypeText.isEmpty && unknownPayerTypes.insert(payerTypeText).inserted
            && !PayerType.isOther(texts.string(payerTypeText))
        {
            let value = texts.string(payerTypeText)
            warnings.append(
                InputProblem(
                    file: file, line: record.line, column: (slots[Field.payerType.rawValue] ?? -1) + 1, code: .unknownValue,
                    message:
                        "Payer Type \"\(value)\" is not MEDI-CAL, COMMERCIAL, MEDICARE or OTHER; read as other payer (said once per value)",
                    quoted: [value]))
        }
        let taxonomyColumn = slots[Field.renderingTaxonomy.rawValue] != nil
        return .accepted(
            BillingLine(
                row: RowRef(file: fileIndex, line: record.line),
                claimID: row.text(claim), lineNumber: row.text(.lineNumber), participantID: row.text(participant), serviceDate: date,
                start: times?.0, end: times?.1, serviceMinutes: serviceMinutes, procedureCode: procedure,
                modifiers: modifiers(&row), units: units, placeOfService: row.text(.placeOfService),
                payerName: row.text(.payerName),
                payerType: payer,
                renderingStaffID: staffID, renderingNPI: npi,
                renderingTaxonomy: taxonomyColumn ? row.upperText(.renderingTaxonomy) : .empty, hasTaxonomy: taxonomyColumn,
                billedAmount: amount, status: status, frequency: frequency,
                originalClaimID: row.text(.originalClaimId), groupID: row.text(.groupId), category: category,
                isCareActivityCode: isCare), warnings: warnings)
    }

    /// The non-empty modifiers, upper-cased, as one text (most lines have none or one, and
    /// then no string is built).
    private func modifiers(_ row: inout Row) -> TextID {
        var first = TextID.empty
        var more: [String] = []
        for field in Self.modifierFields where !row.isEmpty(field) {
            let value = row.upperText(field)
            if first.isEmpty { first = value } else { more.append(texts.string(value)) }
        }
        return more.isEmpty ? first : texts.id(([texts.string(first)] + more).joined(separator: "\u{1F}"))
    }

    private static let modifierFields: [Field] = [.modifier1, .modifier2, .modifier3, .modifier4]

    package func staffMember(_ record: CSVRecord) -> RowResult<StaffMember> {
        var row = Row(record: record, typer: self)
        let staffID = row.string(.staffId)
        if staffID.isEmpty { row.failMissing(.staffId) }
        let expected = "a date (\(FieldParser.dateFormats))"
        let issued = row.value(.peerCertIssued, .badDate, expected: expected, FieldParser.day)
        let expires = row.value(.peerCertExpires, .badDate, expected: expected, FieldParser.day)
        let initial = row.value(.peerCertInitial, .badDate, expected: expected, FieldParser.day)
        let hired = row.value(.employmentStart, .badDate, expected: expected, FieldParser.day)
        let left = row.value(.employmentEnd, .badDate, expected: expected, FieldParser.day)
        let status = row.string(.peerCertStatus).uppercased()
        if !["", "ACTIVE", "EXPIRED", "VACATED"].contains(status) {
            row.fail(.peerCertStatus, .badCode, "Cert Status \"\(status)\" is not ACTIVE, EXPIRED or VACATED", quoted: [status])
        }
        guard row.problems.isEmpty else { return .rejected(row.problems) }
        return .accepted(
            StaffMember(
                source: SourceRef(file: file, line: record.line, recordID: staffID), staffID: staffID,
                npi: row.string(.npi), name: row.string(.staffName), role: row.string(.role).uppercased(),
                taxonomy: row.string(.taxonomy).uppercased(), certNumber: row.string(.peerCertNumber),
                certIssued: issued, certExpires: expires, certStatus: status,
                specializations: row.string(.specializations), employmentStart: hired, employmentEnd: left,
                certInitial: initial))
    }
}

/// A typed row, or the problems that reject it.
package enum RowResult<T> {
    /// The record, and warnings about it that do not reject it.
    case accepted(T, warnings: [InputProblem] = [])
    case rejected([InputProblem])
}
