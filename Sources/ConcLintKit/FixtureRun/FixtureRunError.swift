/// Why `conclint fixtures run` could not start: a usage or set-up error (exit status 2), as
/// opposed to a fixture that disagrees with its header (a row of the table, exit status 1).
public enum FixtureRunError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The directory (or file) to run does not exist.
    case noSuchDirectory(String)
    /// Nothing under the directory matches the filters.
    case noFixtures(String)
    /// A `--rule` names no known rule.
    case unknownRules([String])
    /// Swift fixtures are to run but no package with `Sources/ConcRuntime` was found; the
    /// folders searched (each with every folder above it), or the `--package-path` given.
    case runtimeSourcesNotFound(searched: [String])
    /// The cache folder could not be created.
    case cacheUnavailable(String)

    /// One or two lines for standard error.
    public var description: String {
        switch self {
        case .noSuchDirectory(let path):
            "no such file or directory: \(path)"
        case .noFixtures(let path):
            "no fixtures (.swift or .go files) under \(path) match the filters"
        case .unknownRules(let ids):
            "unknown rule id\(ids.count == 1 ? "" : "s"): "
                + "\(ids.map { "'\($0)'" }.joined(separator: ", ")) (see `conclint rules`)"
        case .runtimeSourcesNotFound(let searched):
            """
            cannot find the ConcRuntime sources (Sources/ConcRuntime/*.swift) that Swift fixtures are \
            compiled against: no package at or above \(searched.joined(separator: " or ")) has them; \
            run from the conclint package or pass --package-path
            """
        case .cacheUnavailable(let reason):
            "cannot create the build cache: \(reason)"
        }
    }
}
