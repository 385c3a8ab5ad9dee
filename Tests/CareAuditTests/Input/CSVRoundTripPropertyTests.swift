import Foundation
import Testing

@testable import CareAudit

/// Property: whatever cells we write as RFC 4180, libcsv reads back the same cells, on the same
/// lines, whatever the chunk size; and corrupting the bytes never loses a row uncounted.
@Suite("CSV round trip (property)")
struct CSVRoundTripPropertyTests {
    static let alphabet: [String] = [
        "a", "Z", "0", "9", " ", ",", "\"", "\n", "\r\n", "\r", "\t", ";",
        "é", "–", "日", "=", "-", "+", "@", "'", "😀",
    ]

    static func randomTable(_ rng: inout SeededRandom) -> [[String]] {
        let columns = Int.random(in: 1...6, using: &rng)
        return (0..<Int.random(in: 1...12, using: &rng)).map { _ in
            (0..<columns).map { _ in
                (0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            }
        }
    }

    @Test("random cells written as RFC 4180 read back identically", arguments: 0..<300)
    func roundTrip(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        var table = Self.randomTable(&rng)
        // A single-column row holding only blanks is read as a blank line, by design.
        table = table.map { row in row.count == 1 && row[0].allSatisfy({ $0 == " " || $0 == "\t" }) ? ["x"] : row }
        let writer = CSVWriter(spreadsheetSafe: false, lineEnding: Bool.random(using: &rng) ? "\r\n" : "\n")
        var text = table.map { row in
            // An all-empty single field must be quoted to be a record rather than a blank line.
            row.count == 1 && row[0].isEmpty ? "\"\"" + writer.lineEnding : writer.record(row)
        }.joined()
        if Bool.random(using: &rng) { text.removeLast(writer.lineEnding.count) }
        let path = try temporaryFile(text)
        let chunk = [1, 3, 17, 1 << 20].randomElement(using: &rng)!
        let result = try readAll(path, chunkSize: chunk)
        let expected = table.filter { row in
            !row.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } } || row.count == 1 && row[0].isEmpty
        }
        #expect(result.rows == expected.map { $0.count == 1 && $0[0].isEmpty ? [""] : $0 } || result.rows == expected)
        #expect(result.defects.isEmpty)
        // Lines: each record starts one line after the previous record's last line.
        var line = 1
        var expectedLines: [Int] = []
        for row in table {
            let breaks = row.reduce(0) { $0 + Self.lineBreaks($1) }
            if !(row.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } }) || (row.count == 1 && row[0].isEmpty) {
                expectedLines.append(line)
            }
            line += breaks + 1
        }
        #expect(result.lines == expectedLines)
    }

    static func lineBreaks(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        return bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && ($0 + 1 == bytes.count || bytes[$0 + 1] != 0x0A)) }.count
    }

    @Test("corrupted bytes never trap and never lose a row uncounted", arguments: 0..<200)
    func corruption(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed) &+ 10_000)
        let table = Self.randomTable(&rng)
        var bytes = Array(table.map { CSVWriter(spreadsheetSafe: false).record($0) }.joined().utf8)
        for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes[position] = 0x22
            case 1: bytes.remove(at: position)
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position)
            default: bytes.insert(0x0A, at: position)
            }
        }
        let path = try temporaryFile(bytes)
        let summary = try ExportReader(path: path, kind: nil).read()
        #expect(summary.rows == summary.accepted + summary.rejected)
        let direct = try readAll(path, chunkSize: Int.random(in: 1...32, using: &rng))
        let whole = try readAll(path)
        #expect(direct.rows == whole.rows)
        #expect(direct.defects == whole.defects)
    }
}
