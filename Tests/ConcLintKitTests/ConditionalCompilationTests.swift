import ConcLintKit
import ConcModel
import SwiftFrontend
import Testing

@Suite("Conditional compilation")
struct ConditionalCompilationTests {
    private func rules(_ text: String) -> [String] {
        Linter.lint(path: "a.swift", text: text).findings.map { "\($0.range.start.line) \($0.ruleID)" }
    }

    @Test("a spawn inside a #if in a function body is analysed")
    func statementLevelClauseIsLowered() {
        let text = """
            import Foundation
            var total = 0
            func run() {
            #if DEBUG
                DispatchQueue.concurrentPerform(iterations: 10) { i in
                    total += i
                }
            #endif
            }
            """
        #expect(rules(text) == ["6 shared-mutable-capture"])
    }

    @Test("declarations inside #if at file and member level are analysed, nested #if included")
    func declarationLevelClausesAreLowered() {
        let text = """
            import Foundation
            #if os(Linux)
            final class Meter: @unchecked Sendable {
                #if DEBUG
                #if canImport(Foundation)
                var hits = 0
                #endif
                func record() {
                    Task.detached { self.hits += 1 }
                }
                #endif
            }
            #endif
            """
        #expect(rules(text) == ["9 shared-mutable-capture"])
    }

    @Test("#if alternatives lower to one branch, exhaustive with #else; a lone clause lowers in place")
    func clausesAreAlternatives() throws {
        func topLevelSteps(_ text: String) throws -> [Step] {
            let unit = SwiftFrontend.lower(SourceFile(path: "a.swift", text: text)).unit
            return try #require(unit.functions.first { $0.kind == .topLevel }).body
        }
        let alternatives = try topLevelSteps("""
            Thread.sleep(forTimeInterval: 1)
            #if os(Linux)
            Thread.sleep(forTimeInterval: 1)
            #elseif os(macOS)
            usleep(10)
            #else
            sleep(1)
            #endif
            """)
        let branches = alternatives.compactMap { step -> Branch? in
            if case .branch(let branch) = step { return branch } else { return nil }
        }
        #expect(branches.count == 1)
        #expect(branches.first?.arms.count == 3)
        #expect(branches.first?.isExhaustive == true)
        let lone = try topLevelSteps("Thread.sleep(forTimeInterval: 1)\n#if DEBUG\nusleep(10)\n#endif\n")
        #expect(!lone.contains { if case .branch = $0 { return true } else { return false } })
        #expect(lone.filter { if case .sleep = $0 { return true } else { return false } }.count == 2)
    }
}
