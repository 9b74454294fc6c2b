import ConcRuntime
import Synchronization
import Testing

@Suite("Thread scope")
struct ScopeTests {
    struct Failure: Error, Equatable { let id: Int }

    @Test("every spawned thread has finished when the scope returns")
    func joinsAll() throws {
        let finished = Atomic<Int>(0)
        try withThreadScope { scope in
            for _ in 0..<8 {
                scope.spawn {
                    sleepBriefly()
                    finished.wrappingAdd(1, ordering: .relaxed)
                }
            }
        }
        #expect(finished.load(ordering: .relaxed) == 8)
    }

    @Test("join returns the thread's result")
    func joinReturnsResult() throws {
        let sum = try withThreadScope { scope in
            let handles = (1...4).map { i in scope.spawn { i * i } }
            return try handles.reduce(0) { try $0 + $1.join() }
        }
        #expect(sum == 30)
    }

    @Test("an unjoined thread's error is rethrown after all threads finish")
    func rethrowsSpawnedError() {
        let finished = Atomic<Int>(0)
        #expect(throws: Failure(id: 1)) {
            try withThreadScope { scope in
                scope.spawn { throw Failure(id: 1) }
                scope.spawn {
                    sleepBriefly()
                    finished.wrappingAdd(1, ordering: .relaxed)
                }
            }
        }
        #expect(finished.load(ordering: .relaxed) == 1)
    }

    @Test("the first failure in time is the one rethrown")
    func firstFailureWins() {
        #expect(throws: Failure(id: 1)) {
            try withThreadScope { scope in
                scope.spawn {
                    sleepBriefly()
                    sleepBriefly()
                    throw Failure(id: 2)
                }
                scope.spawn { throw Failure(id: 1) }
            }
        }
    }

    @Test("the body's own error wins over spawned errors, after joining")
    func bodyErrorWins() {
        let finished = Atomic<Bool>(false)
        #expect(throws: Failure(id: 0)) {
            try withThreadScope { scope in
                scope.spawn { throw Failure(id: 1) }
                scope.spawn {
                    sleepBriefly()
                    finished.store(true, ordering: .relaxed)
                }
                throw Failure(id: 0)
            }
        }
        let threadFinished = finished.load(ordering: .relaxed)
        #expect(threadFinished)
    }

    @Test("a failure observed through join is not rethrown by the scope")
    func joinedFailureNotRethrown() throws {
        let observed = try withThreadScope { scope in
            let handle = scope.spawn { () throws -> Int in throw Failure(id: 3) }
            do {
                _ = try handle.join()
                return false
            } catch {
                return (error as? Failure) == Failure(id: 3)
            }
        }
        #expect(observed)
    }

    @Test("nested scopes join inner threads before the outer thread ends")
    func nestedScopes() throws {
        let total = Atomic<Int>(0)
        try withThreadScope { outer in
            for _ in 0..<3 {
                outer.spawn {
                    try withThreadScope { inner in
                        for _ in 0..<3 { inner.spawn { total.wrappingAdd(1, ordering: .relaxed) } }
                    }
                }
            }
        }
        #expect(total.load(ordering: .relaxed) == 9)
    }

    @Test("a spawned thread may spawn more threads into its own scope")
    func spawnFromSpawned() throws {
        let total = Atomic<Int>(0)
        try withThreadScope { scope in
            scope.spawn {
                scope.spawn {
                    sleepBriefly()
                    total.wrappingAdd(1, ordering: .relaxed)
                }
                total.wrappingAdd(1, ordering: .relaxed)
            }
        }
        #expect(total.load(ordering: .relaxed) == 2)
    }

    @Test("spawning on a scope that has ended runs nothing and reports scopeEnded")
    func spawnAfterEnd() throws {
        let escaped = try withThreadScope { $0 }
        let ran = Atomic<Bool>(false)
        let handle = escaped.spawn { ran.store(true, ordering: .relaxed) }
        #expect(throws: ThreadScopeError.scopeEnded) { try handle.join() }
        let didRun = ran.load(ordering: .relaxed)
        #expect(!didRun)
    }
}
