import ConcModel
import Foundation
import Testing

/// The reduced real-bug cases in `../shared/cases`: every `expected.txt` line is reported on
/// `bad.*`, and `good.*` reports nothing.
@Suite struct RealBugCaseTests {
    static let casesDirectory = FixtureSupport.sharedDirectory.appending(path: "cases")

    /// Cases whose rules conclint implements for the case's language.
    static let implemented: [String] = ["G01", "G02", "G03", "G04", "G07", "G09", "S01", "S02", "S04", "S06", "S07"]

    @Test(arguments: implemented)
    func badCaseReportsEveryExpectedLine(_ name: String) throws {
        let directory = Self.casesDirectory.appending(path: name)
        guard FileManager.default.fileExists(atPath: directory.path) else {
            print("skipped: \(directory.path) is absent (../shared is not beside this clone)")
            return
        }
        let language: Language = name.hasPrefix("G") ? .go : .swift
        let source = try String(contentsOf: directory.appending(path: "bad.\(language == .go ? "go" : "swift")"), encoding: .utf8)
        let found = FixtureSupport.findings(path: "bad", text: source, language: language)
        let reported = Set(found.map { "bad \($0.range.start.line) \($0.ruleID)" })
        let expected = try String(contentsOf: directory.appending(path: "expected.txt"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for line in expected {
            #expect(reported.contains(line), "\(name): missing \(line); reported \(reported.sorted())")
        }
    }

    @Test(arguments: implemented)
    func goodCaseReportsNothing(_ name: String) throws {
        let directory = Self.casesDirectory.appending(path: name)
        guard FileManager.default.fileExists(atPath: directory.path) else {
            print("skipped: \(directory.path) is absent (../shared is not beside this clone)")
            return
        }
        let language: Language = name.hasPrefix("G") ? .go : .swift
        let source = try String(contentsOf: directory.appending(path: "good.\(language == .go ? "go" : "swift")"), encoding: .utf8)
        let found = FixtureSupport.findings(path: "good", text: source, language: language)
        #expect(found.isEmpty, "\(name): \(found.map { "\($0.range.start.line) \($0.ruleID): \($0.message)" })")
    }
}
