import ConcModel
import ConcReport
import ConcRules
import Foundation

/// `--fix`: applies the `safe` fixes of a run to the files in place.
///
/// Per file, atomically: the new text is written to a temporary file in the same directory and
/// renamed over the original, so a reader sees the old file or the new one, never half of one.
/// A file is left alone when it had syntax errors or invalid UTF-8 (its fixes were computed from
/// a partial tree), or when its bytes on disk are no longer the bytes that were linted.
public struct FixApplier: Sendable {
    /// What applying did.
    public struct Outcome: Sendable {
        /// Files written, with how many fixes each got, by path.
        public var applied: [String: Int] = [:]
        /// One line per thing left undone and why, for standard error.
        public var notices: [String] = []

        /// Fixes applied in all files.
        public var fixCount: Int { applied.values.reduce(0, +) }
    }

    public init() {}

    /// Applies the safe fixes of `run`'s findings (never suppressed ones).
    public func apply(_ run: LintRun) -> Outcome {
        var outcome = Outcome()
        let unsafeFiles = Set(run.problems.filter { [.syntaxError, .invalidEncoding, .tooComplex].contains($0.kind) }.map(\.path))
        let byPath = Dictionary(grouping: run.findings, by: \.path)
        for path in byPath.keys.sorted() {
            let plan = FixPlan(byPath[path]!)
            for entry in plan.dropped {
                let start = entry.fix.edits.first?.range.start ?? entry.finding.range.start
                outcome.notices.append(
                    "\(path):\(start.line):\(start.column): fix not applied, it overlaps an earlier fix: \(entry.fix.message) [\(entry.finding.ruleID)]")
            }
            guard !plan.accepted.isEmpty else { continue }
            guard !unsafeFiles.contains(path) else {
                outcome.notices.append("\(path): not fixed: the file has syntax errors or is not clean UTF-8")
                continue
            }
            guard let source = run.sources[path] else { continue }
            do {
                try Self.replace(path, expecting: source.bytes, with: TextEdit.apply(plan.edits, to: source.bytes))
                outcome.applied[path] = plan.accepted.count
            } catch {
                outcome.notices.append("\(path): not fixed: \(error.description)")
            }
        }
        return outcome
    }

    /// Why a file was not written.
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Replaces the content of `path` by `bytes` when it still holds `expected`: writes a
    /// temporary file next to it with the same permissions and renames it over the original.
    static func replace(_ path: String, expecting expected: [UInt8], with bytes: [UInt8]) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        guard let current = try? Data(contentsOf: url) else { throw WriteError(description: "it can no longer be read") }
        guard [UInt8](current) == expected else { throw WriteError(description: "it changed since it was read") }
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).conclint-fix-\(UUID().uuidString)")
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard FileManager.default.createFile(
            atPath: temporary.path, contents: Data(bytes),
            attributes: attributes?[.posixPermissions].map { [.posixPermissions: $0] })
        else { throw WriteError(description: "cannot write a temporary file in \(directory.path)") }
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(description: "cannot replace it: \(reason)")
        }
    }
}
