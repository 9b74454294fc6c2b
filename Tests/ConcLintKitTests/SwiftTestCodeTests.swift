import ConcRules
import Testing

@testable import ConcLintKit

/// Which Swift files count as test code, where streams and fan-outs are fed a known few values.
@Suite("Swift test code")
struct SwiftTestCodeTests {
    private static let bus = """
        final class Bus: @unchecked Sendable {
            private var continuation: AsyncStream<Int>.Continuation?
            lazy var events: AsyncStream<Int> = AsyncStream { self.continuation = $0 }
            func publish(_ value: Int) { continuation?.yield(value) }
        }

        """

    private func ruleIDs(path: String, text: String) -> [String] {
        Linter.lint(path: path, text: text, severities: RuleEngine.defaultSeverities).findings.map(\.ruleID)
    }

    @Test("a library file is linted; the same code in a SwiftPM Tests folder is test code")
    func testsFolder() {
        #expect(ruleIDs(path: "Sources/App/Bus.swift", text: Self.bus) == ["unbounded-channel"])
        #expect(ruleIDs(path: "Tests/AppTests/Helpers/Bus.swift", text: Self.bus).isEmpty)
    }

    @Test("an XCTest import inside #if canImport marks the file as test code")
    func conditionalImport() {
        let text = "#if canImport(Network)\nimport XCTest\n#endif\n" + Self.bus
        #expect(ruleIDs(path: "Sources/App/Bus.swift", text: text).isEmpty)
    }

    @Test("a folder merely named like tests (AppTests) is not a test target")
    func folderNamedLikeTests() {
        #expect(ruleIDs(path: "Sources/AppTests/Bus.swift", text: Self.bus) == ["unbounded-channel"])
    }
}
