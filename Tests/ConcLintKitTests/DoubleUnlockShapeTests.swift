import ConcRules
import Testing

@testable import ConcLintKit

/// The shapes of `double-unlock` beyond its fixtures: where a `defer` runs, which paths count,
/// and what in between may take the lock again.
@Suite("Double unlock shapes")
struct DoubleUnlockShapeTests {
    private func lines(_ text: String, path: String) -> [Int] {
        Linter.lint(path: path, text: text).findings.filter { $0.ruleID == "double-unlock" }.map(\.range.start.line)
    }

    /// A Go file whose `run` has `body`, with a same-package function that takes a lock.
    private func go(_ body: String) -> String {
        """
        package main

        import "sync"

        type node struct {
        \tmu   sync.Mutex
        \tnext *node
        }

        func acquire(m *sync.Mutex) { m.Lock() }

        func run(mu *sync.Mutex, p *node, x int) {
        \(body)
        }

        """
    }

    private func swift(_ body: String) -> String {
        """
        import Foundation

        final class Box: @unchecked Sendable {
            let lock = NSLock()
            var value = 0

            func run(_ x: Int) {
        \(body)
            }
        }

        """
    }

    @Test(
        "a Go unlock that the path already made is reported",
        arguments: [
            // A deferred closure that unlocks, after an explicit unlock.
            "\tmu.Lock()\n\tdefer func() { mu.Unlock() }()\n\tmu.Unlock()",
            // An in-place closure's own defer.
            "\tfunc() {\n\t\tmu.Lock()\n\t\tdefer mu.Unlock()\n\t\tmu.Unlock()\n\t}()",
            // A switch arm that returns.
            "\tmu.Lock()\n\tdefer mu.Unlock()\n\tswitch x {\n\tcase 1:\n\t\tmu.Unlock()\n\t\treturn\n\t}",
            // Both arms unlock, and the code after them unlocks again.
            "\tmu.Lock()\n\tif x > 0 {\n\t\tmu.Unlock()\n\t} else {\n\t\tmu.Unlock()\n\t}\n\tmu.Unlock()",
        ])
    func goReported(_ body: String) {
        #expect(lines(go(body), path: "main.go").count == 1)
    }

    @Test(
        "a Go unlock is not reported when some path, or code in between, may have locked again",
        arguments: [
            // Only one arm unlocks.
            "\tmu.Lock()\n\tif x > 0 {\n\t\tmu.Unlock()\n\t}\n\tmu.Unlock()",
            // The defer is registered after the early unlock and return.
            "\tmu.Lock()\n\tif x > 0 {\n\t\tmu.Unlock()\n\t\treturn\n\t}\n\tdefer mu.Unlock()",
            // A closure that locks is called in between.
            "\trelock := func() { mu.Lock() }\n\tmu.Lock()\n\tmu.Unlock()\n\trelock()\n\tmu.Unlock()",
            // A same-package function takes it again.
            "\tmu.Lock()\n\tmu.Unlock()\n\tacquire(mu)\n\tmu.Unlock()",
            // Unknown code is handed the lock.
            "\tmu.Lock()\n\tmu.Unlock()\n\tlockIt(mu)\n\tmu.Unlock()",
            // Work started in between may lock it for this function to release.
            "\tmu.Lock()\n\tmu.Unlock()\n\tgo func() { x++ }()\n\tmu.Unlock()",
            // The variable the lock is reached from moves on.
            "\tp.mu.Lock()\n\tp.mu.Unlock()\n\tp = p.next\n\tp.mu.Unlock()",
            // A defer that unlocks only when a flag says so.
            "\tmu.Lock()\n\tdone := false\n\tdefer func() {\n\t\tif !done {\n\t\t\tmu.Unlock()\n\t\t}\n\t}()\n\tmu.Unlock()\n\tdone = true",
            // A function that only releases the lock it was entered with.
            "\tmu.Unlock()\n\tx++\n\tmu.Unlock()",
        ])
    func goSilent(_ body: String) {
        #expect(lines(go(body), path: "main.go").isEmpty)
    }

    @Test(
        "a Swift unlock that the path already made is reported",
        arguments: [
            // An unlock inside withLock's closure.
            "        lock.withLock {\n            value += 1\n            lock.unlock()\n        }",
            // An explicit unlock before a throw-free early return, with a function-level defer.
            "        lock.lock()\n        defer { lock.unlock() }\n        if x > 0 {\n            lock.unlock()\n            return\n        }",
            // A block's defer ran at the block's end, and the lock is unlocked again after it.
            "        lock.lock()\n        if x > 0 {\n            defer { lock.unlock() }\n            value += 1\n        } else {\n            lock.unlock()\n        }\n        lock.unlock()",
        ])
    func swiftReported(_ body: String) {
        #expect(lines(swift(body), path: "main.swift").count == 1)
    }

    @Test(
        "a Swift unlock is not reported when the lock was taken again, or released once per path",
        arguments: [
            // A guard releases before the defer is registered.
            "        lock.lock()\n        guard x > 0 else {\n            lock.unlock()\n            return\n        }\n        defer { lock.unlock() }\n        value += 1",
            // A loop body's defer releases at the end of each iteration.
            "        for _ in 0..<x {\n            lock.lock()\n            defer { lock.unlock() }\n            value += 1\n        }\n        lock.lock()\n        lock.unlock()",
            // A `continue` runs the loop body's defer before the next iteration.
            "        for i in 0..<x {\n            lock.lock()\n            defer { lock.unlock() }\n            if i == 1 { continue }\n            value += 1\n        }",
            // withLock's closure drops the lock and takes it back.
            "        lock.withLock {\n            lock.unlock()\n            value += 1\n            lock.lock()\n        }",
        ])
    func swiftSilent(_ body: String) {
        #expect(lines(swift(body), path: "main.swift").isEmpty)
    }
}
