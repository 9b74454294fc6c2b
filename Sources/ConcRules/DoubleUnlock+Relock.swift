import ConcModel

/// What keeps `double-unlock` silent: something between the two releases that may take the lock
/// again, and locks that are not locks.
extension DoubleUnlock {
    /// Whether code the walk did not follow may take the lock between the two releases, or the
    /// lock is passed around so that others lock it for this body (a mutex used as a semaphore):
    /// a call in between to a same-package function that acquires it (through its callees too),
    /// a call through a function value, a call of unknown code handed the lock or what holds it,
    /// a `defer` body's call of the same kinds, work spawned in between, the variable the lock is
    /// reached from assigned in between, the lock handed to a call or made into a function value
    /// anywhere in the body, or other work that releases it without holding it or takes it and
    /// keeps it.
    func mayRelock(_ repeated: RepeatedRelease, in index: Int, _ package: PackageAnalysis) -> Bool {
        let model = package.model
        let summary = model.summaries[index]
        let lock = repeated.lock
        // A lock the model could not name is compared by its text only.
        if case .local(let name) = lock.root, name.hasPrefix("?") { return true }
        if DoubleLock().releasedByOtherWork(lock, in: index, model) || Self.keptByOtherWork(lock, in: index, model) { return true }
        if DoubleLock.madeIntoFunctionValue(lock, in: summary, model) { return true }
        let window = repeated.window
        for event in summary.events where window.start <= event.range.start && event.range.start <= window.end {
            switch event {
            case .spawn: return true
            case .call(let call): if mayTake(lock, call, in: summary, package) { return true }
            case .access(let access): if access.isWrite, Self.isProperPrefix(access.target, of: lock) { return true }
            default: continue
            }
        }
        return repeated.deferredCalls.contains { mayTake(lock, $0, in: summary, package) }
    }

    /// Whether other work takes the lock and leaves it held for this body to release (a mutex
    /// used as a semaphore): a spawned or escaping closure of the same function, or of the
    /// package for a lock of a type's field, that may return holding it.
    static func keptByOtherWork(_ lock: StateRef, in index: Int, _ model: PackageModel) -> Bool {
        let family = Set(model.family(of: index))
        let key = model.typeKey(lock)
        for (member, summary) in model.summaries.enumerated() where member != index {
            if family.contains(member) {
                if summary.heldOnExit.contains(where: { $0.lock == lock }) { return true }
            } else if let key, summary.closureRole != .none,
                      summary.heldOnExit.contains(where: { model.typeKey($0.lock) == key }) {
                return true
            }
        }
        return false
    }

    /// Whether the call may take `lock`: a function value; a same-package callee whose
    /// acquisitions include it (or a lock of its type it cannot map to the caller's); unknown
    /// code given the lock, or the object or variable it is reached from, as receiver or argument.
    private func mayTake(_ lock: StateRef, _ call: CallEvent, in summary: FunctionSummary, _ package: PackageAnalysis) -> Bool {
        if call.functionValue != nil { return true }
        let model = package.model
        let receiver = model.receiver(of: call, in: summary)
        let callees = model.callees(of: call, in: summary)
        if callees.isEmpty {
            return ([receiver] + call.arguments).contains { $0.map { Self.isPrefix($0, of: lock) } ?? false }
        }
        let key = model.typeKey(lock)
        return callees.contains { callee in
            package.locks.acquisitions[callee].contains { acquisition in
                if let mapped = acquisition.lock.mapped(receiver: receiver, arguments: call.arguments) { return mapped == lock }
                return key != nil && model.typeKey(acquisition.lock) == key
            }
        }
    }

    /// Whether `ref` is `lock` or a location it is reached from (`s` or `s.inner` for `s.inner.mu`).
    static func isPrefix(_ ref: StateRef, of lock: StateRef) -> Bool {
        ref.root == lock.root && ref.fields.count <= lock.fields.count && Array(lock.fields.prefix(ref.fields.count)) == ref.fields
    }

    static func isProperPrefix(_ ref: StateRef, of lock: StateRef) -> Bool {
        isPrefix(ref, of: lock) && ref.fields.count < lock.fields.count
    }

    /// Whether the lock is declared a lock: a field of a lock type, a variable of one, a value of a
    /// package type that embeds one, or of a type nothing declares. A declared type of another
    /// kind (a file lock, an interface) may allow a second `Unlock`.
    func isLock(_ repeated: RepeatedRelease, _ model: PackageModel) -> Bool {
        let lock = repeated.lock
        if let (_, field) = model.declaredField(of: lock) {
            return Self.isLockCategory(field.type.category) || field.type.category == .unknown && field.type.name == nil
        }
        guard lock.fields.isEmpty else { return true }
        if Self.isLockCategory(repeated.rootCategory) { return true }
        if let type = lock.rootType, let declaration = model.types[type] {
            return declaration.fields.contains { $0.isEmbedded && Self.isLockCategory($0.type.category) }
        }
        return repeated.rootCategory == .unknown && lock.rootType == nil
    }

    static func isLockCategory(_ category: TypeFacts.Category) -> Bool {
        category == .lock || category == .readWriteLock
    }
}
