import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs one program with a timeout and captures its output, through swift-subprocess.
///
/// The program's standard output and standard error both go to one log file (so they
/// interleave as written and no pipe can fill up and stall it); the start of that file is read
/// back as the capture. The program runs in a session of its own, and at the timeout its whole
/// process group is killed, so nothing it started outlives the run.
struct ProcessRunner: Sendable {
    /// The most output read back from the log into a ``RunCapture``, in bytes (1 MiB); the log
    /// file itself keeps everything.
    static let maxCapturedBytes = 1 << 20

    /// Runs `executable` and waits for it to end or for `timeout` to pass.
    ///
    /// - Parameters:
    ///   - executable: the program's absolute path.
    ///   - arguments: its arguments, without the program name.
    ///   - directory: its working directory; `nil` for this process's.
    ///   - environment: variables set on top of this process's environment.
    ///   - timeout: how long it may run; then it is killed (`SIGKILL` to its process group).
    ///   - log: the file its output is written to (created or truncated).
    /// - Returns: the captured output and how the run ended.
    /// - Throws: ``ProcessRunnerError`` when the log cannot be opened or the program cannot be
    ///   started (not found, not executable, no such working directory).
    func run(
        _ executable: String, arguments: [String], in directory: String? = nil,
        environment: [String: String] = [:], timeout: Duration, log: String
    ) async throws(ProcessRunnerError) -> RunCapture {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(log), .writeOnly, options: [.create, .truncate],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            throw ProcessRunnerError(program: executable, reason: "cannot write the log \(log): \(error)")
        }
        defer { try? descriptor.close() }
        var platform = PlatformOptions()
        // A session of its own makes the program a process-group leader, so the teardown below
        // reaches what it started too (`go test` binaries, helper processes).
        platform.createSession = true
        platform.teardownSequence = [
            .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(500))
        ]
        let overrides = Dictionary(
            uniqueKeysWithValues: environment.compactMap { key, value in
                Environment.Key(rawValue: key).map { ($0, Optional(value)) }
            })
        let configuration = Subprocess.Configuration(
            executable: .path(FilePath(executable)), arguments: Arguments(arguments),
            environment: .inherit.updating(overrides), workingDirectory: directory.map { FilePath($0) },
            platformOptions: platform)
        let ending: RunCapture.Ending
        do {
            ending = try await Self.wait(for: configuration, writingTo: descriptor, timeout: timeout)
        } catch {
            throw ProcessRunnerError(program: executable, reason: "\(error)")
        }
        return RunCapture(output: Self.readStart(of: log), ending: ending)
    }

    /// Races the program against a sleep; cancelling the loser kills the program on a timeout
    /// (swift-subprocess runs the teardown sequence when its task is cancelled).
    private static func wait(
        for configuration: Subprocess.Configuration, writingTo descriptor: FileDescriptor, timeout: Duration
    ) async throws -> RunCapture.Ending {
        try await withThrowingTaskGroup(of: RunCapture.Ending?.self) { group in
            group.addTask {
                let result = try await Subprocess.run(
                    configuration, output: .fileDescriptor(descriptor, closeAfterSpawningProcess: false),
                    error: .combinedWithOutput)
                switch result.terminationStatus {
                case .exited(let status): return .exited(status)
                case .signaled(let signal): return .signaled(signal)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { return .timedOut }
            return first ?? .timedOut
        }
    }

    /// The first ``maxCapturedBytes`` of the file at `path` as UTF-8 (invalid bytes replaced);
    /// empty when it cannot be read.
    static func readStart(of path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxCapturedBytes)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A program that `conclint fixtures run` could not start.
struct ProcessRunnerError: Error, CustomStringConvertible {
    /// The program's path.
    var program: String
    /// What went wrong.
    var reason: String

    /// `cannot run <program>: <reason>`.
    var description: String { "cannot run \(program): \(reason)" }
}
