import ConcModel
import ConcReport
import ConcRules
import Foundation

/// A fresh directory under the system temporary directory, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async rethrows -> T {
    let path = FileManager.default.temporaryDirectory
        .appending(path: "conclint-tests-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Writes `text` to `path`, creating parent directories.
func write(_ text: String, to path: String) throws {
    try write(Array(text.utf8), to: path)
}

/// Writes `bytes` to `path`, creating parent directories.
func write(_ bytes: [UInt8], to path: String) throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// The package root: three levels above this file (`Tests/ConcLintKitTests/TestSupport.swift`).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

/// The range of `needle`'s first occurrence on 1-based `line` of `source`.
func range(of needle: String, onLine line: Int, in source: SourceFile) -> SourceRange {
    let text = source.line(line)
    let bytes = Array(text.utf8)
    let needleBytes = Array(needle.utf8)
    var column = 0
    while column + needleBytes.count <= bytes.count,
        Array(bytes[column..<column + needleBytes.count]) != needleBytes
    {
        column += 1
    }
    let start = source.lineStarts[line - 1] + column
    return SourceRange(
        start: source.position(ofOffset: start), end: source.position(ofOffset: start + needleBytes.count))
}

/// A rule description for formatter tests.
func sampleRule(
    _ id: String, severity: Severity = .error, languages: [Language] = [.swift], tier: RuleTier = .default
) -> RuleDescription {
    RuleDescription(
        id: id, title: "Title of \(id)", summary: "Finds \(id).", rationale: "Because \(id) races.",
        limits: "Misses some \(id).", defaultSeverity: severity, languages: languages,
        suggestions: Dictionary(uniqueKeysWithValues: languages.map { ($0, "use a scope instead of \(id)") }),
        examples: [], since: "0.1.0", tier: tier)
}

/// A source with a finding on `counter += 1` (line 4, after a line with multi-byte characters)
/// and its declaration as a related location.
struct SampleRun {
    static let text = """
        import Foundation

        var counter = 0 // 计数 👋
        let 名前 = "é"; counter += 1
        Thread { counter += 1 }.start()

        """

    let source = SourceFile(path: "Sources/App/main.swift", text: SampleRun.text)

    var finding: Finding {
        Finding(
            ruleID: "shared-mutable-capture", severity: .error,
            message: "thread increments captured variable `counter` without synchronization",
            path: source.path, range: range(of: "counter += 1", onLine: 4, in: source),
            related: [RelatedLocation(range: range(of: "counter", onLine: 3, in: source), message: "declared here")],
            suggestion: "use Mutex", fixes: [])
    }

    var warning: Finding {
        Finding(
            ruleID: "thread-per-item", severity: .warning, message: "one thread per element",
            path: source.path, range: range(of: "Thread", onLine: 5, in: source), suggestion: "use parallelForEach",
            fixes: [
                Fix(
                    message: "Use a worker", edits: [TextEdit(range: range(of: "Thread", onLine: 5, in: source), replacement: "Worker")],
                    applicability: .review)
            ])
    }

    var run: LintRun {
        LintRun(
            findings: [finding, warning],
            problems: [
                FileProblem(
                    path: "Sources/App/broken.swift", kind: .syntaxError, message: "syntax error: expected '}'",
                    position: SourcePosition(offset: 10, line: 2, column: 3)),
                FileProblem(path: "Sources/App/gone.swift", kind: .unreadable, message: "cannot read file"),
            ],
            sources: [source.path: source],
            rules: [sampleRule("thread-per-item", severity: .warning), sampleRule("shared-mutable-capture")],
            fileCount: 3)
    }
}

/// Runs `python3` with `arguments`, returning its exit status and combined output, or `nil` when
/// python3 cannot be started.
func runPython(_ arguments: [String]) -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The built `conclint` executable next to the test bundle, or `nil` (the caller skips) when it
/// is not there.
func conclintExecutable() -> String? {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [binary, binary.deletingLastPathComponent(), binary.deletingLastPathComponent().deletingLastPathComponent()]
        .map { $0.appending(path: "conclint").path }
    guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        print("skipped: conclint executable not found near \(binary.path)")
        return nil
    }
    return executable
}

/// Runs `executable` with `arguments` in `directory`; its exit status, standard output and error.
func runProcess(_ executable: String, _ arguments: [String], in directory: String) throws
    -> (status: Int32, output: String, error: String)
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    // Standard error goes to a file, so that neither stream can fill up while the other is read.
    let errorPath = FileManager.default.temporaryDirectory.appending(path: "conclint-stderr-\(UUID().uuidString)").path
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: errorPath) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle(forWritingAtPath: errorPath)
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), errorText)
}
