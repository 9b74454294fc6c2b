import ConcModel
import ConcRules
import Foundation

/// `conclint fixtures run`: lints each fixture, compiles it with the race detector of its
/// language, runs it with a timeout and compares what the run shows with its `// run:` header.
///
/// Steps: find the fixtures (``FixtureDiscovery``), read their headers (``FixtureHeader``),
/// lint them all with the engine (``Linter``) for the static findings, locate `swiftc` and
/// `go` on `PATH` (a missing one is a notice and its fixtures are not run), build ConcRuntime
/// when Swift fixtures run (``RuntimeLibrary``), then compile and run the fixtures, at most
/// ``FixtureRunOptions/jobs`` at a time (``FixtureBuilder``, ``ProcessRunner``), and judge each
/// run (``VerdictClassifier``). Programs, the runtime and logs live in the build cache,
/// `<package>/.build/fixtures-run/`.
public struct FixtureRunner: Sendable {
    /// What to run.
    public let options: FixtureRunOptions

    /// - Parameter options: what to run and how.
    public init(options: FixtureRunOptions) {
        self.options = options
    }

    /// Runs the fixtures and returns the report; the table is ``FixtureRunReport/table()``.
    ///
    /// - Parameter progress: called once per fixture as it finishes, with its result, how many
    ///   have finished and how many there are; never concurrently.
    /// - Throws: ``FixtureRunError`` for an unknown `--rule`, a missing directory, no fixtures,
    ///   ConcRuntime sources that cannot be found while Swift fixtures are to run, or a build
    ///   cache that cannot be created.
    public func run(
        progress: @escaping @Sendable (FixtureResult, Int, Int) -> Void = { _, _, _ in }
    ) async throws(FixtureRunError) -> FixtureRunReport {
        let started = ContinuousClock.now
        let known = Set(RuleCatalog.all.map(\.id))
        let unknown = options.rules.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw .unknownRules(unknown) }
        var fixtures = try FixtureDiscovery(rules: Set(options.rules), language: options.language)
            .fixtures(under: options.directory)
        guard !fixtures.isEmpty else { throw .noFixtures(options.directory) }
        let fixed = options.applyFixes ? FixedFixture.fixing(fixtures) : []
        if options.applyFixes { fixtures = fixed.map(\.original) }
        var headers = fixtures.map { fixture -> Result<FixtureHeader, FixtureHeaderError> in
            let text = FileManager.default.contents(atPath: fixture.path).map { String(decoding: $0, as: UTF8.self) }
            return Result { () throws(FixtureHeaderError) in try FixtureHeader.parse(text ?? "") }
        }
        let languages = Set(zip(fixtures, headers).filter { fixture, header in
            options.applyFixes || (try? header.get().expected).map { $0 != .skip } ?? false
        }.map(\.0.language))

        let root = try packageRoot(needed: languages.contains(.swift))
        let cache = try prepareCache(packageRoot: root)
        var fixesApplied: [String: [String]] = [:]
        if options.applyFixes {
            // Each fixed copy runs in place of its fixture, expected to be clean now.
            fixtures = fixed.map { $0.written(in: cache) }
            headers = fixtures.map { _ in .success(FixtureHeader(expected: .clean)) }
            for entry in fixed { fixesApplied[entry.original.displayPath] = entry.descriptions }
        }
        let findings = await staticFindings(of: fixtures)
        let runs = zip(fixtures, headers).filter { (try? $0.1.get().expected).map { $0 != .skip } ?? false }
        var notices: [String] = []
        var builder = FixtureBuilder(cache: cache)
        var runtimeFailure: RuntimeBuildFailure?
        if languages.contains(.swift) {
            builder.swiftc = await tool("swiftc", versionArguments: ["--version"], cache: cache, notices: &notices)
            if let swiftc = builder.swiftc, let root {
                switch await RuntimeLibrary.build(packageAt: root, swiftc: (swiftc.path, swiftc.version), cache: cache) {
                case .success(let library): builder.runtime = library
                case .failure(let failure): runtimeFailure = failure
                }
            }
        }
        if languages.contains(.go) {
            builder.go = await tool("go", versionArguments: ["version"], cache: cache, notices: &notices)
        }
        for language in [Language.go, .swift] where languages.contains(language) {
            let count = runs.count { $0.0.language == language }
            let (tool, name) = language == .go ? (builder.go, "go") : (builder.swiftc, "swiftc")
            if tool == nil {
                notices.append("\(name) is not on PATH: \(count) \(language == .go ? "Go" : "Swift") fixtures not run")
            }
        }

        let jobs = zip(fixtures, headers).map { fixture, header in
            FixtureJob(fixture: fixture, header: header, findings: findings[fixture.path] ?? [])
        }
        let context = FixtureJob.Context(
            builder: builder, runtimeFailure: runtimeFailure, timeoutSeconds: options.timeoutSeconds, cache: cache)
        let results = await FixtureJob.perform(jobs, width: max(1, options.jobs), context: context, progress: progress)
        return FixtureRunReport(
            results: results.sorted { $0.fixture.path < $1.fixture.path }, notices: notices,
            seconds: Self.seconds(ContinuousClock.now - started), fixesApplied: fixesApplied)
    }

    /// The rule ids found in each fixture (by path), sorted; a file problem counts as
    /// `(<kind>)`.
    func staticFindings(of fixtures: [FixtureCase]) async -> [String: [String]] {
        var lintOptions = LintOptions(paths: fixtures.map(\.path), jobs: max(1, options.jobs))
        lintOptions.enablesAllRules = true  // Every rule has fixtures, opt-in ones too.
        guard let linter = try? Linter(options: lintOptions) else { return [:] }
        let run = await linter.run()
        var byPath: [String: [String]] = [:]
        for finding in run.findings { byPath[finding.path, default: []].append(finding.ruleID) }
        for problem in run.problems { byPath[problem.path, default: []].append("(\(problem.kind.rawValue))") }
        return byPath.mapValues { $0.sorted() }
    }

    /// The package holding `Sources/ConcRuntime`: `--package-path`, or the nearest one above
    /// the fixtures directory or the working directory.
    ///
    /// - Throws: ``FixtureRunError/runtimeSourcesNotFound(searched:)`` when `needed` and none.
    func packageRoot(needed: Bool) throws(FixtureRunError) -> String? {
        if let path = options.packagePath {
            let root = URL(fileURLWithPath: path).standardizedFileURL.path
            guard !RuntimeLibrary.sources(inPackageAt: root).isEmpty else {
                if needed { throw .runtimeSourcesNotFound(searched: [path]) }
                return nil
            }
            return root
        }
        let starts = [options.directory, FileManager.default.currentDirectoryPath]
        let root = RuntimeLibrary.packageRoot(searchingUpFrom: starts)
        if root == nil, needed { throw .runtimeSourcesNotFound(searched: starts) }
        return root
    }

    /// Creates `<package>/.build/fixtures-run` (or a folder in the temporary directory when
    /// there is no package) with its `bin` and `logs` folders.
    func prepareCache(packageRoot: String?) throws(FixtureRunError) -> String {
        let base = packageRoot.map { ($0 as NSString).appendingPathComponent(".build") } ?? NSTemporaryDirectory()
        let name = packageRoot == nil ? "conclint-fixtures-run" : "fixtures-run"
        let cache = URL(fileURLWithPath: base).appending(path: name).path
        do {
            for folder in ["bin", "logs"] {
                try FileManager.default.createDirectory(
                    atPath: (cache as NSString).appendingPathComponent(folder), withIntermediateDirectories: true)
            }
        } catch {
            throw .cacheUnavailable("\(cache): \(error.localizedDescription)")
        }
        return cache
    }

    /// `name` on `PATH` with the output of running it with `versionArguments`, or `nil` (and a
    /// notice when it is there but does not answer).
    func tool(
        _ name: String, versionArguments: [String], cache: String, notices: inout [String]
    ) async -> FixtureBuilder.Tool? {
        guard let path = ExecutableLocator().find(name) else { return nil }
        let log = (cache as NSString).appendingPathComponent("logs/\(name)-version.log")
        let capture = try? await ProcessRunner().run(path, arguments: versionArguments, timeout: .seconds(120), log: log)
        guard let capture, capture.ending == .exited(0) else {
            notices.append("\(name) \(versionArguments.joined(separator: " ")) failed (see \(log))")
            return nil
        }
        return FixtureBuilder.Tool(path: path, version: capture.output)
    }

    /// `duration` in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
