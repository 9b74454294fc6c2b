import Foundation
import ConcModel

/// A `// conclint:ignore` or `// conclint:ignore-file` comment.
///
/// Grammar: `conclint:ignore <rule-id>[,<rule-id>…] -- <reason>` right after the `//` (spaces
/// allowed before it). `ignore` alone on its line (only whitespace before the `//`) covers findings
/// that start on the comment's line or the line below it; `ignore` after code covers that line only,
/// as staticcheck's `//lint:ignore` does, so it cannot silence the next statement by accident.
/// `ignore-file` covers the whole file.
struct SuppressionDirective: Sendable {
    /// What the directive covers.
    enum Scope: Sendable {
        /// The comment's line, and the line below when the comment stands alone on its line.
        case line
        /// The whole file.
        case file
    }

    var scope: Scope
    /// The rule ids named, in the order written.
    var ruleIDs: [String]
    /// The text after `--`, trimmed; empty when missing.
    var reason: String
    /// Whether the ids were followed by ` -- ` at all.
    var hasSeparator: Bool
    /// The comment's range.
    var range: SourceRange
    /// Whether only whitespace precedes the `//` on its line; a directive after code does not reach
    /// the next line.
    var standsAlone: Bool

    /// The keyword as written after `//`.
    var keyword: String { scope == .file ? "conclint:ignore-file" : "conclint:ignore" }

    /// The directive in a comment's text (after `//`), or `nil` when it is an ordinary comment;
    /// `standsAlone` tells whether only whitespace precedes the comment on its line.
    init?(commentText: String, range: SourceRange, standsAlone: Bool) {
        var text = Substring(commentText).drop { $0 == " " || $0 == "\t" }
        let scope: Scope
        if text.hasPrefix("conclint:ignore-file") {
            scope = .file
            text = text.dropFirst("conclint:ignore-file".count)
        } else if text.hasPrefix("conclint:ignore") {
            scope = .line
            text = text.dropFirst("conclint:ignore".count)
        } else {
            return nil
        }
        guard text.isEmpty || text.first == " " || text.first == "\t" else { return nil }
        let idsPart: Substring
        if let separator = text.range(of: "--") {
            idsPart = text[..<separator.lowerBound]
            reason = text[separator.upperBound...].trimmingCharacters(in: .whitespaces)
            hasSeparator = true
        } else {
            idsPart = text
            reason = ""
            hasSeparator = false
        }
        ruleIDs = idsPart.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        self.scope = scope
        self.range = range
        self.standsAlone = standsAlone
    }

    /// Whether the directive covers a finding starting on 1-based `line`.
    func covers(line: Int) -> Bool {
        switch scope {
        case .file: true
        case .line: line == range.start.line || (standsAlone && line == range.start.line + 1)
        }
    }

    /// The lines covered, in words, for an `unused-suppression` message.
    var coverageDescription: String {
        switch scope {
        case .file: "in this file"
        case .line: standsAlone ? "on this or the next line" : "on this line"
        }
    }

    /// Why the directive is malformed, or `nil` when it is well formed (`knownIDs`: every rule id).
    func problem(knownIDs: Set<String>) -> String? {
        if ruleIDs.isEmpty { return "`\(keyword)` names no rule id" }
        let unknown = ruleIDs.filter { !knownIDs.contains($0) }
        if !unknown.isEmpty {
            return "`\(keyword)` names unknown rule id\(unknown.count == 1 ? "" : "s") "
                + unknown.map { "`\($0)`" }.joined(separator: ", ")
        }
        if !hasSeparator { return "`\(keyword) \(ruleIDs.joined(separator: ","))` has no reason after ` -- `" }
        if reason.isEmpty { return "`\(keyword) \(ruleIDs.joined(separator: ","))` has an empty reason after ` -- `" }
        return nil
    }
}
