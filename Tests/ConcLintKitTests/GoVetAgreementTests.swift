import ConcModel
import Foundation
import Testing

/// `waitgroup-add-in-spawn` agrees with `go vet`'s `waitgroup` analyzer: every `WaitGroup.Add`
/// that `go vet` reports inside a new goroutine (in the Go fixtures and in vet's own test data
/// under `$(go env GOROOT)/src/cmd/vet/testdata/waitgroup`) is reported by conclint too.
@Suite struct GoVetAgreementTests {
    /// The `go` executable on `PATH`, if any.
    static var goExecutable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appending(path: "go")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    @Test func everyWaitGroupAddGoVetReportsInAGoroutineIsReportedByConclint() throws {
        guard let go = Self.goExecutable else {
            print("skipped: no `go` on PATH, so go vet's waitgroup analyzer cannot be compared")
            return
        }
        let module = FileManager.default.temporaryDirectory.appending(path: "conclint-vet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: module, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: module) }
        try "module vetcheck\n\ngo 1.25\n".write(to: module.appending(path: "go.mod"), atomically: true, encoding: .utf8)

        // A folder fixture's files are one package; each is copied with its name.
        var sources = FixtureSupport.fixtures(language: .go).map(FixtureSupport.files(of:))
        if let root = try? Self.run(go, ["env", "GOROOT"], in: module).trimmingCharacters(in: .whitespacesAndNewlines) {
            let vetCase = URL(fileURLWithPath: root).appending(path: "src/cmd/vet/testdata/waitgroup/waitgroup.go")
            if FileManager.default.fileExists(atPath: vetCase.path) { sources.append([vetCase]) }
        }
        // One package per file (fixtures are each a `main`); only files that need nothing beyond
        // the standard library, since the module has no dependencies.
        var copies: [String: URL] = [:]
        for (index, package) in sources.enumerated() {
            let texts = try package.map { try String(contentsOf: $0, encoding: .utf8) }
            guard !texts.contains(where: { $0.contains("\"golang.org/") || $0.contains("\"github.com/") }) else { continue }
            let directory = module.appending(path: "c\(index)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (source, text) in zip(package, texts) {
                try text.write(to: directory.appending(path: source.lastPathComponent), atomically: true, encoding: .utf8)
                copies["c\(index)/\(source.lastPathComponent)"] = source
            }
        }
        let output = try Self.run(go, ["vet", "-waitgroup", "./..."], in: module, allowFailure: true)
        var reports: [(file: String, line: Int)] = []
        for line in output.split(separator: "\n") where line.contains("WaitGroup.Add called from inside new goroutine") {
            let parts = line.split(separator: ":")
            guard parts.count >= 3, let number = Int(parts[1]) else { continue }
            reports.append((String(parts[0]).replacingOccurrences(of: "./", with: ""), number))
        }
        #expect(!reports.isEmpty, "go vet reported nothing; output:\n\(output)")
        for report in reports {
            guard let source = copies[report.file] else {
                Issue.record("go vet reported an unknown file \(report.file)")
                continue
            }
            let text = try String(contentsOf: source, encoding: .utf8)
            let found = FixtureSupport.findings(path: source.lastPathComponent, text: text, language: .go)
            #expect(
                found.contains { $0.ruleID == "waitgroup-add-in-spawn" && $0.range.start.line == report.line },
                "go vet reports WaitGroup.Add in a goroutine at \(source.path):\(report.line); conclint does not")
        }
    }

    /// Runs `executable` with `arguments` in `directory` and returns its combined output (shared
    /// with ``LoopclosureAgreementTests``).
    static func run(_ executable: URL, _ arguments: [String], in directory: URL, allowFailure: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GOTOOLCHAIN"] = "local"
        environment["GOFLAGS"] = "-mod=mod"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        if !allowFailure && process.terminationStatus != 0 {
            throw VetError(message: "\(executable.path) \(arguments.joined(separator: " ")) failed:\n\(output)")
        }
        return output
    }

    /// A `go` command that failed, with its output.
    struct VetError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
