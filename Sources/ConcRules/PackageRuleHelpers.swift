import ConcModel

extension PackageAnalysis {
    /// How a held lock was written where the body took it, else its reference (`recv.mu`).
    static func acquisitionText(_ held: HeldLock, in summary: FunctionSummary) -> String {
        for case .acquire(let lock) in summary.events where lock.range == held.acquiredAt { return lock.text }
        return held.lock.description
    }

    /// Whether the lock is reentrant (`NSRecursiveLock`), so taking it twice on one thread is fine.
    func isRecursive(_ lock: StateRef) -> Bool {
        guard let (_, field) = model.declaredField(of: lock) else { return false }
        return field.type.name?.contains("Recursive") ?? false
    }

    /// Whether the lock is a reader–writer lock (its declared type says so).
    func isReadWriteLock(_ lock: StateRef) -> Bool {
        guard let (_, field) = model.declaredField(of: lock) else { return false }
        return field.type.category == .readWriteLock
    }

    /// The lock keys a function takes anywhere: its own lock steps and what its callees take.
    func lockKeysTaken(by index: Int) -> Set<String> {
        var keys = Set<String>()
        for case .acquire(let lock) in model.summaries[index].events where !lock.isTry {
            if let key = model.typeKey(lock.lock) { keys.insert(key) }
        }
        for acquisition in locks.acquisitions[index] {
            if let key = model.typeKey(acquisition.lock) { keys.insert(key) }
        }
        return keys
    }

    /// Related locations for a call chain, each in its own file.
    static func related(_ chain: [ChainLink], in path: String) -> [RelatedLocation] {
        chain.map { RelatedLocation(range: $0.range, message: $0.note, path: $0.path == path ? nil : $0.path) }
    }

    /// `line N` of a range, for messages that point at another place in the same body.
    static func line(_ range: SourceRange) -> String { "line \(range.start.line)" }
}
