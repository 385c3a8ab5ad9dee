import Glibc

/// What an export's first megabyte says before libcsv reads it: whether it is a CSV at all (a
/// PDF, an Excel workbook or UTF-16 text gets one clear error instead of "51 rows not read"), its
/// encoding (valid UTF-8, else Windows-1252 when every byte is one) and its delimiter (the one of
/// `,` `;` TAB `|` that splits the first records into the same number of fields).
enum ExportSniffer {
    struct Sniffed: Equatable {
        var encoding: TextEncoding?
        var delimiter: UInt8?
        /// Notices for the report: what was detected and how to override it.
        var notes: [String] = []
    }

    static let sampleBytes = 1 << 20

    /// Reads the start of `openPath` (the pinned input named `name`) and decides what it can;
    /// `encoding` and `delimiter` are left nil when the caller set them (and are then not looked at).
    static func sniff(openPath: String, name: String, detectEncoding: Bool, detectDelimiter: Bool) -> Result<Sniffed, InputError> {
        let fd = open(openPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .success(Sniffed()) }  // the reader reports why it cannot open it
        defer { close(fd) }
        var sample = [UInt8](repeating: 0, count: sampleBytes)
        let count = sample.withUnsafeMutableBytes { pread(fd, $0.baseAddress, sampleBytes, 0) }
        guard count > 0 else { return .success(Sniffed()) }
        sample.removeSubrange(count...)
        if let (code, what) = notCSV(sample) {
            return .failure(InputError(file: name, code: code, message: what))
        }
        var sniffed = Sniffed()
        if detectEncoding { (sniffed.encoding, sniffed.notes) = encoding(sample, truncated: count == sampleBytes, name: name) }
        if detectDelimiter, let delimiter = delimiter(sample), delimiter != UInt8(ascii: ",") {
            sniffed.delimiter = delimiter
            let shown = delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter))
            sniffed.notes.append(
                "read as \(shown == "tab" ? "tab" : "'\(shown)'")-delimited (detected from its first lines; --delimiter \(name)=',' overrides)"
            )
        }
        return .success(sniffed)
    }

    /// Why the bytes are not a CSV export, by their signature, or nil.
    static func notCSV(_ bytes: [UInt8]) -> (ProblemCode, String)? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        if starts(Array("%PDF".utf8)) {
            return (.notCSV, "this is a PDF document, not a CSV export: export the report as CSV from the system it came from")
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            return (
                .notCSV,
                "this is a ZIP archive (an Excel .xlsx workbook is one), not a CSV export: open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\""
            )
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return (
                .notCSV,
                "this is an Excel 97-2003 workbook (.xls), not a CSV export: open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\""
            )
        }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) {
            return (
                .utf16Encoding,
                "the file is UTF-16 text (Excel's \"Unicode Text\"); save it as UTF-8 (Excel: File > Save As > 'CSV UTF-8 (Comma delimited)'), or convert it with iconv -f UTF-16 -t UTF-8"
            )
        }
        let head = bytes.prefix(4096)
        if head.filter({ $0 == 0 }).count * 10 > head.count {
            return (.notCSV, "this file is mostly NUL bytes (binary data, or UTF-16 without a byte-order mark): it is not a CSV export")
        }
        let text = String(decoding: head.prefix(64), as: UTF8.self).lowercased().drop {
            $0 == " " || $0 == "\u{FEFF}" || $0 == "\n" || $0 == "\r"
        }
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.hasPrefix("<?xml") {
            return (.notCSV, "this is an HTML or XML document (a report saved as a web page?), not a CSV export: export it as CSV")
        }
        return nil
    }

    /// UTF-8 when the sample is valid UTF-8; Windows-1252 (with a notice) when it is not and
    /// every byte is a Windows-1252 character; else UTF-8, and the rows with bad bytes are named.
    static func encoding(_ sample: [UInt8], truncated: Bool, name: String) -> (TextEncoding, [String]) {
        let flaw = sample.withUnsafeBufferPointer { TextDecoding.firstFlaw($0.baseAddress!, count: $0.count) }
        guard let flaw, flaw.flaw == .invalidUTF8, !(truncated && flaw.offset > sample.count - 4) else { return (.utf8, []) }
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        guard !sample.contains(where: undefined.contains) else { return (.utf8, []) }
        let line = sample[..<flaw.offset].filter { $0 == 0x0A }.count + 1
        return (
            .windows1252,
            [
                "not valid UTF-8 (line \(line) has byte 0x\(String(sample[flaw.offset], radix: 16, uppercase: true))): read as Windows-1252, Excel's \"CSV (Comma delimited)\"; --encoding \(name)=utf-8 overrides"
            ]
        )
    }

    /// The candidate that splits the first records (up to 20, quotes respected) into the same
    /// number of fields, more than one; the one giving most fields wins, `,` on a tie; nil when
    /// none is consistent.
    static func delimiter(_ sample: [UInt8]) -> UInt8? {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
        var counts = [[Int]](repeating: [], count: candidates.count)
        var current = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        var records = 0
        func endRecord() {
            // Blank lines split nothing: they do not count.
            guard current.contains(where: { $0 > 0 }) else { return }
            for index in candidates.indices { counts[index].append(current[index]) }
            records += 1
        }
        for byte in sample {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
                continue
            }
            if quoted { continue }
            if byte == 0x0A {
                endRecord()
                current = [Int](repeating: 0, count: candidates.count)
                if records == 20 { break }
                continue
            }
            if let index = candidates.firstIndex(of: byte) { current[index] += 1 }
        }
        // The last line of a small file may have no line break; in a cut sample it may be cut.
        if records < 20 && !quoted && sample.count < sampleBytes { endRecord() }
        guard records > 0 else { return nil }
        var best: (delimiter: UInt8, fields: Int)?
        for (index, candidate) in candidates.enumerated() {
            let perRecord = counts[index]
            guard let first = perRecord.first, first > 0, perRecord.allSatisfy({ $0 == first }) else { continue }
            if best == nil || first > best!.fields { best = (candidate, first) }
        }
        return best?.delimiter
    }
}
