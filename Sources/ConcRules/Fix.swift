import ConcModel

/// A change that applies a finding's suggestion: a message, the edits, and whether it may be
/// applied without a person reading it (like clippy's `MachineApplicable` / `MaybeIncorrect`
/// and go/analysis `SuggestedFix`).
public struct Fix: Sendable, Hashable {
    /// Whether a fix may be applied automatically.
    public enum Applicability: String, Sendable, Hashable, Codable, CaseIterable {
        /// Keeps the meaning of a correct program; `--fix` applies it.
        case safe
        /// Shown, never applied automatically: it changes behaviour a person must accept.
        case review
    }

    /// What the fix does, one sentence, upper-case start, no full stop.
    public var message: String
    /// Non-overlapping replacements of byte ranges of the finding's file, in offset order.
    public var edits: [TextEdit]
    /// Whether `--fix` may apply it.
    public var applicability: Applicability

    /// A fix; `edits` are sorted by their start offset.
    public init(message: String, edits: [TextEdit], applicability: Applicability) {
        self.message = message
        self.edits = edits.sorted { $0.range.start.offset < $1.range.start.offset }
        self.applicability = applicability
    }

    /// The fix with ``applicability`` set to `review` when `provenSafe` is false.
    public func proven(_ provenSafe: Bool) -> Fix {
        var copy = self
        if !provenSafe { copy.applicability = .review }
        return copy
    }

    /// Whether some edit of `self` overlaps some edit of `other` (two insertions at one offset
    /// count as overlapping: their order would be a guess).
    public func overlaps(_ other: Fix) -> Bool {
        edits.contains { mine in other.edits.contains { mine.overlaps($0) } }
    }
}

extension TextEdit: Hashable {
    public static func == (lhs: TextEdit, rhs: TextEdit) -> Bool {
        lhs.range == rhs.range && lhs.replacement == rhs.replacement
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(replacement)
    }

    /// Whether the two edits touch the same bytes, or insert at the same offset.
    public func overlaps(_ other: TextEdit) -> Bool {
        let (a, b) = (range, other.range)
        if a.start.offset == b.start.offset { return true }
        return a.start.offset < b.end.offset && b.start.offset < a.end.offset
    }
}

extension TextEdit {
    /// `bytes` with `edits` applied; `edits` must not overlap (any order).
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        // From the end, so earlier offsets stay valid.
        for edit in edits.sorted(by: { $0.range.start.offset > $1.range.start.offset }) {
            let start = max(0, min(edit.range.start.offset, result.count))
            let end = max(start, min(edit.range.end.offset, result.count))
            result.replaceSubrange(start..<end, with: Array(edit.replacement.utf8))
        }
        return result
    }
}
