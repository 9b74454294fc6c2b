/// Identity of the tool as written into every report (SARIF `tool.driver`, JSON `tool`, `--version`).
public enum ToolInfo {
    /// The tool's name.
    public static let name = "conclint"
    /// The tool's version, a semantic version string.
    public static let version = "0.1.0"
    /// The full object name of the git commit this binary was built from, or `nil` when it was not
    /// built from a git checkout. Read from `.git` at build time by `BuildInfoPlugin`.
    public static let commit: String? = BuildCommit.hash
    /// The commit abbreviated to 7 hex digits, as `git log --oneline` shows it.
    public static let shortCommit: String? = commit.map { String($0.prefix(7)) }
    /// The version and the commit: `0.1.0 (commit 1a2b3c4)`, or `0.1.0 (unknown commit)` when the
    /// binary was not built from a git checkout (SARIF `tool.driver.version`, `--version`).
    public static let versionDescription = "\(version) (\(shortCommit.map { "commit \($0)" } ?? "unknown commit"))"
    /// Where to read about the tool and its rules (SARIF `tool.driver.informationUri`, §3.19.17).
    public static let informationURI = "https://github.com/conclint/conclint"
}
