import Foundation

/// The `conclint` executable SwiftPM built next to the test bundle, or `nil` when the tests run
/// somewhere it is not (then the tests that need it say so and pass).
func builtConclint() -> String? {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    return [bundle, bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()]
        .map { $0.appending(path: "conclint").path }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// What a finished process printed and how it ended.
struct ProcessOutput {
    /// The exit status.
    var status: Int32
    /// Standard output.
    var output: String
    /// Standard error.
    var error: String
}

/// Runs `executable` with `arguments` to completion. `environment` entries are added to this
/// process's environment (a `nil` value removes the variable).
func runProcess(
    _ executable: String, _ arguments: [String], in directory: String? = nil,
    environment: [String: String?] = [:]
) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Drain standard error concurrently so a chatty process cannot fill the pipe and stall.
    let errorData = ErrorCollector(error.fileHandleForReading)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessOutput(
        status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
        error: String(decoding: errorData.wait(), as: UTF8.self))
}

/// Reads a file handle to its end on a thread of its own.
private final class ErrorCollector: @unchecked Sendable {
    // Written once by the reading thread before `done` is signalled; read after.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// `name` found on `PATH`, or `nil`.
func executableOnPath(_ name: String) -> String? {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/\(name)" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
