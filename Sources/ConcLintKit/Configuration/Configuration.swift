import ConcModel
import ConcRules

/// The settings of a `.conclint.yml` file (or the defaults when there is none).
///
/// Every key is optional; ``ConfigurationLoader`` reads and checks the file. Glob patterns are
/// matched against paths relative to ``baseDirectory`` (see ``PathFilter``).
public struct Configuration: Sendable, Equatable {
    /// What one `rules.<id>` entry sets: a severity, or `off` to disable the rule.
    public enum RuleSetting: Sendable, Equatable {
        /// Report the rule at this severity.
        case severity(Severity)
        /// Do not run the rule.
        case off

        /// The spelling in the file: `error`, `warning`, `note` or `off`.
        public var name: String {
            switch self {
            case .severity(let severity): severity.rawValue
            case .off: "off"
            }
        }
    }

    /// The file the settings came from; `nil` for the defaults.
    public var path: String?
    /// The absolute directory glob patterns are relative to: the file's directory (or the
    /// working directory for the defaults).
    public var baseDirectory: String
    /// Glob patterns a file must match to be linted; empty means every file.
    public var include: [String]
    /// Glob patterns of files never linted; they win over ``include``.
    public var exclude: [String]
    /// Per-rule settings by rule id.
    public var rules: [String: RuleSetting]
    /// Opt-in rule ids to run besides the default ones (`enable:`); `off` in ``rules`` wins.
    public var enabledRules: [String]
    /// The Go language version for every `.go` file, overriding `go.mod`; `nil` to read `go.mod`.
    public var goVersion: (major: Int, minor: Int)?
    /// The project's own concurrency APIs, per language.
    public var apis: [Language: APIExtensions]
    /// The lowest severity that fails the run; `nil` leaves it to `--fail-on` (default `warning`).
    public var failOn: FailureThreshold?

    /// - Parameters: the settings; every one defaults to "not set".
    public init(
        path: String? = nil, baseDirectory: String, include: [String] = [], exclude: [String] = [],
        rules: [String: RuleSetting] = [:], enabledRules: [String] = [], goVersion: (major: Int, minor: Int)? = nil,
        apis: [Language: APIExtensions] = [:], failOn: FailureThreshold? = nil
    ) {
        self.path = path
        self.baseDirectory = baseDirectory
        self.include = include
        self.exclude = exclude
        self.rules = rules
        self.enabledRules = enabledRules
        self.goVersion = goVersion
        self.apis = apis
        self.failOn = failOn
    }

    /// The extensions declared for `language` (none when the file declares none).
    public func extensions(for language: Language) -> APIExtensions {
        apis[language] ?? .none
    }

    /// Rule ids the file turns `off`, sorted.
    public var disabledRules: [String] {
        rules.filter { $0.value == .off }.map(\.key).sorted()
    }

    /// Severity overrides by rule id (rules set to `off` are not listed).
    public var severityOverrides: [String: Severity] {
        rules.compactMapValues { setting in
            if case .severity(let severity) = setting { return severity }
            return nil
        }
    }

    public static func == (lhs: Configuration, rhs: Configuration) -> Bool {
        lhs.path == rhs.path && lhs.baseDirectory == rhs.baseDirectory && lhs.include == rhs.include
            && lhs.exclude == rhs.exclude && lhs.rules == rhs.rules && lhs.enabledRules == rhs.enabledRules
            && lhs.goVersion?.major == rhs.goVersion?.major
            && lhs.goVersion?.minor == rhs.goVersion?.minor && lhs.apis == rhs.apis && lhs.failOn == rhs.failOn
    }
}
