import ConcRules

/// A mistake in what the user asked for; the command line reports it and exits with status 2.
public enum LintConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--rule`, `--enable` or `--disable` named ids that no rule has (sorted, de-duplicated).
    case unknownRules([String])
    /// `--rule` and `--disable` together leave no rule to run.
    case noRulesEnabled

    /// The message shown after `error:`.
    public var description: String {
        switch self {
        case .unknownRules(let ids):
            let list = ids.map { "'\($0)'" }.joined(separator: ", ")
            let known = RuleCatalog.all.map(\.id)
            let guesses = ids.compactMap { id in NodeReader.closest(to: id, in: known).map { "'\($0)'" } }
            let hint = guesses.isEmpty ? "" : " (did you mean \(guesses.joined(separator: ", "))?)"
            return "unknown rule id\(ids.count == 1 ? "" : "s") \(list)\(hint); `conclint rules` lists them"
        case .noRulesEnabled:
            return "no rule left to run: every rule named with --rule is also disabled with --disable"
        }
    }
}
