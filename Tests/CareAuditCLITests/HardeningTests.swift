import Foundation
import Testing

/// The red-team cases: inputs and outputs a hostile or unlucky user gives the tool. Each must
/// end in a clear message and a meaningful exit code, never a crash, a hang or a lost row.
@Suite("Hardening: streams, outputs, signals, limits")
struct HardeningTests {
    static let example = CLI.repositoryRoot.appendingPathComponent("examples/county-month")
    static func example(_ name: String) -> String { example.appendingPathComponent(name).path }
    let rest = ["--billing", example("billing.csv"), "--roster", example("roster.csv"), "--config", example("care-audit.yml")]
    static let timesheetRows = "4,294 rows      4,293 accepted        1 rejected"

    @Test("standard input as '-' is read whole: every row of the example timesheet, none lost to a sniff")
    func standardInput() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.example("timesheets.csv")))
        let result = try CLI.run(["audit", "--timesheets", "-"] + rest, stdin: data)
        #expect(result.status == 1)
        #expect(result.stdout.contains("-  ") && result.stdout.contains(Self.timesheetRows))
        let plain = try CLI.run(["audit", "--timesheets", Self.example("timesheets.csv")] + rest)
        // Same findings and totals: only the file's name differs.
        #expect(
            result.stdout.components(separatedBy: "Findings by rule")[1]
                == plain.stdout.components(separatedBy: "Findings by rule")[1].replacingOccurrences(
                    of: Self.example("timesheets.csv"), with: "-"))
    }

    @Test("a named FIFO is opened once and read whole (it used to hang: opened for a sniff, then again)")
    func fifo() throws {
        let dir = try CLI.temporaryDirectory()
        let fifo = dir.appendingPathComponent("timesheets.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.example("timesheets.csv")))
        Thread.detachNewThread {
            if let writer = FileHandle(forWritingAtPath: fifo) {
                try? writer.write(contentsOf: data)
                try? writer.close()
            }
        }
        let result = try CLI.run(["audit", "--timesheets", fifo] + rest)
        #expect(result.status == 1)
        #expect(result.stdout.contains(Self.timesheetRows))
    }

    @Test("process substitution, <(cat file), is read whole (it was reported as empty)")
    func processSubstitution() throws {
        let script = "exec \"$0\" audit --timesheets <(cat \"$1\") --billing \"$2\" --roster \"$3\" --config \"$4\""
        let result = try CLI.run(
            [
                "-c", script, CLI.binary.path, Self.example("timesheets.csv"), Self.example("billing.csv"),
                Self.example("roster.csv"), Self.example("care-audit.yml"),
            ], tool: "/bin/bash")
        #expect(result.status == 1)
        #expect(result.stdout.contains("/dev/fd/") && result.stdout.contains(Self.timesheetRows))
    }

    @Test("classify and init read standard input too")
    func standardInputElsewhere() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.example("timesheets.csv")))
        let classify = try CLI.run(["classify", "--timesheets", "-", "-q"], stdin: data)
        #expect(classify.status == 0)
        #expect(classify.stdout.split(separator: "\r\n").count == 4_295)
        let dir = try CLI.temporaryDirectory()
        let initialize = try CLI.run(["init", "--timesheets", "-", "-o", "-"], in: dir, stdin: data)
        #expect(initialize.status == 0 && initialize.stdout.contains("version: 1"))
    }

    @Test("standard input can be only one of the inputs")
    func twoStandardInputs() throws {
        let result = try CLI.run(["audit", "--timesheets", "-", "--billing", "-"], stdin: Data())
        #expect(result.status == 2)
        #expect(result.stderr.contains("standard input (-) can be only one of the inputs"))
    }

    @Test("a stream that never ends a line (/dev/zero) stops with exit 2, not a hang")
    func endlessStream() throws {
        let result = try CLI.run(["validate", "--timesheets", "/dev/zero"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("bytes without a line break: this is not a CSV export"))
        let audit = try CLI.run(["audit", "--timesheets", "/dev/zero"] + rest)
        #expect(audit.status == 2)
        #expect(audit.stderr.contains("[no-line-break]"))
    }

    @Test("a stream longer than input.max_stream_bytes stops with exit 2 naming the setting")
    func streamLimit() throws {
        let dir = try CLI.temporaryDirectory()
        let config = dir.appendingPathComponent("small.yml")
        try "version: 1\ninput:\n  max_stream_bytes: 1000\n".write(to: config, atomically: true, encoding: .utf8)
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.example("timesheets.csv")))
        let result = try CLI.run(["validate", "--timesheets", "-", "--config", config.path], stdin: data)
        #expect(result.status == 2)
        #expect(result.stdout.contains("input.max_stream_bytes (1000 bytes)"))
    }

    @Test("-o, --report or --write-baseline naming an input is refused (exit 2) and the input is untouched")
    func outputOverInput() throws {
        let dir = try CLI.temporaryDirectory()
        let copy = dir.appendingPathComponent("timesheets.csv")
        try FileManager.default.copyItem(atPath: Self.example("timesheets.csv"), toPath: copy.path)
        let before = try Data(contentsOf: copy)
        for output in [
            ["-o", copy.path], ["--report", "csv=\(copy.path)"], ["--write-baseline", copy.path],
            ["-o", Self.example("care-audit.yml")],
        ] {
            let result = try CLI.run(["audit", "--timesheets", copy.path] + rest + output)
            #expect(result.status == 2, "\(output)")
            #expect(result.stderr.contains("refusing to write a report over an input"), "\(output)")
        }
        let classify = try CLI.run(["classify", "--timesheets", copy.path, "-o", copy.path])
        #expect(classify.status == 2)
        let validate = try CLI.run(["validate", copy.path, "-o", copy.path])
        #expect(validate.status == 2)
        #expect(try Data(contentsOf: copy) == before)
    }

    @Test("a full disk is exit 2 with a message, for a file, a device and stdout; no temporary file is left")
    func fullDisk() throws {
        let result = try CLI.run(["audit", "--timesheets", Self.example("timesheets.csv")] + rest + ["-o", "/dev/full"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write /dev/full: No space left on device"))
        for command in [
            ["audit", "--timesheets", Self.example("timesheets.csv")] + rest, ["rules"],
            ["validate", Self.example("roster.csv")], ["classify", "--timesheets", Self.example("timesheets.csv")],
        ] {
            let shell = try CLI.run(["-c", "exec \"$0\" \"$@\" > /dev/full", CLI.binary.path] + command, tool: "/bin/bash")
            #expect(shell.status == 2, "\(command)")
            #expect(shell.stderr.contains("No space left on device"), "\(command)")
        }
        // A file system that fills up mid-report: a file size limit makes write(2) fail the same way.
        let dir = try CLI.temporaryDirectory()
        let report = dir.appendingPathComponent("audit.json").path
        let limited = try CLI.run(
            [
                "-c", "ulimit -f 8; trap '' XFSZ; exec \"$0\" \"$@\"", CLI.binary.path, "audit",
                "--timesheets", Self.example("timesheets.csv"),
            ] + rest + ["--format", "json", "-o", report],
            tool: "/bin/bash")
        #expect(limited.status == 2)
        #expect(limited.stderr.contains("cannot write \(report)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("SIGTERM while a report is being written removes its hidden temporary file")
    func signalRemovesTemporaryFile() throws {
        let dir = try CLI.temporaryDirectory()
        let fifo = dir.appendingPathComponent("slow.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["classify", "--timesheets", fifo, "-o", dir.appendingPathComponent("out.csv").path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The writer sends a header and a row, then waits: classify has its temporary file open.
        let writer = FileHandle(forWritingAtPath: fifo)
        try writer?.write(contentsOf: Data("Staff ID,Date,Hours,Activity\nE1,2026-10-01,1,Court report\n".utf8))
        var temporary: [String] = []
        for _ in 0..<100 where temporary.isEmpty {
            Thread.sleep(forTimeInterval: 0.05)
            temporary = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        }
        #expect(temporary.count == 1)
        process.terminate()
        process.waitUntilExit()
        try? writer?.close()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "slow.fifo" }.isEmpty)
    }

    @Test("a line of 2 MB of commas is one rejected row with bounded memory, the next row is read")
    func lineOfCommas() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("commas.csv")
        try ("Staff ID,Date,Hours\n" + String(repeating: ",", count: 2_000_000) + "\nE1,2026-10-01,1\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("2 rows: 1 accepted, 1 rejected"))
        #expect(result.stdout.contains("commas.csv:2:100001: error: more than 100000 fields in one record (input.max_fields)"))
    }

    @Test("absurd money: an hourly rate is refused with its line; a trillion-dollar line is a located bad amount")
    func absurdMoney() throws {
        let dir = try CLI.temporaryDirectory()
        let config = dir.appendingPathComponent("rate.yml")
        for (rate, message) in [
            ("999999999999.99", "\"999999999999.99\" is not an amount"),
            ("20000.00", "$20,000.00 an hour is not a plausible rate; the most accepted is $10,000.00"),
        ] {
            try "version: 1\ncare:\n  hourly_rate: \"\(rate)\"\n".write(to: config, atomically: true, encoding: .utf8)
            let result = try CLI.run(["audit", "--timesheets", Self.example("timesheets.csv"), "--config", config.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("rate.yml:3: error: care.hourly_rate: \(message)"))
        }
        let billing = dir.appendingPathComponent("billing.csv")
        let line = "B1,2026-10-05,H0038,4,E1,$999,999,999,999.99\n"
        try
            ("Claim ID,DOS,HCPCS,Units,Rendering Staff ID,Charge\n"
            + String(repeating: line, count: 20_000).replacingOccurrences(of: "$999,999,999,999.99", with: "\"$999,999,999,999.99\""))
            .write(to: billing, atomically: true, encoding: .utf8)
        let audit = try CLI.run(["audit", "--billing", billing.path])
        #expect(audit.status == 1)
        #expect(audit.stdout.contains("20,000 rows") && audit.stdout.contains("20,000 rejected"))
        #expect(
            audit.stdout.contains(
                "Charge \"$999,999,999,999.99\" is not an amount (123.45, $1,234.50 or (12.00)) up to $1,000,000,000.00 [bad-amount]"))
    }
}
