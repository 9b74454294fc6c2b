import ConcModel
import ConcRules

/// Which fixes of a file `--fix` applies: its findings' `safe` fixes in report order, each
/// kept unless it overlaps one kept before it (the later fix of an overlapping pair is dropped).
public struct FixPlan: Sendable {
    /// A fix with the finding it belongs to.
    public struct Entry: Sendable {
        /// The finding the fix belongs to.
        public var finding: Finding
        /// The fix.
        public var fix: Fix
    }

    /// The fixes to apply.
    public var accepted: [Entry] = []
    /// Safe fixes left out because they overlap an accepted one.
    public var dropped: [Entry] = []

    /// The plan for `findings` (all of one file, in report order).
    public init(_ findings: [Finding]) {
        for finding in findings {
            for fix in finding.fixes where fix.applicability == .safe {
                let entry = Entry(finding: finding, fix: fix)
                if accepted.contains(where: { $0.fix.overlaps(fix) }) {
                    dropped.append(entry)
                } else {
                    accepted.append(entry)
                }
            }
        }
    }

    /// Every accepted edit, ready for ``ConcRules/TextEdit/apply(_:to:)``.
    public var edits: [TextEdit] { accepted.flatMap(\.fix.edits) }
}
