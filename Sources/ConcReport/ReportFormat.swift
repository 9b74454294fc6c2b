/// The output formats conclint can write.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines (``TextFormatter``).
    case text
    /// The documented JSON schema (``JSONReport``).
    case json
    /// SARIF 2.1.0 (``SARIFFormatter``).
    case sarif
    /// GitHub Actions workflow commands that annotate the pull request (``GitHubFormatter``).
    case github
    /// Checkstyle XML for CI systems (``CheckstyleFormatter``).
    case checkstyle
}
