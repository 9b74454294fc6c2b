import ConcModel
import ConcReport
import ConcRules
import Foundation

/// Accepted findings, recorded by fingerprint so a code base can adopt conclint and fail only on
/// new findings (`--write-baseline FILE`, then `--baseline FILE`).
///
/// A finding is identified by its rule id, its path relative to the baseline file's folder, and
/// the `primaryLocationLineHash` of its line (``ConcReport/LineHashFingerprint``, the hash GitHub
/// code scanning uses): edits above a finding keep it matched; editing its line or the ~100
/// non-blank characters after it makes it new. Entries are a multiset: two identical findings
/// need two entries. The message is stored for the reader, not matched.
///
/// The file is JSON: `{"version": 1, "findings": [{"rule", "path", "fingerprint", "message"}]}`,
/// entries sorted, pretty-printed.
public struct Baseline: Codable, Sendable, Equatable {
    /// The format version this code writes and reads.
    public static let currentVersion = 1

    /// One accepted finding.
    public struct Entry: Codable, Sendable, Hashable, Comparable {
        /// The rule id.
        public var rule: String
        /// The path relative to the baseline file's folder, `/`-separated.
        public var path: String
        /// The line hash (`hash:occurrence`).
        public var fingerprint: String
        /// The finding's message when it was recorded.
        public var message: String

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.path, lhs.rule, lhs.fingerprint, lhs.message) < (rhs.path, rhs.rule, rhs.fingerprint, rhs.message)
        }
    }

    /// The format version: 1.
    public var version: Int
    /// The accepted findings, sorted.
    public var findings: [Entry]
    /// The absolute folder entry paths are relative to (not stored in the file).
    public var baseDirectory: String = "/"
    /// The file it was read from, for justifications (not stored).
    public var path: String = ""

    enum CodingKeys: String, CodingKey {
        case version
        case findings
    }

    /// The baseline of every finding in `run`, relative to `baseDirectory`.
    public init(run: LintRun, baseDirectory: String, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.version = Self.currentVersion
        self.baseDirectory = baseDirectory
        var hashes: [String: LineHashFingerprint] = [:]
        findings = run.findings.compactMap { finding in
            guard let key = Self.key(of: finding, in: run, hashes: &hashes, base: baseDirectory, cwd: workingDirectory) else {
                return nil
            }
            return Entry(rule: finding.ruleID, path: key.path, fingerprint: key.fingerprint, message: finding.message)
        }.sorted()
    }

    /// Reads a baseline file.
    ///
    /// - Throws: ``ConfigurationError`` when the file is missing, not JSON of this shape, or of
    ///   another version.
    public static func load(path: String) throws(ConfigurationError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, message: "no such baseline file", hint: "write one with --write-baseline \(path)")
        }
        var baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw ConfigurationError(
                path: path, message: "not a conclint baseline file", hint: "write it with --write-baseline \(path)")
        }
        guard baseline.version == currentVersion else {
            throw ConfigurationError(
                path: path, message: "baseline version \(baseline.version) is not supported",
                hint: "this conclint reads version \(currentVersion); write it again with --write-baseline")
        }
        baseline.path = path
        baseline.baseDirectory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        return baseline
    }

    /// The file's JSON text.
    public func text() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// `run` with every finding this baseline accepts moved to ``ConcReport/LintRun/suppressed``
    /// (kind `external`); each entry accepts at most one finding.
    public func applied(to run: LintRun, workingDirectory: String = FileManager.default.currentDirectoryPath) -> LintRun {
        var remaining: [Entry: Int] = [:]
        for entry in findings {
            remaining[Entry(rule: entry.rule, path: entry.path, fingerprint: entry.fingerprint, message: ""), default: 0] += 1
        }
        var hashes: [String: LineHashFingerprint] = [:]
        var result = run
        result.findings = []
        for finding in run.findings {
            if let key = Self.key(of: finding, in: run, hashes: &hashes, base: baseDirectory, cwd: workingDirectory) {
                let lookup = Entry(rule: finding.ruleID, path: key.path, fingerprint: key.fingerprint, message: "")
                if let count = remaining[lookup], count > 0 {
                    remaining[lookup] = count - 1
                    result.suppressed.append(
                        SuppressedFinding(finding: finding, kind: .external, justification: "accepted in baseline \(path)"))
                    continue
                }
            }
            result.findings.append(finding)
        }
        result.suppressed.sort { Finding.reportOrder($0.finding, $1.finding) }
        return result
    }

    /// A finding's baseline path and fingerprint, or `nil` when its source is unknown.
    private static func key(
        of finding: Finding, in run: LintRun, hashes: inout [String: LineHashFingerprint], base: String, cwd: String
    ) -> (path: String, fingerprint: String)? {
        guard let source = run.sources[finding.path] else { return nil }
        let hasher = hashes[finding.path] ?? LineHashFingerprint(bytes: source.bytes)
        hashes[finding.path] = hasher
        guard let fingerprint = hasher.hash(ofLine: finding.range.start.line) else { return nil }
        return (relative(finding.path, base: base, cwd: cwd), fingerprint)
    }

    /// `path` relative to `base` when inside it, else standardized absolute.
    static func relative(_ path: String, base: String, cwd: String) -> String {
        let absolute = URL(fileURLWithPath: path.hasPrefix("/") ? path : cwd + "/" + path).standardizedFileURL.path
        let root = URL(fileURLWithPath: base).standardizedFileURL.path
        let prefix = root == "/" ? "/" : root + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
