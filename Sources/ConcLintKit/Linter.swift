import ConcModel
import ConcReport
import ConcRules
import Foundation
import GoFrontend
import SwiftFrontend

/// The engine: finds the files, reads them, lowers each with its language's front end, runs the
/// rules in parallel and gathers a deterministic ``ConcReport/LintRun``.
public struct Linter: Sendable {
    /// The options of this run.
    public let options: LintOptions
    /// The rules that run and their default severities.
    public let selection: RuleSelection
    /// The severity each enabled rule reports at: its default, or the configuration's override.
    public let severities: [String: Severity]

    /// Rules the configuration turns `off` are disabled unless `--rule` names them; opt-in rules
    /// run when the options or the configuration's `enable` list enable them.
    ///
    /// - Throws: ``LintConfigurationError`` when `options` name unknown rules or leave none.
    public init(options: LintOptions) throws(LintConfigurationError) {
        self.options = options
        let configured = options.configuration.disabledRules.filter { !options.onlyRules.contains($0) }
        let selection = try RuleSelection(
            only: options.onlyRules, disabled: options.disabledRules + configured,
            enabled: options.enabledRules + options.configuration.enabledRules, enableAll: options.enablesAllRules)
        self.selection = selection
        self.severities = selection.severities.merging(
            options.configuration.severityOverrides.filter { selection.severities[$0.key] != nil },
            uniquingKeysWith: { _, override in override })
    }

    /// Lints every file under ``LintOptions/paths``.
    ///
    /// Files are analysed on at most ``LintOptions/jobs`` child tasks at once. A file that cannot
    /// be read, decoded or parsed is recorded as a ``ConcReport/FileProblem`` and the run goes on.
    /// Findings come sorted by ``ConcRules/Finding/reportOrder(_:_:)``, problems by path; the
    /// result does not depend on scheduling.
    public func run() async -> LintRun {
        let discovery = FileDiscovery().discover(options.paths)
        var resolver = GoVersionResolver()
        let configuration = options.configuration
        let filter = PathFilter(configuration)
        let configuredVersion = configuration.goVersion.map { GoVersionResolver.Version(major: $0.major, minor: $0.minor) }
        let jobs: [Job] = discovery.files.compactMap { path in
            guard let language = Language(path: path), filter.includes(path) else { return nil }
            let version = language == .go ? configuredVersion ?? resolver.version(forFileAt: path) : nil
            var job = Job(path: path, language: language, goVersion: version, size: SourceLoader.fileSize(path))
            job.skipsIfGenerated = !options.includesGenerated && !discovery.explicitFiles.contains(path)
            return job
        }
        let severities = self.severities
        let engine = RuleEngine(severities: severities)
        let loader = SourceLoader(maxFileSize: options.maxFileSize)
        let width = max(1, options.jobs)
        // 1. Read every file, and see which packages mention concurrency at all.
        let grouping = PackageGrouping()
        let prepared = await Self.analyse(jobs, width: width) { index in
            let job = jobs[index]
            let loaded = loader.load(job.path, size: job.size, skippingGenerated: job.skipsIfGenerated)
            guard let source = loaded.source, engine.hasPackageRules else { return Prepared(loaded: loaded, package: nil, mentions: false) }
            let extensions = configuration.extensions(for: job.language)
            let mentions = switch job.language {
            case .go: GoFrontend.mentionsConcurrency(source, extensions: extensions)
            case .swift: SwiftFrontend.mentionsConcurrency(source, extensions: extensions)
            }
            return Prepared(loaded: loaded, package: grouping.key(path: job.path, language: job.language, source: source), mentions: mentions)
        }
        let concurrentPackages = Set(prepared.filter(\.mentions).compactMap(\.package))
        // 2. Lower each file and run the per-file rules; files of such packages are lowered even
        //    when they spell no concurrency API, since their summaries belong to the package.
        var reports = await Self.analyse(jobs, width: width) { index in
            let job = jobs[index]
            let loaded = prepared[index].loaded
            guard let source = loaded.source else {
                return FileReport(findings: [], problems: loaded.problems, source: nil)
            }
            var report = FileReport(
                linting: source, language: job.language, engine: engine,
                goVersion: job.goVersion.map { ($0.major, $0.minor) }, knownProblems: loaded.problems,
                severities: severities, extensions: configuration.extensions(for: job.language),
                forceLowering: prepared[index].package.map(concurrentPackages.contains) ?? false)
            report.problems = loaded.problems + report.problems
            return report
        }
        // 3. Join each package's summaries and run the package rules, packages in parallel.
        let packageFindings = await Self.checkPackages(reports, keys: prepared.map(\.package), engine: engine, width: width)
        for index in reports.indices {
            reports[index].finish(packageFindings: reports[index].source.flatMap { packageFindings[$0.path] } ?? [])
        }
        var findings: [Finding] = []
        var suppressed: [SuppressedFinding] = []
        var problems = discovery.problems
        var sources: [String: SourceFile] = [:]
        var fileCount = 0
        // Files named by a related location (a package rule's witness) keep their source too.
        let relatedPaths = Set(reports.flatMap { $0.findings.flatMap { $0.related.compactMap(\.path) } })
        for report in reports {
            findings += report.findings
            suppressed += report.suppressed
            problems += report.problems
            guard let source = report.source else { continue }
            fileCount += 1
            if !report.findings.isEmpty || !report.suppressed.isEmpty || report.problems.contains(where: { $0.position != nil })
                || relatedPaths.contains(source.path) {
                sources[source.path] = source
            }
        }
        findings.sort(by: Finding.reportOrder)
        problems.sort { ($0.path, $0.kind.rawValue) < ($1.path, $1.kind.rawValue) }
        let run = LintRun(
            findings: findings, problems: problems, sources: sources, rules: selection.rules,
            fileCount: fileCount, suppressed: suppressed)
        return options.baseline?.applied(to: run) ?? run
    }

    /// Lints one in-memory source, chosen by `path`'s extension (`.swift` or `.go`; any other
    /// gives no findings), with every rule at its default severity unless `severities` says
    /// otherwise; `// conclint:ignore` comments apply. The fixture tests use this.
    ///
    /// - Parameters:
    ///   - path: the path to report; only its extension matters for analysis.
    ///   - text: the source text.
    ///   - severities: rule ids to run with their severities.
    ///   - goVersion: the Go language version for `.go` sources, as (major, minor).
    ///   - extensions: the project's own concurrency APIs (`.conclint.yml` `apis`).
    public static func lint(
        path: String, text: String, severities: [String: Severity] = RuleEngine.defaultSeverities,
        goVersion: (major: Int, minor: Int)? = nil, extensions: APIExtensions = .none
    ) -> FileReport {
        guard Language(path: path) != nil else {
            return FileReport(findings: [], problems: [], source: SourceFile(path: path, text: text))
        }
        return lint(files: [(path, text)], severities: severities, goVersion: goVersion, extensions: extensions)[0]
    }

    /// Lints in-memory sources as one package (the files of a multi-file fixture): per-file rules
    /// on each, package rules on all of them together; `// conclint:ignore` comments apply.
    /// Returns one report per file, in the order given.
    public static func lint(
        files: [(path: String, text: String)], severities: [String: Severity] = RuleEngine.defaultSeverities,
        goVersion: (major: Int, minor: Int)? = nil, extensions: APIExtensions = .none
    ) -> [FileReport] {
        let engine = RuleEngine(severities: severities)
        var reports = files.map { file -> FileReport in
            let source = SourceFile(path: file.path, text: file.text, lineBreaks: .init(Language(path: file.path)))
            guard let language = Language(path: file.path) else { return FileReport(findings: [], problems: [], source: source) }
            return FileReport(
                linting: source, language: language, engine: engine, goVersion: goVersion, severities: severities,
                extensions: extensions, forceLowering: true)
        }
        var members: [String: [UnitSummary]] = [:]
        for report in reports {
            guard let summary = report.summary else { continue }
            members[summary.language.rawValue + (summary.packageName ?? ""), default: []].append(summary)
        }
        var byPath: [String: [Finding]] = [:]
        for (key, group) in members.sorted(by: { $0.key < $1.key }) {
            for units in UnitSummary.packages(of: group) {
                for finding in engine.check(PackageModel(name: key, units: units)) { byPath[finding.path, default: []].append(finding) }
            }
        }
        for index in reports.indices {
            reports[index].finish(packageFindings: reports[index].source.flatMap { byPath[$0.path] } ?? [])
        }
        return reports
    }

    /// A file read, with the package it belongs to and whether it mentions concurrency.
    struct Prepared: Sendable {
        var loaded: SourceLoader.Loaded
        var package: String?
        var mentions: Bool
    }

    /// Runs the package rules over every package that has summaries; findings by file path.
    static func checkPackages(
        _ reports: [FileReport], keys: [String?], engine: RuleEngine, width: Int
    ) async -> [String: [Finding]] {
        guard engine.hasPackageRules else { return [:] }
        var members: [String: [UnitSummary]] = [:]
        for (index, report) in reports.enumerated() {
            guard let summary = report.summary, let key = keys[index] else { continue }
            members[key, default: []].append(summary)
        }
        let packages = members.keys.sorted().flatMap { key in
            UnitSummary.packages(of: members[key] ?? []).map { PackageModel(name: key, units: $0) }
        }
        let results = Slots<[Finding]>(count: packages.count)
        let order = packages.indices.sorted { packages[$0].summaries.count > packages[$1].summaries.count }
        await DeepStackWorkers.run(order: order, width: width) { index in
            results.store(engine.check(packages[index]), at: index)
        }
        var byPath: [String: [Finding]] = [:]
        for finding in results.values.joined() { byPath[finding.path, default: []].append(finding) }
        return byPath
    }

    /// One file to analyse.
    struct Job: Sendable {
        var path: String
        var language: Language
        var goVersion: GoVersionResolver.Version?
        /// The file's size in bytes (`nil` when it cannot be found): larger files start first.
        var size: Int?
        /// Whether the file is left out when generated (found in a walk, no `--include-generated`).
        var skipsIfGenerated = false
    }

    /// Runs `work` over `jobs` on at most `width` threads (with deep stacks, see
    /// ``DeepStackWorkers``) and returns the results in the order of `jobs`. The largest files
    /// start first, so that no large file is left to run alone at the end while the others idle.
    static func analyse<Result: Sendable>(
        _ jobs: [Job], width: Int, _ work: @escaping @Sendable (Int) -> Result
    ) async -> [Result] {
        let schedule = jobs.indices.sorted { (jobs[$0].size ?? 0, $1) > (jobs[$1].size ?? 0, $0) }
        let results = Slots<Result>(count: jobs.count)
        await DeepStackWorkers.run(order: schedule, width: width) { index in
            results.store(work(index), at: index)
        }
        return results.values
    }

    /// One slot per job, filled by the worker threads.
    final class Slots<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Value?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ value: Value, at index: Int) {
            lock.withLock { slots[index] = value }
        }

        var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
    }
}
