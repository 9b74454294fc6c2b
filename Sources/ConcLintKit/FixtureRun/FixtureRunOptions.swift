import ConcModel
import Foundation

/// What `conclint fixtures run` runs and how.
public struct FixtureRunOptions: Sendable {
    /// The fixtures directory (`Fixtures/`), any folder below it, or one fixture file.
    public var directory: String
    /// Only the fixtures of these rules (their folder names); empty means all.
    public var rules: [String]
    /// Only fixtures of this language; `nil` means both.
    public var language: Language?
    /// How long one fixture program may run, in seconds, before it is killed and counted as a
    /// hang. Default: 20.
    public var timeoutSeconds: Double
    /// How many fixtures are compiled and run at once; values below 1 count as 1.
    public var jobs: Int
    /// The package whose `Sources/ConcRuntime` the Swift fixtures link against; `nil` searches
    /// upwards from ``directory``, then from the working directory.
    public var packagePath: String?
    /// Run each `bad_` fixture that has safe fixes with them applied (to a copy), expecting
    /// `clean`, instead of the fixtures as they are.
    public var applyFixes = false

    /// The default run timeout, in seconds.
    public static let defaultTimeoutSeconds = 20.0

    /// - Parameters:
    ///   - directory: what to run; default `Fixtures`.
    ///   - rules: rule ids to run exclusively; empty means every rule.
    ///   - language: the one language to run, or `nil` for both.
    ///   - timeoutSeconds: the per-fixture run timeout in seconds.
    ///   - jobs: parallel builds and runs; default the number of active processor cores.
    ///   - packagePath: the package holding `Sources/ConcRuntime`, or `nil` to search for it.
    public init(
        directory: String = "Fixtures", rules: [String] = [], language: Language? = nil,
        timeoutSeconds: Double = FixtureRunOptions.defaultTimeoutSeconds,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, packagePath: String? = nil
    ) {
        self.directory = directory
        self.rules = rules
        self.language = language
        self.timeoutSeconds = timeoutSeconds
        self.jobs = jobs
        self.packagePath = packagePath
    }
}
