import Foundation

/// What one lint run covers and how it runs.
public struct LintOptions: Sendable {
    /// Files and directories to lint, as the user gave them; directories are walked
    /// (``FileDiscovery``). Default: the working directory.
    public var paths: [String]
    /// When not empty, run only these rule ids.
    public var onlyRules: [String]
    /// Rule ids not to run; they win over ``enabledRules`` and ``enablesAllRules``.
    public var disabledRules: [String]
    /// Opt-in rule ids to run besides the default ones (`--enable`).
    public var enabledRules: [String] = []
    /// Whether every opt-in rule runs too (`--enable-all`).
    public var enablesAllRules = false
    /// Whether generated files (``GeneratedFileMarker``) found in a directory walk are linted
    /// (`--include-generated`); files named explicitly always are.
    public var includesGenerated = false
    /// How many files are analysed at once; values below 1 count as 1.
    public var jobs: Int
    /// Files larger than this many bytes are reported as ``ConcReport/FileProblem/Kind/tooComplex``
    /// and not analysed. Default: 8 MiB.
    public var maxFileSize: Int

    /// The `.conclint.yml` settings: globs, rule severities, Go version, declared APIs.
    /// Default: no file (every setting at its default, globs relative to the working directory).
    public var configuration: Configuration = Configuration(baseDirectory: FileManager.default.currentDirectoryPath)
    /// Findings accepted by a baseline file (`--baseline`): matching findings are reported as
    /// suppressed, not as findings. Default: none.
    public var baseline: Baseline?

    /// The default size limit, 8 MiB.
    public static let defaultMaxFileSize = 8 << 20

    /// - Parameters:
    ///   - paths: files and directories; default `["."]`.
    ///   - onlyRules: rule ids to run exclusively; empty means every rule.
    ///   - disabledRules: rule ids to skip.
    ///   - jobs: parallel workers; default the number of active processor cores.
    ///   - maxFileSize: the size limit in bytes.
    public init(
        paths: [String] = ["."], onlyRules: [String] = [], disabledRules: [String] = [],
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        maxFileSize: Int = LintOptions.defaultMaxFileSize
    ) {
        self.paths = paths
        self.onlyRules = onlyRules
        self.disabledRules = disabledRules
        self.jobs = jobs
        self.maxFileSize = maxFileSize
    }
}
