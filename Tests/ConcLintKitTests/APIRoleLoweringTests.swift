import ConcModel
import GoFrontend
import SwiftFrontend
import Testing

/// Every role `.conclint.yml` `apis:` accepts lowers, in both front ends, to the model step the
/// role promises (``APIExtensions/Role``), acting on the receiver or else the first argument.
@Suite("Declared API roles lower to model steps")
struct APIRoleLoweringTests {
    /// A lowered step in a shape tests can compare: its kind and what it acts on.
    enum Lowered: Equatable, CustomStringConvertible {
        case spawn(Spawn.Kind, Spawn.Executor)
        /// A wait's kind, its target's path as written and the target binding's name.
        case wait(Wait.Kind, path: String, binding: String?)
        case sync(Sync.Kind, path: String, binding: String?)
        case sleep(api: String, suspends: Bool)

        var description: String {
            switch self {
            case .spawn(let kind, let executor): "spawn \(kind.rawValue) on \(executor)"
            case .wait(let kind, let path, let binding): "wait \(kind.rawValue) \(path) (\(binding ?? "-"))"
            case .sync(let kind, let path, let binding): "sync \(kind) \(path) (\(binding ?? "-"))"
            case .sleep(let api, let suspends): "sleep \(api)\(suspends ? " suspending" : "")"
            }
        }
    }

    /// The spawn, wait, sync and sleep steps of every function of `unit`, in order.
    static func lowered(_ unit: Unit) -> [Lowered] {
        var result: [Lowered] = []
        for function in unit.functions {
            for step in function.body {
                switch step {
                case .spawn(let spawn): result.append(.spawn(spawn.kind, spawn.executor))
                case .wait(let wait): result.append(.wait(wait.kind, path: wait.targetPath, binding: wait.target.map { unit[$0].name }))
                case .sync(let sync): result.append(.sync(sync.kind, path: sync.targetPath, binding: sync.target.map { unit[$0].name }))
                case .sleep(let sleep): result.append(.sleep(api: sleep.api, suspends: sleep.suspends))
                default: break
                }
            }
        }
        return result
    }

    /// What `g.declared(…)` lowers to when `declared` has `role`.
    static func expected(_ role: APIExtensions.Role) -> Lowered {
        switch role {
        case .spawn, .concurrentExecutor: .spawn(.userDeclared, .concurrent)
        case .serialExecutor: .spawn(.userDeclared, .serial("g"))
        case .wait: .wait(.join, path: "g", binding: "g")
        case .groupWait: .wait(.group, path: "g", binding: "g")
        case .semaphoreWait: .wait(.semaphore, path: "g", binding: "g")
        case .cancel: .wait(.cancel, path: "g", binding: "g")
        case .lock: .sync(.lock, path: "g", binding: "g")
        case .unlock: .sync(.unlock, path: "g", binding: "g")
        case .readLock: .sync(.readLock, path: "g", binding: "g")
        case .readUnlock: .sync(.readUnlock, path: "g", binding: "g")
        case .groupAdd: .sync(.groupAdd(2), path: "g", binding: "g")
        case .groupDone: .sync(.groupDone, path: "g", binding: "g")
        case .semaphoreSignal: .sync(.signal, path: "g", binding: "g")
        case .sleep: .sleep(api: "g.declared", suspends: false)
        }
    }

    /// The arguments `g.declared(…)` is called with for `role`: a closure for the roles that run
    /// one, a count for `group-add`.
    static func goArguments(_ role: APIExtensions.Role) -> String {
        role.spawnsWork ? "func() { work() }" : role == .groupAdd ? "2" : ""
    }

    static func goUnit(_ call: String, _ apis: APIExtensions) -> Unit {
        let text = "package main\n\ntype Thing struct{}\n\nfunc work() {}\n\nfunc main() {\n\tvar g Thing\n\t\(call)\n}\n"
        return GoFrontend.lower(SourceFile(path: "m.go", text: text), languageVersion: nil, extensions: apis).unit
    }

    static func swiftUnit(_ call: String, _ apis: APIExtensions) -> Unit {
        let text = "final class Thing {}\nfunc work() {}\nvar g = Thing()\n\(call)\n"
        return SwiftFrontend.lower(SourceFile(path: "m.swift", text: text), extensions: apis).unit
    }

    @Test("a Go call of a declared API lowers to its role's step, and to none undeclared", arguments: APIExtensions.Role.allCases)
    func goRole(_ role: APIExtensions.Role) {
        let call = "g.declared(\(Self.goArguments(role)))"
        #expect(Self.lowered(Self.goUnit(call, APIExtensions([role: ["declared"]]))) == [Self.expected(role)])
        #expect(Self.lowered(Self.goUnit(call, APIExtensions([role: ["other"]]))).isEmpty)
    }

    @Test("a Swift call of a declared API lowers to its role's step, and to none undeclared", arguments: APIExtensions.Role.allCases)
    func swiftRole(_ role: APIExtensions.Role) {
        let call = role.spawnsWork ? "g.declared { work() }" : role == .groupAdd ? "g.declared(2)" : "g.declared()"
        #expect(Self.lowered(Self.swiftUnit(call, APIExtensions([role: ["declared"]]))) == [Self.expected(role)])
        #expect(Self.lowered(Self.swiftUnit(call, APIExtensions([role: ["other"]]))).isEmpty)
    }

    @Test("without a receiver the first argument is the target, and the count follows it")
    func firstArgumentTarget() {
        let apis = APIExtensions([.groupAdd: ["add"], .groupDone: ["done"]])
        #expect(Self.lowered(Self.goUnit("add(&g, 3)\n\tdone(g)", apis))
            == [.sync(.groupAdd(3), path: "g", binding: "g"), .sync(.groupDone, path: "g", binding: "g")])
        #expect(Self.lowered(Self.swiftUnit("add(&g, 3)\ndone(g)", apis))
            == [.sync(.groupAdd(3), path: "g", binding: "g"), .sync(.groupDone, path: "g", binding: "g")])
        // A count that is not a constant is unknown; no count at all is one member.
        #expect(Self.lowered(Self.goUnit("add(&g, count())\n\tg.add()", apis))
            == [.sync(.groupAdd(nil), path: "g", binding: "g"), .sync(.groupAdd(1), path: "g", binding: "g")])
    }

    @Test("a serial executor is named by its receiver, else a first argument, else the callee")
    func serialExecutorNames() {
        let apis = APIExtensions([.serialExecutor: ["post", "onMain"]])
        #expect(Self.lowered(Self.goUnit("post(g, func() {})\n\tonMain(func() {})", apis))
            == [.spawn(.userDeclared, .serial("g")), .spawn(.userDeclared, .serial("onMain"))])
        #expect(Self.lowered(Self.swiftUnit("post(g) { work() }\nonMain { work() }", apis))
            == [.spawn(.userDeclared, .serial("g")), .spawn(.userDeclared, .serial("onMain"))])
    }

    @Test("a declared Swift sleep suspends when it is awaited")
    func swiftSleepSuspends() {
        let unit = Self.swiftUnit("func f() async {\n    await g.doze()\n    g.doze()\n}", APIExtensions([.sleep: ["doze"]]))
        #expect(Self.lowered(unit) == [.sleep(api: "g.doze", suspends: true), .sleep(api: "g.doze", suspends: false)])
    }

    @Test("a dotted pattern wins over a bare one; otherwise the first role in order")
    func patternPrecedence() {
        let apis = APIExtensions([.spawn: ["run"], .serialExecutor: ["queue.run"]])
        #expect(apis.role(calleeText: "self.queue.run", name: "run") == .serialExecutor)
        #expect(apis.role(calleeText: "pool.run", name: "run") == .spawn)
        #expect(apis.role(calleeText: "run", name: "run") == .spawn)
        #expect(APIExtensions([.lock: []]).isEmpty)
        #expect(APIExtensions([.lock: []]) == .none)
    }
}
