import Foundation

/// One fixture's work in `fixtures run`: build it, run it, judge the run.
struct FixtureJob: Sendable {
    /// What every job shares.
    struct Context: Sendable {
        /// Compiles the fixtures; a missing tool means its fixtures are not run.
        var builder: FixtureBuilder
        /// Set when ConcRuntime did not build: every Swift fixture fails with it.
        var runtimeFailure: RuntimeBuildFailure?
        /// The run timeout, in seconds.
        var timeoutSeconds: Double
        /// The build cache (logs go to `logs/<language>/<rule>/`).
        var cache: String
    }

    /// The fixture.
    var fixture: FixtureCase
    /// Its header.
    var header: Result<FixtureHeader, FixtureHeaderError>
    /// Its static findings.
    var findings: [String]

    /// Builds and runs the fixture (unless its header says `skip` or its tool is missing).
    func perform(_ context: Context) async -> FixtureResult {
        let started = ContinuousClock.now
        func result(_ outcome: FixtureOutcome, log: String? = nil) -> FixtureResult {
            FixtureResult(
                fixture: fixture, header: header, findings: findings, outcome: outcome,
                seconds: FixtureRunner.seconds(ContinuousClock.now - started), log: log)
        }
        let expected: FixtureVerdict
        switch header {
        case .failure(let error): return result(.failed(reason: error.description))
        case .success(let header): expected = header.expected
        }
        guard expected != .skip else { return result(.notRun(reason: "header says skip")) }
        let builder = context.builder
        switch fixture.language {
        case .swift:
            guard builder.swiftc != nil else { return result(.notRun(reason: "swiftc is not on PATH")) }
            if let failure = context.runtimeFailure {
                return result(.failed(reason: "ConcRuntime did not build: \(failure.reason)"), log: failure.log)
            }
        case .go:
            guard builder.go != nil else { return result(.notRun(reason: "go is not on PATH")) }
        }
        let logStem = logPath(in: context.cache)
        let program: String
        switch await builder.build(fixture, log: logStem + ".build.log") {
        case .failure(let failure): return result(.failed(reason: failure.reason), log: failure.log)
        case .success(let path): program = path
        }
        let log = logStem + ".log"
        let timeout = min(max(context.timeoutSeconds, 0.001), 86_400)
        do {
            let capture = try await builder.runCommand(for: fixture, program: program)
                .run(ProcessRunner(), timeout: .seconds(timeout), log: log)
            return result(VerdictClassifier.classify(capture, timeoutSeconds: timeout), log: log)
        } catch {
            return result(.failed(reason: error.description))
        }
    }

    /// `<cache>/logs/<language>/<rule>/<file name>`, its folder created.
    func logPath(in cache: String) -> String {
        let folder = URL(fileURLWithPath: cache).appending(path: "logs/\(fixture.language.rawValue)/\(fixture.ruleID)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appending(path: fixture.fileName).path
    }

    /// Performs `jobs` with at most `width` in flight; calls `progress` as each finishes.
    ///
    /// - Returns: the results in the order they finished.
    static func perform(
        _ jobs: [FixtureJob], width: Int, context: Context,
        progress: @escaping @Sendable (FixtureResult, Int, Int) -> Void
    ) async -> [FixtureResult] {
        await withTaskGroup(of: FixtureResult.self) { group in
            var pending = jobs[...]
            var results: [FixtureResult] = []
            func submit() {
                guard let job = pending.popFirst() else { return }
                group.addTask { await job.perform(context) }
            }
            for _ in 0..<width { submit() }
            for await result in group {
                results.append(result)
                progress(result, results.count, jobs.count)
                submit()
            }
            return results
        }
    }
}
