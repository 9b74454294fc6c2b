import ConcModel
import SwiftFrontend
import Testing

/// Whether a Swift receiver is a group or a semaphore is decided by its type, never by its name:
/// a task group's closure parameter has a group's type, and a NIO `EventLoopGroup` named `group`
/// is not waited on by `group.next()`.
@Suite("Swift groups and semaphores by type")
struct SwiftGroupFactsTests {
    /// The waits and group counts of every function of `text`, as `kind path`.
    private func steps(_ text: String) -> [String] {
        let unit = SwiftFrontend.lower(SourceFile(path: "m.swift", text: text), forceLowering: true).unit
        var result: [String] = []
        for function in unit.functions {
            SummaryBuilder.forEachStep(function.body) { step in
                switch step {
                case .wait(let wait) where wait.kind != .suspension: result.append("wait \(wait.kind.rawValue) \(wait.targetPath)")
                case .sync(let sync): result.append("sync \(sync.kind) \(sync.targetPath)")
                default: break
                }
            }
        }
        return result
    }

    @Test("a task group's closure parameter is a group whatever its name: its next() waits for it")
    func taskGroupParameter() {
        let text = """
            func sum() async -> Int {
                await withTaskGroup(of: Int.self) { tasks in
                    tasks.addTask { 1 }
                    var total = 0
                    while let value = await tasks.next() { total += value }
                    return total
                }
            }
            func run() async throws {
                try await withThrowingTaskGroup(of: Void.self) { g in
                    g.addTask { }
                    _ = try await g.next()
                }
            }

            """
        #expect(steps(text) == ["wait group tasks", "wait group g"])
    }

    @Test("a receiver named like a group or semaphore is not one when its type says otherwise or says nothing")
    func namesDecideNothing() {
        let text = """
            import NIOPosix

            let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
            let loop = group.next()
            let channel = try ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).wait()
            let semaphoreLike = makeGate()
            semaphoreLike.wait()
            let groupish = makeCounter()
            groupish.enter()
            groupish.leave()

            """
        #expect(steps(text) == [
            "wait signal ServerBootstrap(group: group).bind(host: \"127.0.0.1\", port: 0)", "wait signal semaphoreLike",
        ])
    }

    @Test("a group or semaphore the declaration types is still one, under any name")
    func declaredTypesDecide() {
        let text = """
            import Foundation

            let pending = DispatchGroup()
            let permits = DispatchSemaphore(value: 1)
            pending.enter()
            pending.leave()
            pending.wait()
            permits.wait()
            func f(tracker: DispatchGroup) { tracker.wait() }

            """
        #expect(steps(text) == [
            "sync groupAdd(Optional(1)) pending", "sync groupDone pending", "wait group pending", "wait semaphore permits",
            "wait group tracker",
        ])
    }
}
