import ConcModel
import ConcRules

/// Writes every fix of a run (safe and review) as a unified diff, one hunk per fix, each hunk
/// marked after its `@@` header with the applicability, rule and message:
/// `@@ -19,7 +19,7 @@ [safe] blocking-send-leak: Give …`. Hunks of one file that would
/// overlap (alternative fixes of one finding, or fixes near each other) start a new
/// `---`/`+++` section, so each section applies on its own.
public struct FixDiffFormatter: Sendable {
    /// Unchanged lines shown around each change.
    public var context: Int

    /// - Parameter context: unchanged lines around each change (3, as `diff -u`).
    public init(context: Int = 3) {
        self.context = context
    }

    /// The diff of every fix in `run`; empty when no finding has a fix.
    public func format(_ run: LintRun) -> String {
        var byPath: [String: [(rule: String, fix: Fix)]] = [:]
        for finding in run.findings {
            byPath[finding.path, default: []] += finding.fixes.map { (finding.ruleID, $0) }
        }
        var output = ""
        for path in byPath.keys.sorted() {
            guard let source = run.sources[path] else { continue }
            let fixes = byPath[path]!.enumerated().sorted { lhs, rhs in
                let (a, b) = (lhs.element.fix.edits.first?.range.start.offset ?? 0, rhs.element.fix.edits.first?.range.start.offset ?? 0)
                return (a, lhs.offset) < (b, rhs.offset)
            }.map(\.element)
            var previousEnd: Int?
            var delta = 0
            for (rule, fix) in fixes {
                guard let hunk = FixHunk(fix.edits, in: source, context: context) else { continue }
                if previousEnd.map({ hunk.oldStart <= $0 }) ?? true {
                    output += "--- \(path)\n+++ \(path)\n"
                    delta = 0
                }
                output += hunk.header(delta: delta) + " [\(fix.applicability.rawValue)] \(rule): \(fix.message)\n"
                output += hunk.unifiedBody.map { $0 + "\n" }.joined()
                delta += hunk.lineDelta
                previousEnd = hunk.oldEnd
            }
        }
        return output
    }
}
