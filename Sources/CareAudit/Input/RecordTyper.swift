/// Turns well-formed rows into typed records. A value that cannot be read rejects its row with a
/// problem naming file, line and column (the field position) and the value; the caller counts the
/// row as rejected and reads on.
public final class RecordTyper {
    let file: String
    let mapping: HeaderMapping
    let classifier: Classifier
    /// One string per distinct value (see `Interner`); a typer reads one file on one thread.
    var interner = Interner()
    /// Payer types by (type, name): normalising them per row would dominate billing typing.
    private var payers: [PayerKey: PayerType] = [:]

    struct PayerKey: Hashable {
        let type: String
        let name: String
    }

    /// Column index of each `Field`, resolved once from the header.
    let slots: [Int?]

    public init(file: String, mapping: HeaderMapping, classifier: Classifier) {
        self.file = file
        self.mapping = mapping
        self.classifier = classifier
        slots = Field.allCases.map { mapping.index(of: $0.name) }
    }

    func payerType(type: String, name: String) -> PayerType {
        let key = PayerKey(type: type, name: name)
        if let known = payers[key] { return known }
        let value = PayerType(type: type, payerName: name)
        payers[key] = value
        return value
    }

    /// Reads fields of one row and collects its problems.
    struct Row {
        let record: CSVRecord
        let typer: RecordTyper
        var problems: [InputProblem] = []

        func index(_ field: Field) -> Int? {
            guard let i = typer.slots[field.rawValue], i < record.count else { return nil }
            return i
        }

        /// The trimmed text of a field, "" when the column is absent or empty.
        func text(_ field: Field) -> String {
            guard let i = index(field) else { return "" }
            let bytes = FieldParser.trimmed(record.bytes(i))
            return bytes.isEmpty ? "" : typer.interner.string(bytes)
        }

        /// Like `text`, for values unique to each row (record ids): not worth interning.
        func uniqueText(_ field: Field) -> String {
            guard let i = index(field) else { return "" }
            let bytes = FieldParser.trimmed(record.bytes(i))
            return bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
        }

        /// Upper-cased text, converting only when there is a lowercase letter.
        func upperText(_ field: Field) -> String {
            let value = text(field)
            return value.utf8.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) ? value.uppercased() : value
        }

        func isEmpty(_ field: Field) -> Bool {
            guard let i = index(field) else { return true }
            return FieldParser.trimmed(record.bytes(i)).isEmpty
        }

        mutating func fail(_ field: Field, _ code: ProblemCode, _ message: String) {
            let column = (typer.slots[field.rawValue] ?? -1) + 1
            problems.append(InputProblem(file: typer.file, line: record.line, column: column, code: code, message: message))
        }

        /// Parses an optional field; an unreadable value is a problem, an empty one is nil.
        mutating func value<T>(_ field: Field, _ code: ProblemCode, expected: String,
                               _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
            guard let i = index(field) else { return nil }
            let bytes = record.bytes(i)
            if FieldParser.trimmed(bytes).isEmpty { return nil }
            if let value = parse(bytes) { return value }
            let header = typer.mapping.headers[i]
            fail(field, code, "\(header) \"\(String(decoding: bytes, as: UTF8.self))\" is not \(expected)")
            return nil
        }

        /// Like `value`, but an empty value is a problem too.
        mutating func required<T>(_ field: Field, _ code: ProblemCode, expected: String,
                                  _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
            if isEmpty(field) {
                let header = index(field).map { typer.mapping.headers[$0] } ?? field.name
                fail(field, .missingValue, "\(header) is empty; a \(field.name.replacingOccurrences(of: "_", with: " ")) is required")
                return nil
            }
            return value(field, code, expected: expected, parse)
        }

        mutating func requiredText(_ field: Field) -> String {
            let value = text(field)
            if value.isEmpty {
                let header = index(field).map { typer.mapping.headers[$0] } ?? field.name
                fail(field, .missingValue, "\(header) is empty; a \(field.name.replacingOccurrences(of: "_", with: " ")) is required")
            }
            return value
        }
    }

    /// Start and end as an interval on the entry's date, past midnight when the end is earlier
    /// than the start (a night shift 22:00–02:00 is 240 minutes, not −1200).
    static func interval(start: Int?, end: Int?) -> (Int, Int)? {
        guard let start, let end else { return nil }
        return (start, end > start ? end : end + 1440)
    }

    public func timeEntry(_ record: CSVRecord) -> RowResult<TimeEntry> {
        var row = Row(record: record, typer: self)
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
            } else if let (s, e) = Self.interval(start: start, end: end) {
                times = (s, e)
                minutes = e - s
                if let duration, abs(duration - minutes) > 1 {
                    let field: Field = listedMinutes != nil ? .minutes : .hours
                    row.fail(field, .durationMismatch,
                             "\(FieldParser.clock(s))–\(FieldParser.clock(e)) is \(minutes) minutes but the entry says \(duration) minutes")
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
        let recordID = row.uniqueText(.recordId)
        return .accepted(TimeEntry(
            source: SourceRef(file: file, line: record.line, recordID: recordID.isEmpty ? nil : recordID),
            staffID: staffID, staffName: row.text(.staffName), date: date,
            start: times?.0, end: times?.1, minutes: minutes, activityCode: code,
            activityDescription: description, participantID: row.text(.participantId),
            program: row.text(.program), payCode: payCode, travelMinutes: travel,
            classification: classifier.classify(activityCode: code, description: description, payCode: payCode)))
    }

    public func billingLine(_ record: CSVRecord) -> RowResult<BillingLine> {
        var row = Row(record: record, typer: self)
        let claimID = row.requiredText(.claimId)
        let date = row.required(.serviceDate, .badDate, expected: "a date (\(FieldParser.dateFormats))", FieldParser.day)
        let procedure = row.requiredText(.procedureCode).uppercased()
        // (Codes are short: upper-casing them is cheap, and most already are.)
        let units = row.required(.units, .badNumber, expected: "a whole number of units", { bytes in
            FieldParser.integer(bytes).flatMap { abs($0) <= 9_999 ? $0 : nil }
        })
        let start = row.value(.startTime, .badTime, expected: "a time of day (\(FieldParser.timeFormats))", FieldParser.timeOfDay)
        let end = row.value(.endTime, .badTime, expected: "a time of day (\(FieldParser.timeFormats))", FieldParser.timeOfDay)
        let serviceMinutes = row.value(.serviceMinutes, .badDuration, expected: "whole minutes, zero or more", FieldParser.minutes)
        let amount = row.value(.billedAmount, .badAmount, expected: "an amount (123.45, $1,234.50 or (12.00))", FieldParser.money)
        let staffID = row.text(.renderingStaffId)
        let npi = row.text(.renderingNpi)
        if staffID.isEmpty && npi.isEmpty {
            let field: Field = slots[Field.renderingStaffId.rawValue] != nil ? .renderingStaffId : .renderingNpi
            row.fail(field, .missingValue, "the line names no rendering staff id or NPI")
        }
        let statusText = row.text(.claimStatus)
        let status = ClaimStatus(text: statusText)
        if status == nil {
            row.fail(.claimStatus, .badCode, "Status \"\(statusText)\" is not BILLED, PAID, DENIED or VOID")
        }
        let frequencyText = row.text(.frequencyCode)
        let frequency = frequencyText.isEmpty ? .original : Int(frequencyText).flatMap(ClaimFrequency.init(rawValue:))
        if frequency == nil {
            row.fail(.frequencyCode, .badCode, "Frequency \"\(frequencyText)\" is not 1 (original), 7 (replacement) or 8 (void)")
        }
        if (start == nil) != (end == nil) && row.problems.isEmpty {
            row.fail(start == nil ? .startTime : .endTime, .missingValue, "the line has only one of start and end time")
        }
        guard row.problems.isEmpty, let date, let units, let status, let frequency else { return .rejected(row.problems) }
        let times = Self.interval(start: start, end: end)
        let line = row.text(.lineNumber)
        var modifiers: [String] = []
        for field: Field in [.modifier1, .modifier2, .modifier3, .modifier4] where !row.isEmpty(field) {
            modifiers.append(row.upperText(field))
        }
        let (category, isCare) = classifier.classify(procedureCode: procedure)
        let taxonomyColumn = slots[Field.renderingTaxonomy.rawValue] != nil
        return .accepted(BillingLine(
            source: SourceRef(file: file, line: record.line, recordID: line.isEmpty ? claimID : claimID + "/" + line),
            claimID: claimID, lineNumber: line, participantID: row.text(.participantId), serviceDate: date,
            start: times?.0, end: times?.1, serviceMinutes: serviceMinutes, procedureCode: procedure,
            modifiers: modifiers, units: units, placeOfService: row.text(.placeOfService),
            payerName: row.text(.payerName),
            payerType: payerType(type: row.text(.payerType), name: row.text(.payerName)),
            renderingStaffID: staffID, renderingNPI: npi,
            renderingTaxonomy: taxonomyColumn ? row.upperText(.renderingTaxonomy) : nil,
            billedAmount: amount, status: status, frequency: frequency,
            originalClaimID: row.text(.originalClaimId), category: category, isCareActivityCode: isCare))
    }

    public func staffMember(_ record: CSVRecord) -> RowResult<StaffMember> {
        var row = Row(record: record, typer: self)
        let staffID = row.requiredText(.staffId)
        let expected = "a date (\(FieldParser.dateFormats))"
        let issued = row.value(.peerCertIssued, .badDate, expected: expected, FieldParser.day)
        let expires = row.value(.peerCertExpires, .badDate, expected: expected, FieldParser.day)
        let hired = row.value(.employmentStart, .badDate, expected: expected, FieldParser.day)
        let left = row.value(.employmentEnd, .badDate, expected: expected, FieldParser.day)
        let status = row.text(.peerCertStatus).uppercased()
        if !["", "ACTIVE", "EXPIRED", "VACATED"].contains(status) {
            row.fail(.peerCertStatus, .badCode, "Cert Status \"\(status)\" is not ACTIVE, EXPIRED or VACATED")
        }
        guard row.problems.isEmpty else { return .rejected(row.problems) }
        return .accepted(StaffMember(
            source: SourceRef(file: file, line: record.line, recordID: staffID), staffID: staffID,
            npi: row.text(.npi), name: row.text(.staffName), role: row.text(.role).uppercased(),
            taxonomy: row.text(.taxonomy).uppercased(), certNumber: row.text(.peerCertNumber),
            certIssued: issued, certExpires: expires, certStatus: status,
            specializations: row.text(.specializations), employmentStart: hired, employmentEnd: left))
    }
}

/// A typed row, or the problems that reject it.
public enum RowResult<T> {
    case accepted(T)
    case rejected([InputProblem])
}
