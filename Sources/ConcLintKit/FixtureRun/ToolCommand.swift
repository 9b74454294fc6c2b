/// One program invocation: what to run, with which arguments, where, with which extra
/// environment variables.
struct ToolCommand: Equatable, Sendable {
    /// The program's absolute path.
    var executable: String
    /// Its arguments.
    var arguments: [String]
    /// Its working directory.
    var directory: String
    /// Variables set on top of the inherited environment.
    var environment: [String: String] = [:]

    /// Runs it through `runner` with `timeout`, output to `log`.
    ///
    /// - Throws: ``ProcessRunnerError`` when it cannot be started.
    func run(_ runner: ProcessRunner, timeout: Duration, log: String) async throws(ProcessRunnerError) -> RunCapture {
        try await runner.run(
            executable, arguments: arguments, in: directory, environment: environment, timeout: timeout, log: log)
    }
}
