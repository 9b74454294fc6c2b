import ConcRules
import Testing

@testable import ConcLintKit

@Suite("Swift lock.try()")
struct SwiftTryLockTests {
    private func lockFindings(_ body: String) -> Int {
        let text = "import Foundation\nlet lock = NSLock()\nvar count = 0\nfunc run(_ x: Int) {\n\(body)\n}\n"
        return Linter.lint(path: "main.swift", text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == "lock-without-unlock" }.count
    }

    @Test(
        "after `guard lock.try()` and inside `if lock.try()` the lock is held, in a file with no other lock call",
        arguments: [
            ("    guard lock.try() else { return }\n    if x < 0 { return }\n    count += 1\n    lock.unlock()", 1),
            ("    if lock.try() {\n        if x < 0 { return }\n        count += 1\n        lock.unlock()\n    }", 1),
            ("    guard lock.try() else { return }\n    defer { lock.unlock() }\n    if x < 0 { return }", 0),
            ("    if lock.try() {\n        lock.unlock()\n    }\n    if x < 0 { return }", 0),
        ])
    func tryLock(body: String, expected: Int) {
        #expect(lockFindings(body) == expected, "\(body)")
    }
}
