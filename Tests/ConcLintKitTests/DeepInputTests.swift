import ConcReport
import ConcRules
import Testing

@testable import ConcLintKit

/// Pathological nesting is reported or analysed, never a crash, and the other files' findings
/// survive it.
@Suite("Deep input")
struct DeepInputTests {
    @Test("a 3,000-arm else-if chain is one branch: the lock leak after it is still found")
    func longElseIfChain() async throws {
        let arms = (1..<3_000).map { " else if x == \($0) {\n    }" }.joined()
        let text = "import Foundation\nlet l = NSLock()\nfunc f(_ x: Int) throws {\n    l.lock()\n    if x == 0 {\n    }\(arms)\n    if x < 0 { return }\n    l.unlock()\n}\n"
        let findings = Linter.lint(path: "chain.swift", text: text, severities: RuleEngine.defaultSeverities).findings
        #expect(findings.map(\.ruleID) == ["lock-without-unlock"])
    }

    @Test("a Go sum of 2,000 terms parses and the race after it is still found")
    func longGoOperatorChain() async throws {
        try await withTemporaryDirectory { root in
            let sum = "x" + String(repeating: " + x", count: 2_000)
            try write("package p\n\nimport \"sync\"\n\nfunc f(x int) int {\n\treturn \(sum)\n}\n\n"
                + "func g() {\n\tn := 0\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 3; i++ {\n\t\twg.Add(1)\n"
                + "\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tn++\n\t\t}()\n\t}\n\twg.Wait()\n}\n",
                to: root + "/chain.go")
            let run = try await Linter(options: LintOptions(paths: [root], jobs: 1)).run()
            #expect(run.problems.isEmpty)
            #expect(run.findings.map(\.ruleID) == ["shared-mutable-capture"])
        }
    }

    @Test("a 20,000-link member chain is reported as too deep, and another file's finding is still reported")
    func longMemberChain() async throws {
        try await withTemporaryDirectory { root in
            try write("import Foundation\nlet l = NSLock()\nfunc f() { l.lock(); x" + String(repeating: ".a()", count: 20_000) + "; l.unlock() }\n",
                      to: root + "/deep.swift")
            try write("package main\n\nimport \"time\"\n\nfunc main() {\n\tgo func() {}()\n\ttime.Sleep(time.Second)\n}\n", to: root + "/main.go")
            var options = LintOptions(paths: [root], jobs: 2)
            options.enabledRules = ["sleep-as-sync"]  // main.go's finding is this opt-in rule's
            let run = try await Linter(options: options).run()
            #expect(run.problems.contains { $0.path.hasSuffix("deep.swift") && $0.kind == .tooComplex })
            #expect(run.findings.contains { $0.path.hasSuffix("main.go") })
        }
    }
}
