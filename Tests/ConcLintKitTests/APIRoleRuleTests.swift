import ConcModel
import Testing

@testable import ConcLintKit

/// Each role declared under `.conclint.yml` `apis:` changes what the rules report, in Go and in
/// Swift: the same program is linted with and without the declaration.
@Suite("Declared API roles reach the rules")
struct APIRoleRuleTests {
    /// The findings of `text` (a `.go` or `.swift` file by `path`) under the `apis:` section
    /// `apis` (YAML, indented under `apis:`), every rule enabled, as `line:rule` strings.
    private func findings(_ path: String, _ text: String, apis: String) throws -> [String] {
        let yaml = apis.isEmpty ? "" : "apis:\n" + apis
        let configuration = try ConfigurationLoader().parse(yaml, path: ".conclint.yml", baseDirectory: "/")
        let language: Language = path.hasSuffix(".go") ? .go : .swift
        let report = Linter.lint(path: path, text: text, extensions: configuration.extensions(for: language))
        return report.findings.map { "\($0.range.start.line):\($0.ruleID)" }
    }

    // MARK: Locks

    private let goLocks = """
        package main

        type Gate struct{}

        func (g *Gate) Enter()     {}
        func (g *Gate) Leave()     {}
        func (g *Gate) BeginRead() {}
        func (g *Gate) EndRead()   {}

        var g Gate
        var n int

        func write(ok bool) {
        \tg.Enter()
        \tif !ok {
        \t\treturn
        \t}
        \tn++
        \tg.Leave()
        }

        func read(ok bool) int {
        \tg.BeginRead()
        \tif !ok {
        \t\treturn 0
        \t}
        \tv := n
        \tg.EndRead()
        \treturn v
        }

        """

    private let swiftLocks = """
        final class Gate {
            func enter() {}
            func leave() {}
            func beginRead() {}
            func endRead() {}
        }

        final class Store {
            let gate = Gate()
            var n = 0

            func write(_ ok: Bool) {
                gate.enter()
                if !ok {
                    return
                }
                n += 1
                gate.leave()
            }

            func read(_ ok: Bool) -> Int {
                gate.beginRead()
                if !ok {
                    return 0
                }
                let v = n
                gate.endRead()
                return v
            }
        }

        """

    @Test("declared lock / unlock and read-lock / read-unlock: an early return leaks the lock")
    func locks() throws {
        #expect(try findings("m.go", goLocks, apis: "").isEmpty)
        #expect(try findings("m.go", goLocks, apis: "  go: { lock: [Enter], unlock: [Leave] }\n") == ["14:lock-without-unlock"])
        #expect(try findings("m.go", goLocks, apis: "  go: { read-lock: [BeginRead], read-unlock: [EndRead] }\n") == ["23:lock-without-unlock"])
        #expect(try findings("m.swift", swiftLocks, apis: "").isEmpty)
        #expect(try findings("m.swift", swiftLocks, apis: "  swift: { lock: [enter], unlock: [leave] }\n") == ["13:lock-without-unlock"])
        #expect(try findings("m.swift", swiftLocks, apis: "  swift: { read-lock: [beginRead], read-unlock: [endRead] }\n")
            == ["22:lock-without-unlock"])
    }

    // MARK: Groups

    @Test("a declared group-add / group-done / group-wait trio is a wait group to the waitgroup rules")
    func groups() throws {
        let go = """
            package main

            type Counter struct{}

            func (c *Counter) Plus(n int) {}
            func (c *Counter) Minus()     {}
            func (c *Counter) Await()     {}

            func work() {}

            func fanOut() {
            \tvar c Counter
            \tfor i := 0; i < 3; i++ {
            \t\tgo func() {
            \t\t\tc.Plus(1)
            \t\t\tdefer c.Minus()
            \t\t\twork()
            \t\t}()
            \t}
            \tc.Await()
            }

            """
        #expect(try findings("m.go", go, apis: "").isEmpty)
        #expect(try findings("m.go", go, apis: "  go: { group-add: [Plus], group-done: [Minus], group-wait: [Await] }\n")
            == ["15:waitgroup-add-in-spawn"])
        let swift = """
            import Foundation

            final class Counter {
                func plus() {}
                func minus() {}
                func await() {}
            }

            func work() {}

            let counter = Counter()
            for _ in 0..<3 {
                DispatchQueue.global().async {
                    counter.plus()
                    defer { counter.minus() }
                    work()
                }
            }
            counter.await()

            """
        #expect(try findings("m.swift", swift, apis: "").isEmpty)
        #expect(try findings("m.swift", swift, apis: "  swift: { group-add: [plus], group-done: [minus], group-wait: [await] }\n")
            == ["14:waitgroup-add-in-spawn"])
    }

    // MARK: Semaphores

    @Test("a declared semaphore-wait bounds a spawn per item; semaphore-signal ends what it guards")
    func semaphores() throws {
        let go = """
            package main

            import (
            \t"strings"
            \t"sync"
            )

            type Slots struct{}

            func (s *Slots) Take() {}
            func (s *Slots) Give() {}

            func handle(x string) {}

            func process(text string) {
            \tvar s Slots
            \tvar wg sync.WaitGroup
            \tfor _, it := range strings.Split(text, "\\n") {
            \t\ts.Take()
            \t\twg.Add(1)
            \t\tgo func() {
            \t\t\tdefer wg.Done()
            \t\t\tdefer s.Give()
            \t\t\thandle(it)
            \t\t}()
            \t}
            \twg.Wait()
            }

            func count(items []int) int {
            \tvar s Slots
            \tvar wg sync.WaitGroup
            \ttotal, after := 0, 0
            \tfor range items {
            \t\twg.Add(1)
            \t\tgo func() {
            \t\t\tdefer wg.Done()
            \t\t\ts.Take()
            \t\t\ttotal++
            \t\t\ts.Give()
            \t\t\tafter++
            \t\t}()
            \t}
            \twg.Wait()
            \treturn total + after
            }

            """
        #expect(try findings("m.go", go, apis: "")
            == ["21:goroutine-per-element", "39:shared-mutable-capture", "41:shared-mutable-capture"])
        // Taken: the spawns are bounded and `total` is guarded; given back: `after` is not.
        #expect(try findings("m.go", go, apis: "  go: { semaphore-wait: [Take], semaphore-signal: [Give] }\n")
            == ["41:shared-mutable-capture"])
        // Never given back, the permit would still guard `after`.
        #expect(try findings("m.go", go, apis: "  go: { semaphore-wait: [Take] }\n").isEmpty)
        let swift = """
            import Foundation

            final class Slots {
                func take() {}
                func give() {}
            }

            func persist(_ event: Int) {}

            let limit = Slots()
            for event in Array(0..<200) {
                limit.take()
                DispatchQueue.global().async {
                    persist(event)
                    limit.give()
                }
            }

            var total = 0
            var after = 0
            let slots = Slots()
            Thread {
                slots.take()
                total += 1
                slots.give()
                after += 1
            }.start()
            print(total, after)

            """
        #expect(try findings("m.swift", swift, apis: "")
            == ["13:thread-per-item", "24:shared-mutable-capture", "26:shared-mutable-capture"])
        #expect(try findings("m.swift", swift, apis: "  swift: { semaphore-wait: [take], semaphore-signal: [give] }\n")
            == ["26:shared-mutable-capture"])
    }

    // MARK: Spawns and executors

    @Test("declared executors: a concurrent one races its items, a serial one runs them one at a time")
    func executors() throws {
        let go = """
            package main

            type Pool struct{}

            func (p *Pool) Submit(f func()) {}

            func run(p *Pool) int {
            \ta := 0
            \tp.Submit(func() { a++ })
            \tp.Submit(func() { a++ })
            \treturn a
            }

            """
        #expect(try findings("m.go", go, apis: "").isEmpty)
        #expect(try findings("m.go", go, apis: "  go: { concurrent-executor: [Submit] }\n")
            == ["9:shared-mutable-capture", "10:shared-mutable-capture"])
        #expect(try findings("m.go", go, apis: "  go: { spawn: [Submit] }\n")
            == ["9:shared-mutable-capture", "10:shared-mutable-capture"])
        #expect(try findings("m.go", go, apis: "  go: { serial-executor: [Submit] }\n").isEmpty)
        let swift = """
            final class Pool {
                func submit(_ body: @escaping () -> Void) {}
            }

            func run(p: Pool) -> Int {
                var a = 0
                p.submit { a += 1 }
                p.submit { a += 1 }
                return a
            }

            """
        #expect(try findings("m.swift", swift, apis: "").isEmpty)
        #expect(try findings("m.swift", swift, apis: "  swift: { concurrent-executor: [submit] }\n")
            == ["7:shared-mutable-capture", "8:shared-mutable-capture"])
        #expect(try findings("m.swift", swift, apis: "  swift: { spawn: [submit] }\n")
            == ["7:shared-mutable-capture", "8:shared-mutable-capture"])
        #expect(try findings("m.swift", swift, apis: "  swift: { serial-executor: [submit] }\n").isEmpty)
    }

    @Test("a declared wait joins declared spawns; a declared cancel is not a wait")
    func waitAndCancel() throws {
        let go = """
            package main

            func work() {}

            func main() {
            \tsafeGo(work)
            \tstop()
            }

            """
        #expect(try findings("m.go", go, apis: "  go: { spawn: [safeGo] }\n") == ["6:missing-wait"])
        #expect(try findings("m.go", go, apis: "  go: { spawn: [safeGo], wait: [stop] }\n").isEmpty)
        #expect(try findings("m.go", go, apis: "  go: { spawn: [safeGo], cancel: [stop] }\n") == ["6:missing-wait"])
        let swift = """
            func runDetached(_ body: @escaping () -> Void) {}
            func joinAll() {}
            func flush() {}

            runDetached {
                flush()
            }
            joinAll()

            """
        #expect(try findings("m.swift", swift, apis: "  swift: { spawn: [runDetached] }\n") == ["5:missing-wait"])
        #expect(try findings("m.swift", swift, apis: "  swift: { spawn: [runDetached], wait: [joinAll] }\n").isEmpty)
        #expect(try findings("m.swift", swift, apis: "  swift: { spawn: [runDetached], cancel: [joinAll] }\n") == ["5:missing-wait"])
    }

    @Test("a declared cancel ends a stored long-running Swift task")
    func swiftCancel() throws {
        let swift = """
            final class Listener {
                private var task: Task<Void, Never>?
                let stream: AsyncStream<Int>

                init(stream: AsyncStream<Int>) { self.stream = stream }

                func start() {
                    task = Task {
                        for await value in stream { print(value) }
                    }
                }

                func stop() {
                    task?.halt()
                }
            }

            """
        #expect(try findings("m.swift", swift, apis: "") == ["8:missing-wait"])
        #expect(try findings("m.swift", swift, apis: "  swift: { cancel: [halt] }\n").isEmpty)
    }

    @Test("a declared sleep after a spawn stands in for a wait: sleep-as-sync reports it")
    func sleeps() throws {
        let go = """
            package main

            func Pause(n int) {}

            var ready bool

            func main() {
            \tgo func() { ready = true }()
            \tPause(1)
            \tprintln(ready)
            }

            """
        #expect(try findings("m.go", go, apis: "") == ["8:shared-mutable-capture"])
        #expect(try findings("m.go", go, apis: "  go: { sleep: [Pause] }\n") == ["8:shared-mutable-capture", "9:sleep-as-sync"])
        let swift = """
            func pause(_ seconds: Double) {}
            func runDetached(_ body: @escaping () -> Void) {}

            var ready = false
            runDetached {
                ready = true
            }
            pause(0.1)
            print("ready:", ready)

            """
        #expect(try findings("m.swift", swift, apis: "  swift: { spawn: [runDetached] }\n") == ["6:shared-mutable-capture"])
        #expect(try findings("m.swift", swift, apis: "  swift: { spawn: [runDetached], sleep: [pause] }\n")
            == ["6:shared-mutable-capture", "8:sleep-as-sync"])
    }
}
