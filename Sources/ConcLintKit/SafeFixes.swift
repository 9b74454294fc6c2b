import ConcModel
import ConcRules

/// Lints one in-memory source and applies its `safe` fixes as `--fix` would (overlapping ones
/// dropped, nothing in a file with syntax errors): what `fixtures run --apply-fixes` runs and
/// the fix tests check.
public enum SafeFixes {
    /// The fixed text and the fixes applied.
    public struct Outcome: Sendable {
        /// The source with the fixes applied (the input when none were).
        public var text: String
        /// The fixes applied, with their findings, in report order.
        public var applied: [FixPlan.Entry]
    }

    /// The safe fixes of `text` (linted as `path`) applied once.
    public static func apply(path: String, text: String, goVersion: (major: Int, minor: Int)? = nil) -> Outcome {
        let report = Linter.lint(path: path, text: text, goVersion: goVersion)
        guard !report.problems.contains(where: { $0.kind == .syntaxError || $0.kind == .invalidEncoding }) else {
            return Outcome(text: text, applied: [])
        }
        let plan = FixPlan(report.findings)
        guard !plan.accepted.isEmpty else { return Outcome(text: text, applied: []) }
        let fixed = TextEdit.apply(plan.edits, to: Array(text.utf8))
        return Outcome(text: String(decoding: fixed, as: UTF8.self), applied: plan.accepted)
    }
}
