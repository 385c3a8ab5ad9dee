import Foundation

@testable import CareAudit

/// Locates files under the repository's top-level `Fixtures/` folder.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}

/// Writes bytes to a fresh temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("care-audit-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
    try temporaryFile(Array(text.utf8), name: name)
}

/// Everything a read produced, copied out of the reader's buffers.
struct ReadResult {
    var rows: [[String]] = []
    var lines: [Int] = []
    var offsets: [Int] = []
    var blankLines: [Int] = []
    var defects: [CSVDefect] = []
    var summary = CSVReader.Summary()
}

func readAll(_ path: String, dialect: CSVDialect = CSVDialect(), chunkSize: Int = 1 << 20) throws -> ReadResult {
    var result = ReadResult()
    var reader = CSVReader(path: path, dialect: dialect)
    reader.chunkSize = chunkSize
    result.summary = try reader.read { record in
        if record.isBlank {
            result.blankLines.append(record.line)
            return
        }
        if let defect = record.defect {
            result.defects.append(defect)
            return
        }
        result.rows.append(record.strings)
        result.lines.append(record.line)
        result.offsets.append(record.byteOffset)
    }
    return result
}

/// A small deterministic random generator (SplitMix64), so property tests replay exactly.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
