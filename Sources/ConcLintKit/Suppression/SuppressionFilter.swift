import ConcModel
import ConcReport
import ConcRules

/// Applies a file's `// conclint:ignore` directives to its findings and reports the directives
/// that are malformed (`invalid-suppression`) or silence nothing (`unused-suppression`).
///
/// A malformed directive (no rule id, an unknown id, no reason) silences nothing. A well-formed
/// one is unused for each named rule that ran and had no finding it covers; rules that did not
/// run (disabled, or not for this language) are not judged. The two engine rules themselves
/// cannot be suppressed.
struct SuppressionFilter {
    /// The engine rule reporting malformed directives.
    static let invalidID = "invalid-suppression"
    /// The engine rule reporting directives that silence nothing.
    static let unusedID = "unused-suppression"

    /// The rules that ran, with their severities (engine rules included when enabled).
    let severities: [String: Severity]
    let language: Language

    /// What filtering produced.
    struct Result {
        /// Findings still reported, engine-rule findings included, in report order.
        var findings: [Finding]
        /// Findings silenced, in report order.
        var suppressed: [SuppressedFinding]
    }

    /// Filters `findings` of `source` by the directives in its comments.
    func apply(_ findings: [Finding], source: SourceFile) -> Result {
        // Every directive spells its keyword; most files have none, and skip the comment scan.
        guard Self.contains(source.bytes, Self.keyword) else { return Result(findings: findings, suppressed: []) }
        let directives = LineCommentScanner(language: language).comments(in: source.bytes).compactMap { comment in
            SuppressionDirective(
                commentText: comment.text,
                range: SourceRange(start: source.position(ofOffset: comment.start), end: source.position(ofOffset: comment.end)),
                standsAlone: Self.onlyWhitespaceBefore(comment.start, in: source.bytes))
        }
        guard !directives.isEmpty else { return Result(findings: findings, suppressed: []) }
        let known = Set(RuleCatalog.all.map(\.id))
        var kept: [Finding] = []
        var suppressed: [SuppressedFinding] = []
        var engineFindings: [Finding] = []
        var used = Array(repeating: Set<String>(), count: directives.count)
        var valid: [Int] = []
        for (index, directive) in directives.enumerated() {
            if let problem = directive.problem(knownIDs: known) {
                engineFindings += finding(Self.invalidID, problem, at: directive.range, path: source.path)
            } else {
                valid.append(index)
            }
        }
        for finding in findings {
            let engine = finding.ruleID == Self.invalidID || finding.ruleID == Self.unusedID
            let match = engine ? nil : valid.first { index in
                directives[index].ruleIDs.contains(finding.ruleID) && directives[index].covers(line: finding.range.start.line)
            }
            guard let match else {
                kept.append(finding)
                continue
            }
            used[match].insert(finding.ruleID)
            suppressed.append(SuppressedFinding(finding: finding, kind: .inSource, justification: directives[match].reason))
        }
        for index in valid {
            let directive = directives[index]
            let judged = directive.ruleIDs.filter { id in
                severities[id] != nil && RuleCatalog.description(for: id)?.languages.contains(language) == true
            }
            let unused = judged.filter { !used[index].contains($0) }
            guard !unused.isEmpty else { continue }
            let names = unused.map { "`\($0)`" }.joined(separator: ", ")
            engineFindings += finding(
                Self.unusedID, "suppression of \(names) silences nothing: no such finding \(directive.coverageDescription)",
                at: directive.range,
                path: source.path)
        }
        return Result(findings: (kept + engineFindings).sorted(by: Finding.reportOrder), suppressed: suppressed)
    }

    /// Whether only spaces and tabs precede byte `offset` on its line (which a CR also starts,
    /// as in Swift files with CR line endings).
    static func onlyWhitespaceBefore(_ offset: Int, in bytes: [UInt8]) -> Bool {
        var index = offset - 1
        while index >= 0, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
            guard bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") else { return false }
            index -= 1
        }
        return true
    }

    /// The bytes every directive starts with.
    private static let keyword = Array("conclint:ignore".utf8)

    /// Whether `bytes` contain `needle` (non-empty) anywhere.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { text in
            var index = 0
            let last = text.count - needle.count
            while index <= last {
                if text[index] == first {
                    var offset = 1
                    while offset < needle.count, text[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// A finding of engine rule `id` when it is enabled; none otherwise.
    private func finding(_ id: String, _ message: String, at range: SourceRange, path: String) -> [Finding] {
        guard let severity = severities[id], let rule = RuleCatalog.description(for: id) else { return [] }
        return [
            Finding(
                ruleID: id, severity: severity, message: message, path: path, range: range,
                suggestion: rule.suggestion(for: language))
        ]
    }
}
