import ConcRules
import Testing

@testable import ConcLintKit

/// Per-file rules follow a call or a `go f()` into the declared function of the file it runs:
/// a helper that returns holding a lock takes it for its caller, a spawned function's first
/// `wg.Add` counts it inside the work, and what a spawned function writes through its pointer
/// parameters is its creator's.
@Suite("Rules follow same-file callees")
struct CalleeFollowingTests {
    private func messages(_ rule: String, _ text: String, path: String = "main.go") -> [String] {
        Linter.lint(path: path, text: text, severities: RuleEngine.defaultSeverities).findings
            .filter { $0.ruleID == rule }.map(\.message)
    }

    private func goStore(helpers: String, body: String) -> String {
        """
        package main

        import (
        \t"errors"
        \t"sync"
        )

        type store struct {
        \tmu      sync.Mutex
        \tbalance int
        }

        \(helpers)

        func (s *store) withdraw(amount int) error {
        \(body)
        \treturn nil
        }

        func main() { _ = (&store{}).withdraw(1); _ = errors.New }

        """
    }

    private let earlyReturn = "\t\tif amount > s.balance {\n\t\t\treturn errors.New(\"short\")\n\t\t}\n"

    @Test("a lock taken through a helper that returns holding it and left held on an early return is reported at the call")
    func leakThroughLockHelper() {
        let found = messages("lock-without-unlock", goStore(
            helpers: "func (s *store) lockBalance() { s.mu.Lock() }\n\nfunc (s *store) unlockBalance() { s.mu.Unlock() }",
            body: "\ts.lockBalance()\n" + earlyReturn + "\ts.balance -= amount\n\ts.unlockBalance()"))
        #expect(found.count == 1)
        #expect(found.first?.contains("`s.mu`") == true)
    }

    @Test("the caller's lock is named through its own receiver, whatever the helper calls its receiver")
    func receiverMapped() {
        let found = messages("lock-without-unlock", goStore(
            helpers: "func (x *store) lockBalance() { x.mu.Lock() }",
            body: "\ts.lockBalance()\n" + earlyReturn + "\ts.balance -= amount\n\ts.mu.Unlock()"))
        #expect(found.count == 1)
    }

    @Test(
        "a helper that takes the lock only sometimes, releases it by defer, or is one of two same-named methods the call cannot tell apart is not a lock operation",
        arguments: [
            ("func (s *store) lockBalance() {\n\tif s.balance > 0 {\n\t\ts.mu.Lock()\n\t}\n}", "s"),
            ("func (s *store) lockBalance() {\n\ts.mu.Lock()\n\tdefer s.mu.Unlock()\n\ts.balance++\n}", "s"),
            ("func (s *store) lockBalance() { s.mu.Lock() }\n\ntype other struct{ mu sync.Mutex }\n\nfunc (o *other) lockBalance() { o.mu.Lock() }\n\nvar locker interface{ lockBalance() }", "locker"),
        ])
    func notLockOperations(helpers: String, receiver: String) {
        let body = "\t\(receiver).lockBalance()\n" + earlyReturn + "\t\(receiver).mu.Unlock()"
        #expect(messages("lock-without-unlock", goStore(helpers: helpers, body: body)).isEmpty)
    }

    @Test("a try-acquire whose true return holds the lock and whose false return released it is a lock operation of its own")
    func tryAcquireBySummary() {
        let helpers = """
            func (s *store) tryLockFor(n int) bool {
            \tfor i := 0; i < n; i++ {
            \t\ts.mu.Lock()
            \t\tif s.balance > 0 {
            \t\t\treturn true
            \t\t}
            \t\ts.mu.Unlock()
            \t}
            \treturn false
            }
            """
        #expect(messages("lock-without-unlock", goStore(helpers: helpers, body: "\t_ = s.tryLockFor(amount)")).isEmpty)
    }

    @Test("a function named like an acquire that returns false holding the lock is checked like any other")
    func acquireNamedLeak() {
        let helpers = """
            func (s *store) acquireAndRun() bool {
            \ts.mu.Lock()
            \tif s.balance == 0 {
            \t\treturn false
            \t}
            \ts.balance--
            \ts.mu.Unlock()
            \treturn true
            }
            """
        #expect(messages("lock-without-unlock", goStore(helpers: helpers, body: "\t_ = s.acquireAndRun()")).count == 1)
    }

    @Test("a Swift acquire() helper's lock left held by a throw before release() is reported")
    func swiftAcquireHelper() {
        let text = """
            import Foundation
            struct Short: Error {}
            final class Account: @unchecked Sendable {
                private let lock = NSLock()
                private var balance = 0
                private func acquire() { lock.lock() }
                private func release() { lock.unlock() }
                func withdraw(_ amount: Int) throws {
                    acquire()
                    if amount > balance { throw Short() }
                    balance -= amount
                    release()
                }
                func deposit(_ amount: Int) {
                    acquire()
                    defer { release() }
                    balance += amount
                }
            }

            """
        let found = messages("lock-without-unlock", text, path: "main.swift")
        #expect(found.count == 1)
        #expect(found.first?.contains("`throw`") == true)
    }

    private func goWorkers(_ worker: String, spawn: String) -> String {
        """
        package main

        import "sync"

        type crawler struct {
        \twg sync.WaitGroup
        \tn  int
        }

        \(worker)

        func main() {
        \tc := &crawler{}
        \tvar wg sync.WaitGroup
        \t\(spawn)
        \twg.Wait()
        \tc.wg.Wait()
        }

        """
    }

    @Test(
        "a spawned declared function whose first operation counts it into the group the spawn passes is reported at the spawn",
        arguments: [
            ("func work(wg *sync.WaitGroup) {\n\twg.Add(1)\n\tdefer wg.Done()\n}", "go work(&wg)", "`wg.Add`"),
            ("func (c *crawler) work() {\n\tc.wg.Add(1)\n\tdefer c.wg.Done()\n\tc.n++\n}", "go c.work()", "`c.wg.Add`"),
        ])
    func addInSpawnedFunction(worker: String, spawn: String, group: String) {
        let found = messages("waitgroup-add-in-spawn", goWorkers(worker, spawn: spawn))
        #expect(found.count == 1)
        #expect(found.first?.contains(group) == true)
    }

    @Test(
        "a spawned function that counts a group of its own, counts after other work, or is passed the group by value is not reported",
        arguments: [
            ("func work(wg *sync.WaitGroup) {\n\tvar own sync.WaitGroup\n\town.Add(1)\n\tgo func() { own.Done() }()\n\town.Wait()\n\twg.Done()\n}", "wg.Add(1)\n\tgo work(&wg)"),
            ("func work(wg *sync.WaitGroup, c *crawler) {\n\tc.n++\n\twg.Add(1)\n\tgo func() { wg.Done() }()\n}", "go work(&wg, c)"),
            ("func work(wg sync.WaitGroup) {\n\twg.Add(1)\n\twg.Done()\n}", "go work(wg)"),
        ])
    func noAddInSpawnedFunction(worker: String, spawn: String) {
        #expect(messages("waitgroup-add-in-spawn", goWorkers(worker, spawn: spawn)).isEmpty)
    }

    @Test("a sleep standing in for a spawned declared function's write through its pointer parameter is reported; a join after the sleep is not")
    func sleepForSpawnedFunction() {
        func source(_ after: String) -> String {
            """
            package main

            import (
            \t"fmt"
            \t"sync"
            \t"time"
            )

            type tally struct{ total int }

            func sum(into *tally, wg *sync.WaitGroup) {
            \tdefer wg.Done()
            \tinto.total = 6
            }

            func main() {
            \tvar t tally
            \tvar wg sync.WaitGroup
            \twg.Add(1)
            \tgo sum(&t, &wg)
            \ttime.Sleep(time.Millisecond)
            \(after)
            }

            """
        }
        #expect(messages("sleep-as-sync", source("\tfmt.Println(t.total)\n\twg.Wait()")).count == 1)
        #expect(messages("sleep-as-sync", source("\twg.Wait()\n\tfmt.Println(t.total)")).isEmpty)
    }
}
