import ConcModel

/// The reads and writes of its receiver's fields that a method makes while holding a lock,
/// directly or in a method it calls on its own receiver (one level down), each with the critical
/// section it belongs to. `check-then-act` compares these between a check method and an act
/// method of one object.
///
/// Only locks of the receiver itself or package variables count: those are the same lock for
/// every caller of the same instance. A lock must be held on every path to the access, and a
/// write counts only under the write side of a reader–writer lock.
struct LockedFieldAccesses {
    /// One access of a receiver field under one lock.
    struct Access {
        /// The receiver's field (`tasks`).
        var field: String
        /// The type that declares the field (`TaskRegistry`).
        var owner: String
        /// The lock's name in every function of the package (`TaskRegistry.lock`).
        var lockKey: String
        /// The lock as the method wrote it where it took it (`lock`, `c.mu`).
        var lockText: String
        var isWrite: Bool
        /// A write that only takes entries out (``ConcModel/AccessEvent/isRemoval``).
        var isRemoval: Bool
        /// Where the lock around the access was taken: accesses with one section are made
        /// under one hold of the lock, with nothing of another thread between them.
        var section: SourceRange
        /// The method's event the access is (or the call that makes it), in evaluation order.
        var order: Int
        /// For an access made in a callee: its event there, in that callee's order.
        var inner: Int?
        var range: SourceRange
        /// The file the access is written in.
        var path: String

        /// Whether both touch one field under one lock.
        func isSameState(as other: Access) -> Bool {
            field == other.field && owner == other.owner && lockKey == other.lockKey
        }

        /// Whether this access comes before `other` in the method: by evaluation order through
        /// calls, and within one body by source position, so that the value a store evaluates
        /// first (`c.list = append(c.list, v)`, `n += 1`) is not taken for an earlier check.
        func precedes(_ other: Access) -> Bool {
            if inner == nil, other.inner == nil { return range.start.offset < other.range.start.offset }
            if order != other.order { return order < other.order }
            return (inner ?? -1) < (other.inner ?? -1)
        }
    }

    let model: PackageModel

    /// Field categories that synchronise themselves or are not state a check reads.
    static let skippedCategories: Set<TypeFacts.Category> = [
        .lock, .readWriteLock, .atomic, .group, .semaphore, .channel, .continuation, .serialQueue, .concurrentQueue,
        .taskHandle,
    ]

    /// The locked field accesses of the method at `index`, and of the methods it calls on its own
    /// receiver.
    func accesses(of index: Int) -> [Access] {
        let summary = model.summaries[index]
        var result = direct(summary, outer: [], order: nil)
        for (order, event) in summary.events.enumerated() {
            guard case .call(let call) = event, isOnReceiver(call) else { continue }
            for callee in model.callees(of: call, in: summary) where callee != index {
                let inner = model.summaries[callee]
                guard inner.ownerType == summary.ownerType else { continue }
                result += direct(inner, outer: call.held.map { ($0, summary) }, order: order)
            }
        }
        return result
    }

    /// A call on the method's own receiver (`self.f()`, `c.f()` with `c` the receiver).
    private func isOnReceiver(_ call: CallEvent) -> Bool {
        guard let receiver = call.receiver else { return call.isOnSelf }
        return receiver.root == .receiver && receiver.fields.isEmpty
    }

    /// The accesses `summary` makes itself. `outer` are the locks its caller holds around the
    /// call at `order` (with the summary that took each), for a callee one level down.
    private func direct(_ summary: FunctionSummary, outer: [(HeldLock, FunctionSummary)], order: Int?) -> [Access] {
        var result: [Access] = []
        for (position, event) in summary.events.enumerated() {
            guard case .access(let access) = event, !access.isAtomic, access.target.root == .receiver,
                  let name = access.target.fields.first, let owner = summary.ownerType ?? access.target.rootType,
                  let field = model.field(name, of: owner), field.isMutable, !field.isIsolated,
                  !Self.skippedCategories.contains(field.type.category)
            else { continue }
            let held = outer + access.held.map { ($0, summary) }
            for (lock, taker) in held where lock.isDefinite && !(access.isWrite && lock.isRead) {
                switch lock.lock.root {
                case .receiver, .global: break
                default: continue
                }
                guard let key = model.typeKey(lock.lock) else { continue }
                result.append(Access(
                    field: name, owner: owner, lockKey: key, lockText: PackageAnalysis.acquisitionText(lock, in: taker),
                    isWrite: access.isWrite, isRemoval: access.isRemoval, section: lock.acquiredAt, order: order ?? position,
                    inner: order == nil ? nil : position, range: access.range, path: summary.path))
            }
        }
        return result
    }
}
