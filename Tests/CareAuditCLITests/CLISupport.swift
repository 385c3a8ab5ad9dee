import Foundation

/// Runs the built `care-audit` binary, the way users and CI jobs do.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let binary: URL = {
        let candidates =
            [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        return candidates.map { $0.appendingPathComponent("care-audit") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? URL(fileURLWithPath: ".build/debug/care-audit")
    }()

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    /// Runs `care-audit arguments…` in `directory` and collects both streams (read at the same
    /// time: a child filling one pipe while the other is read would never end). `stdin` is fed
    /// to its standard input.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        tool: String = "care-audit", stdin: Data? = nil
    ) throws -> Result {
        let process = Process()
        // A tool is a program of the build (care-audit, care-audit-synth) or an absolute path.
        process.executableURL =
            tool.hasPrefix("/")
            ? URL(fileURLWithPath: tool)
            : binary.deletingLastPathComponent().appendingPathComponent(tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        if stdin != nil { process.standardInput = input }
        try process.run()
        if let stdin {
            // A child may stop reading early (that is what some tests check): no SIGPIPE here.
            signal(SIGPIPE, SIG_IGN)
            Thread.detachNewThread {
                try? input.fileHandleForWriting.write(contentsOf: stdin)
                try? input.fileHandleForWriting.close()
            }
        }
        nonisolated(unsafe) var errData = Data()
        let errDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Validates the SARIF file at `path` with Python's jsonschema against the schema of what
    /// care-audit writes (Fixtures/schemas); prints "valid" on success.
    static func validateSARIF(_ path: String) throws -> Result {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))
            print("valid")
            """
        return try run(["python3", "-c", script, fixture("schemas/sarif-2.1.0-subset.schema.json"), path], tool: "/usr/bin/env")
    }

    /// Validates a JUnit file against `Fixtures/schemas/junit.xsd` with lxml (installed by `.ci/run`).
    static func validateJUnit(_ path: String) throws -> Result {
        let script = """
            import sys
            from lxml import etree
            schema = etree.XMLSchema(etree.parse(sys.argv[1]))
            schema.assertValid(etree.parse(sys.argv[2]))
            print("valid")
            """
        return try run(["python3", "-c", script, fixture("schemas/junit.xsd"), path], tool: "/usr/bin/env")
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("care-audit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
