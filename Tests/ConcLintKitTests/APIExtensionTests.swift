import ConcModel
import ConcRules
import Foundation
import GoFrontend
import SwiftFrontend
import Testing

@testable import ConcLintKit

/// Spawn, wait and lock APIs declared in `.conclint.yml` reach the concurrency model.
@Suite("Declared APIs")
struct APIExtensionTests {
    private let goProgram = """
        package main

        func safeGo(f func()) { go f() }

        func main() {
        \tcount := 0
        \tsafeGo(func() {
        \t\tcount++
        \t})
        \tprintln(count)
        \twaitAll()
        }

        func waitAll() {}

        """

    @Test("a declared Go spawn becomes a user-declared spawn whose body is the function literal")
    func goSpawn() {
        let unit = GoFrontend.lower(SourceFile(path: "m.go", text: goProgram), languageVersion: nil, extensions: APIExtensions([.spawn: ["safeGo"]])).unit
        let spawns = unit.functions.flatMap(\.body).compactMap { step -> Spawn? in
            if case .spawn(let spawn) = step { return spawn }
            return nil
        }
        #expect(spawns.contains { $0.kind == .userDeclared && $0.body != nil && $0.api == "safeGo" })
        let plain = Linter.lint(path: "m.go", text: goProgram)
        let declared = Linter.lint(path: "m.go", text: goProgram, extensions: APIExtensions([.spawn: ["safeGo"]]))
        #expect(!plain.findings.contains { $0.ruleID == "shared-mutable-capture" })
        #expect(declared.findings.contains { $0.ruleID == "shared-mutable-capture" })
    }

    @Test("work started by a declared Go spawn needs waiting for, and a declared wait satisfies missing-wait")
    func goWait() {
        let text = "package main\n\nfunc main() {\n\tsafeGo(func() { work() })\n\twaitAll()\n}\n"
        let spawnOnly = Linter.lint(path: "m.go", text: text, extensions: APIExtensions([.spawn: ["safeGo"]]))
        #expect(spawnOnly.findings.map(\.ruleID) == ["missing-wait"])
        #expect(spawnOnly.findings.first?.message.hasPrefix("spawned function is never waited for") == true)
        let withWait = Linter.lint(path: "m.go", text: text, extensions: APIExtensions([.spawn: ["safeGo"], .wait: ["waitAll"]]))
        #expect(withWait.findings.isEmpty)
    }

    @Test("a declared Swift spawn runs its trailing closure concurrently")
    func swiftSpawn() {
        let text = """
            var hits = 0
            func runDetached(_ body: @escaping () -> Void) {}
            runDetached {
                hits += 1
            }
            print(hits)

            """
        #expect(!Linter.lint(path: "m.swift", text: text).findings.contains { $0.ruleID == "shared-mutable-capture" })
        let declared = Linter.lint(path: "m.swift", text: text, extensions: APIExtensions([.spawn: ["runDetached"]]))
        #expect(declared.findings.contains { $0.ruleID == "shared-mutable-capture" })
    }

    @Test("declared lock and unlock calls are lock steps on their receiver")
    func swiftLocks() {
        let text = """
            final class Box {
                let gate = Gate()
                func f() {
                    gate.enterCritical()
                    gate.leaveCritical()
                }
            }

            """
        let unit = SwiftFrontend.lower(
            SourceFile(path: "m.swift", text: text), extensions: APIExtensions([.lock: ["enterCritical"], .unlock: ["leaveCritical"]])).unit
        let kinds = unit.functions.flatMap(\.body).compactMap { step -> Sync.Kind? in
            if case .sync(let sync) = step { return sync.kind }
            return nil
        }
        #expect(kinds == [.lock, .unlock])
    }

    @Test("callee patterns: a bare name matches any receiver, a dotted name the written callee")
    func patterns() {
        let apis = APIExtensions([.spawn: ["safeGo", "pool.Submit"]])
        #expect(apis.role(calleeText: "util.safeGo", name: "safeGo") == .spawn)
        #expect(apis.role(calleeText: "pool.Submit", name: "Submit") == .spawn)
        #expect(apis.role(calleeText: "s.pool.Submit", name: "Submit") == .spawn)
        #expect(apis.role(calleeText: "other.Submit", name: "Submit") == nil)
    }
}
