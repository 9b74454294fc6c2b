/// Whether a rule runs without being asked for.
///
/// `default` rules run on every lint; `opt-in` rules (noisier, or useful only to some projects)
/// run only when enabled: `--enable ID`, `--enable-all`, `enable: [ids]` in `.conclint.yml`, or
/// `--rule ID`. `--disable` and a configuration `off` win over enabling.
public enum RuleTier: String, Sendable, CaseIterable {
    /// Runs unless disabled.
    case `default`
    /// Runs only when enabled.
    case optIn = "opt-in"
}
