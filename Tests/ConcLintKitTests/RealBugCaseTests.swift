import ConcModel
import ConcRules
import Foundation
import Testing

@testable import ConcLintKit

/// The reduced real-bug cases in `../shared/cases`: every `expected.txt` line is reported on
/// `bad.*` (or the files of `bad/`), and `good.*` (or `good/`) reports nothing of those rules.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: FixtureSupport.sharedDirectory.appending(path: "cases").path)))
struct RealBugCaseTests {
    static let casesDirectory = FixtureSupport.sharedDirectory.appending(path: "cases")

    /// Cases whose rules conclint implements for the case's language.
    static let implemented: [String] = [
        "G01", "G02", "G03", "G04", "G07", "G09", "S01", "S02", "S04", "S06", "S07",
        "C01", "C04", "C07", "C08", "C10", "C11", "C15", "C17", "C18", "C19", "C21", "C23",
    ]

    /// Rule families the cases name, by the id of the conclint rule that reports them.
    static let ruleIDs = ["lock-order": "lock-order-inversion"]

    /// The case's sources as (path, text): `bad.go` is named `bad`, `bad/main.swift` keeps its path.
    static func sources(_ name: String, _ variant: String) throws -> [(path: String, text: String)] {
        let directory = casesDirectory.appending(path: name)
        let folder = directory.appending(path: variant)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            return try files.filter { $0.hasSuffix(".swift") || $0.hasSuffix(".go") }.map { file in
                ("\(variant)/\(file)", try String(contentsOf: folder.appending(path: file), encoding: .utf8))
            }
        }
        for suffix in ["go", "swift"] {
            let file = directory.appending(path: "\(variant).\(suffix)")
            if FileManager.default.fileExists(atPath: file.path) {
                return [("\(variant).\(suffix)", try String(contentsOf: file, encoding: .utf8))]
            }
        }
        return []
    }

    /// `bad 44 unguarded-field` for a single file, `bad/main.swift 5 …` for a folder's file.
    static func reported(_ name: String, _ variant: String) throws -> [String] {
        let files = try sources(name, variant)
        let reports = Linter.lint(files: files)
        return reports.flatMap { report in
            report.findings.map { finding in
                let path = files.count == 1 ? variant : finding.path
                return "\(path) \(finding.range.start.line) \(finding.ruleID)"
            }
        }
    }

    static func expected(_ name: String) throws -> [String] {
        try String(contentsOf: casesDirectory.appending(path: name).appending(path: "expected.txt"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { line in
                var parts = line.split(separator: " ").map(String.init)
                if let last = parts.last, let id = ruleIDs[last] { parts[parts.count - 1] = id }
                return parts.joined(separator: " ")
            }
    }

    @Test(arguments: implemented)
    func badCaseReportsEveryExpectedLine(_ name: String) throws {
        let reported = Set(try Self.reported(name, "bad"))
        for line in try Self.expected(name) {
            #expect(reported.contains(line), "\(name): missing \(line); reported \(reported.sorted())")
        }
    }

    @Test(arguments: implemented)
    func goodCaseReportsNothing(_ name: String) throws {
        let found = try Self.reported(name, "good")
        #expect(found.isEmpty, "\(name): \(found)")
    }
}
