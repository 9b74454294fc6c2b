import ConcRules
import Testing

@testable import ConcLintKit

/// Locks left held by a `continue`, and Go read/write locks released with the other kind's
/// unlock.
@Suite("Lock release shapes")
struct LockReleaseShapeTests {
    private func lockMessages(_ text: String, path: String) -> [String] {
        Linter.lint(path: path, text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == "lock-without-unlock" }.map(\.message)
    }

    private func goLoop(_ body: String) -> String {
        """
        package main

        import "sync"

        var mu sync.Mutex

        type node struct {
        \tmu   sync.Mutex
        \tnext *node
        }

        var head *node

        func release(m *sync.Mutex) { m.Unlock() }

        func run(words []string) {
        \(body)
        }

        """
    }

    @Test("a continue between Lock and the loop's Unlock leaves the lock held for the next iteration")
    func continueWhileLocked() {
        let messages = lockMessages(goLoop("""
            \tfor _, w := range words {
            \t\tmu.Lock()
            \t\tif w == "" {
            \t\t\tcontinue
            \t\t}
            \t\tmu.Unlock()
            \t}
            """), path: "main.go")
        #expect(messages.count == 1)
        #expect(messages.first?.contains("`continue`") == true)
    }

    @Test(
        "a continue is not a leak when the lock was released first, is held at the loop's top, or was handed to a call",
        arguments: [
            "\tfor _, w := range words {\n\t\tmu.Lock()\n\t\tmu.Unlock()\n\t\tif w == \"\" {\n\t\t\tcontinue\n\t\t}\n\t}",
            "\tmu.Lock()\n\tfor _, w := range words {\n\t\tmu.Unlock()\n\t\t_ = w\n\t\tmu.Lock()\n\t\tcontinue\n\t}\n\tmu.Unlock()",
            "\tfor _, w := range words {\n\t\tmu.Lock()\n\t\tif w == \"\" {\n\t\t\trelease(&mu)\n\t\t\tcontinue\n\t\t}\n\t\tmu.Unlock()\n\t}",
            "\tfor _, w := range words {\n\t\tmu.Lock()\n\t\tfor range words {\n\t\t\tcontinue\n\t\t}\n\t\t_ = w\n\t\tmu.Unlock()\n\t}",
        ])
    func continueWithoutLeak(body: String) {
        #expect(lockMessages(goLoop(body), path: "main.go").isEmpty)
    }

    @Test("a Swift defer in the loop body releases the lock on continue; without it the continue leaks")
    func swiftContinue() {
        func source(_ body: String) -> String {
            """
            import Foundation
            let lock = NSLock()
            func run(_ words: [String]) {
                for word in words {
                    lock.lock()
            \(body)
                    lock.unlock()
                }
            }

            """
        }
        #expect(lockMessages(source("        if word.isEmpty { continue }"), path: "main.swift").count == 1)
        let deferred = source("        defer { lock.unlock() }\n        if word.isEmpty { continue }")
            .replacingOccurrences(of: "        lock.unlock()\n    }\n}", with: "    }\n}")
        #expect(lockMessages(deferred, path: "main.swift").isEmpty)
    }

    @Test("RLock released with Unlock, and Lock released with RUnlock, are reported at the release")
    func mismatchedRelease() {
        let text = """
            package main

            import "sync"

            type T struct{ mu sync.RWMutex }

            func (t *T) read() {
            \tt.mu.RLock()
            \tdefer t.mu.Unlock()
            }

            func (t *T) write() {
            \tt.mu.Lock()
            \tt.mu.RUnlock()
            }

            func (t *T) fine() {
            \tt.mu.RLock()
            \tt.mu.RUnlock()
            \tt.mu.Lock()
            \tt.mu.Unlock()
            }

            func (t *T) tried() {
            \tif t.mu.TryRLock() {
            \t\tt.mu.RUnlock()
            \t}
            \tt.mu.Lock()
            \tt.mu.Unlock()
            }

            """
        let findings = Linter.lint(path: "main.go", text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == "lock-without-unlock" }
        #expect(findings.map(\.range.start.line) == [9, 14])
        #expect(findings.first?.message.contains("use `RUnlock()`") == true)
        #expect(findings.last?.message.contains("use `Unlock()`") == true)
    }

    @Test(
        "a try between lock and unlock leaks unless a catch takes every error",
        arguments: [
            ("let v = try load()", 1),
            ("let v = try? load()", 0),
            ("let v = try! load()", 0),
            ("do { let v = try load() } catch { }", 0),
            ("do { let v = try load() } catch let failure { _ = failure }", 0),
            ("do { let v = try load() } catch _ { }", 0),
            ("do { let v = try load() } catch is CancellationError { }", 1),
            ("do { let v = try load() } catch let failure where failure is CancellationError { }", 1),
            ("do { throw Failure() } catch { }", 0),
        ])
    func tryBetweenLockAndUnlock(statement: String, expected: Int) {
        let text = """
            import Foundation
            struct Failure: Error {}
            let lock = NSLock()
            func load() throws -> Int { 1 }
            func run() throws {
                lock.lock()
                \(statement)
                lock.unlock()
            }

            """
        #expect(lockMessages(text, path: "main.swift").count == expected, "\(statement)")
    }

    @Test(
        "a loop break that skips the unlock leaks unless the code after the loop releases the lock; a switch break does not leave the loop",
        arguments: [
            ("\tfor _, w := range words {\n\t\tmu.Lock()\n\t\tif w == \"\" {\n\t\t\tbreak\n\t\t}\n\t\tmu.Unlock()\n\t}", 1),
            ("\tfor _, w := range words {\n\t\tmu.Lock()\n\t\tif w == \"\" {\n\t\t\tbreak\n\t\t}\n\t\tmu.Unlock()\n\t}\n\tdefer mu.Unlock()", 0),
            ("\tfor _, w := range words {\n\t\tmu.Lock()\n\t\tswitch w {\n\t\tcase \"\":\n\t\t\tbreak\n\t\t}\n\t\tmu.Unlock()\n\t}", 0),
            ("\tfor _, w := range words {\n\t\tmu.Lock()\n\t\tselect {\n\t\tdefault:\n\t\t\tbreak\n\t\t}\n\t\t_ = w\n\t\tmu.Unlock()\n\t}", 0),
        ])
    func breakWhileLocked(body: String, expected: Int) {
        #expect(lockMessages(goLoop(body), path: "main.go").count == expected, "\(body)")
    }

    @Test("labeled breaks and continues leave the loop their label names; a select break leaves only the select")
    func labeledJumps() {
        let breakOuter = "outer:\n\tfor _, w := range words {\n\t\tmu.Lock()\n\t\tfor range w {\n\t\t\tbreak outer\n\t\t}\n\t\tmu.Unlock()\n\t}"
        let continueOuter = breakOuter.replacingOccurrences(of: "break outer", with: "continue outer")
        let breakInner = "outer:\n\tfor _, w := range words {\n\t\tmu.Lock()\n\tinner:\n\t\tfor range w {\n\t\t\tbreak inner\n\t\t}\n\t\tmu.Unlock()\n\t}"
        let selectBreak = "\tfor {\n\t\tmu.Lock()\n\t\tselect {\n\t\tdefault:\n\t\t\tbreak\n\t\t}\n\t\tmu.Unlock()\n\t\tif len(words) > 0 {\n\t\t\treturn\n\t\t}\n\t}"
        #expect(lockMessages(goLoop(breakOuter), path: "main.go").count == 1)
        #expect(lockMessages(goLoop(continueOuter), path: "main.go").first?.contains("`continue`") == true)
        #expect(lockMessages(goLoop(breakInner), path: "main.go").isEmpty)
        #expect(lockMessages(goLoop(selectBreak), path: "main.go").isEmpty)
    }

    @Test("a Swift labeled break out of nested loops, and a break that ends a switch case, skip the unlock")
    func swiftLabeledAndSwitchBreaks() {
        let labeled = """
            import Foundation
            let lock = NSLock()
            func run(_ rows: [[Int]]) {
                outer: for row in rows {
                    lock.lock()
                    for value in row where value < 0 { break outer }
                    lock.unlock()
                }
            }

            """
        let switchBreak = """
            import Foundation
            let lock = NSLock()
            func run(_ kind: Int, skip: Bool) {
                switch kind {
                case 1:
                    lock.lock()
                    if skip { break }
                    lock.unlock()
                default:
                    break
                }
            }

            """
        #expect(lockMessages(labeled, path: "main.swift").count == 1)
        #expect(lockMessages(switchBreak, path: "main.swift").first?.contains("after the switch") == true)
    }

    @Test(
        "a deferred unlock inside a loop that goes round again is reported; one followed by leaving, or of a lock the loop moves on, is not",
        arguments: [
            ("\tfor range words {\n\t\tmu.Lock()\n\t\tdefer mu.Unlock()\n\t}", 1),
            ("\tfor _, w := range words {\n\t\tif w == \"x\" {\n\t\t\tmu.Lock()\n\t\t\tdefer mu.Unlock()\n\t\t\treturn\n\t\t}\n\t}", 0),
            ("\tfor _, w := range words {\n\t\tif w == \"x\" {\n\t\t\tmu.Lock()\n\t\t\tdefer mu.Unlock()\n\t\t}\n\t\treturn\n\t}", 0),
            ("\tfor range words {\n\t\tfunc() {\n\t\t\tmu.Lock()\n\t\t\tdefer mu.Unlock()\n\t\t}()\n\t}", 0),
            ("\tfor i := 0; i < 1; i++ {\n\t\tmu.Lock()\n\t\tdefer mu.Unlock()\n\t}", 0),
            ("\tfor n := head; n != nil; n = n.next {\n\t\tn.mu.Lock()\n\t\tdefer n.mu.Unlock()\n\t}", 0),
        ])
    func deferredUnlockInLoop(body: String, expected: Int) {
        let found = lockMessages(goLoop(body), path: "main.go").filter { $0.contains("`defer`") }
        #expect(found.count == expected, "\(body)")
    }

    @Test(
        "a successful TryLock holds the lock: in the body of `if mu.TryLock()`, and after `if !mu.TryLock() { return }`",
        arguments: [
            ("\tif !mu.TryLock() {\n\t\treturn\n\t}\n\tif len(words) == 0 {\n\t\treturn\n\t}\n\tmu.Unlock()", 1),
            ("\tif mu.TryLock() {\n\t\tif len(words) == 0 {\n\t\t\treturn\n\t\t}\n\t\tmu.Unlock()\n\t}", 1),
            ("\tif !mu.TryLock() {\n\t\treturn\n\t}\n\tdefer mu.Unlock()\n\tif len(words) == 0 {\n\t\treturn\n\t}", 0),
            ("\tif mu.TryLock() {\n\t\tmu.Unlock()\n\t}\n\tif len(words) == 0 {\n\t\treturn\n\t}", 0),
        ])
    func tryLock(body: String, expected: Int) {
        #expect(lockMessages(goLoop(body), path: "main.go").count == expected, "\(body)")
    }
}
