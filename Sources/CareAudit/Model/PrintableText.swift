extension String {
    /// The text with every character a terminal, a log viewer or an XML parser would act on
    /// made visible and inert: C0 controls (ESC starts colour and OSC sequences, CR rewrites a
    /// line, NUL and VT are not XML) become their Unicode control pictures (ESC → ␛), DEL
    /// becomes ␡, C1 controls and bidirectional overrides (which reorder what a reader sees)
    /// become U+FFFD. Text from an export reaches every report through this.
    var printableText: String {
        guard needsPrintableRewrite else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20: out.append(UnicodeScalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether any scalar `printableText` replaces is here, decided on the UTF-8 bytes: a C0
    /// control or DEL, a C1 control (C2 80…9F), a bidirectional override (E2 80 AA…AE) or
    /// isolate (E2 81 A6…A9). Most texts hold none, and en dashes (E2 80 93) are common in
    /// messages, so a lead byte alone must not send a text down the slow path.
    fileprivate var needsPrintableRewrite: Bool {
        return utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x20 || b == 0x7F { return true }
                if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return true }
                if b == 0xE2, i + 2 < bytes.count {
                    let (b1, b2) = (bytes[i + 1], bytes[i + 2])
                    if b1 == 0x80 && (0xAA...0xAE).contains(b2) || b1 == 0x81 && (0xA6...0xA9).contains(b2) { return true }
                }
                i += 1
            }
            return false
        } ?? true
    }
}

extension Finding {
    /// The finding with its texts printable (see `String.printableText`).
    var printable: Finding {
        var copy = self
        copy.message = message.printableText
        // Arrays are rebuilt only when a text in them changes (a big month has 100,000 findings).
        if records.contains(where: { $0.file.needsPrintableRewrite || $0.recordID?.needsPrintableRewrite == true }) {
            copy.records = records.map { SourceRef(file: $0.file.printableText, line: $0.line, recordID: $0.recordID?.printableText) }
        }
        copy.staffID = staffID?.printableText
        if participantIDs.contains(where: \.needsPrintableRewrite) { copy.participantIDs = participantIDs.map(\.printableText) }
        if withheld.contains(where: \.needsPrintableRewrite) { copy.withheld = withheld.map(\.printableText) }
        return copy
    }
}
