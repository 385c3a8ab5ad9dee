extension String {
    /// The text with every character a terminal, a log viewer or an XML parser would act on
    /// made visible and inert: C0 controls (ESC starts colour and OSC sequences, CR rewrites a
    /// line, NUL and VT are not XML) become their Unicode control pictures (ESC → ␛), DEL
    /// becomes ␡, C1 controls and bidirectional overrides (which reorder what a reader sees)
    /// become U+FFFD. Text from an export reaches every report through this.
    var printableText: String {
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return self }
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
}

extension Finding {
    /// The finding with its texts printable (see `String.printableText`).
    var printable: Finding {
        var copy = self
        copy.message = message.printableText
        copy.records = records.map { SourceRef(file: $0.file.printableText, line: $0.line, recordID: $0.recordID?.printableText) }
        copy.staffID = staffID?.printableText
        copy.participantIDs = participantIDs.map(\.printableText)
        copy.withheld = withheld.map(\.printableText)
        return copy
    }
}
