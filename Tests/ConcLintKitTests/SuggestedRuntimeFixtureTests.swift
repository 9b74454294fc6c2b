import ConcModel
import ConcRules
import Foundation
import Testing

/// Every ConcRuntime API a Swift suggestion names is used by a corrected (`good_*`) fixture of
/// that rule, so `conclint fixtures run` compiles and runs the suggestion itself.
@Suite("Suggestions run as fixtures")
struct SuggestedRuntimeFixtureTests {
    /// A ConcRuntime spelling as a suggestion writes it, and the text a fixture using it contains.
    static let runtimeAPIs: [(suggested: String, used: String)] = [
        ("withThreadScope", "withThreadScope"),
        ("parallelMap", ".parallelMap"),
        ("parallelForEach", ".parallelForEach"),
        ("parallelReduce", ".parallelReduce"),
        ("parallelFilter", ".parallelFilter"),
        ("Channel.bounded", ">.bounded("),
        ("await sender.send", "await sender.send("),
        ("for await v in receiver", "in receiver"),
    ]

    static let swiftRules = RuleCatalog.all.filter { $0.suggestions[.swift] != nil }.map(\.id)

    @Test("each ConcRuntime API a Swift suggestion names is used by a good fixture", arguments: swiftRules)
    func suggestionIsRunByAGoodFixture(_ ruleID: String) throws {
        let suggestion = try #require(RuleCatalog.all.first { $0.id == ruleID }?.suggestions[.swift])
        let folder = FixtureSupport.repositoryRoot.appending(path: "Fixtures/swift/\(ruleID)")
        let goodFixtures = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("good_") && $0.hasSuffix(".swift") }
            .map { try String(contentsOf: folder.appending(path: $0), encoding: .utf8) }
            .filter { $0.contains("import ConcRuntime") }
        for api in Self.runtimeAPIs where suggestion.contains(api.suggested) {
            #expect(
                goodFixtures.contains { $0.contains(api.used) },
                "\(ruleID) suggests `\(api.suggested)` but no good_*.swift fixture importing ConcRuntime uses it")
        }
    }

    @Test("every suggestion that names ConcRuntime names one of the APIs checked here")
    func runtimeSuggestionsAreCovered() {
        for rule in RuleCatalog.all {
            guard let suggestion = rule.suggestions[.swift], suggestion.contains("ConcRuntime") else { continue }
            #expect(Self.runtimeAPIs.contains { suggestion.contains($0.suggested) }, "\(rule.id): \(suggestion)")
        }
    }
}
