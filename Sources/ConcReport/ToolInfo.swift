/// Identity of the tool as written into every report (SARIF `tool.driver`, JSON `tool`, `--version`).
public enum ToolInfo {
    /// The tool's name.
    public static let name = "conclint"
    /// The tool's version, a semantic version string.
    public static let version = "0.1.0"
    /// Where to read about the tool and its rules (SARIF `tool.driver.informationUri`, §3.19.17).
    public static let informationURI = "https://github.com/conclint/conclint"
}
