@testable import ConcRuntime
import Synchronization
import Testing

/// The adaptive spin limit of a ring channel's side: down by one step after a wait that had to
/// yield, up by one after a wait that ended while spinning, within 0...Backoff.spinLimit.
@Suite("Spin budget")
struct SpinBudgetTests {
    /// Runs `body` with a budget in freshly allocated storage.
    func withBudget(_ body: (SpinBudget) -> Void) {
        let storage = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: 1)
        defer {
            storage.deinitialize(count: 1)
            storage.deallocate()
        }
        body(SpinBudget(storage: storage))
    }

    var currentLimit: (SpinBudget) -> Int { { $0.limit.pointee.load(ordering: .relaxed) } }

    @Test("a wait that yields lowers the limit, down to zero; one that only spun raises it again")
    func adapts() {
        withBudget { budget in
            #expect(currentLimit(budget) == Backoff.spinLimit)
            for expected in stride(from: Backoff.spinLimit - 1, through: 0, by: -1) {
                var backoff = budget.backoff()
                while !backoff.isCompleted { backoff.snooze() }  // spun, yielded: gave up
                budget.record(backoff)
                #expect(currentLimit(budget) == expected)
            }
            var exhausted = budget.backoff()
            while !exhausted.isCompleted { exhausted.snooze() }
            budget.record(exhausted)
            #expect(currentLimit(budget) == 0)
            for expected in 1...Backoff.spinLimit + 1 {
                var backoff = budget.backoff()
                backoff.snooze()  // ended during the first spin step
                #expect(backoff.hasOnlySpun)
                budget.record(backoff)
                #expect(currentLimit(budget) == min(expected, Backoff.spinLimit))
            }
        }
    }

    @Test("an operation that did not wait leaves the limit alone")
    func noWaitNoChange() {
        withBudget { budget in
            var backoff = budget.backoff()
            while !backoff.isCompleted { backoff.snooze() }
            budget.record(backoff)
            budget.record(budget.backoff())
            #expect(currentLimit(budget) == Backoff.spinLimit - 1)
        }
    }

    @Test("with a zero limit a back-off still spins once, then yields four times before it completes")
    func zeroLimit() {
        var backoff = Backoff(spinLimit: 0)
        var snoozes = 0
        while !backoff.isCompleted {
            backoff.snooze()
            snoozes += 1
        }
        #expect(snoozes == 1 + Backoff.yields)
    }
}
