import ConcModel

/// Every access of a judged field in a package, grouped by field (`Type.field`), with the locks
/// held at each — its own, those its callers hold, and a caller's lock it releases later — and
/// whether the access may be reported at all.
///
/// Fields are judged for types that are not actor- or global-actor-isolated and declared once
/// in the build; accesses are those through a function's receiver or parameters. Functions
/// that run only during construction, test code and isolated functions are left out.
struct FieldAccessSites {
    /// One access of a field.
    struct Site {
        var summary: Int
        /// The event's position in its summary, for ordering within a function.
        var order: Int
        var event: AccessEvent
        /// The fields from the owner on (`["stats", "hits"]`): atomics on `stats.hits` and
        /// plain reads of `stats.misses` touch different memory.
        var path: [String]
        var isWrite: Bool
        var isAtomic: Bool
        /// Type keys of the locks held (maybe or definitely), with callers' locks added.
        var held: Set<String>
        /// Keys held only for reading.
        var readOnly: Set<String>
        /// Its function says its caller holds the lock (`…Locked`, a doc comment).
        var conventionHeld: Bool
        /// Whether the access can be reported: not in code whose thread and locks are unknown
        /// (escaping closures, helpers only they call), not after the function waited for the
        /// work it started (`wg.Wait()`, `closer.SignalAndWait()`) or received from a channel
        /// the package closes (`case <-s.shutdownCh:`), which orders it after the closer.
        var reportable: Bool

        /// Whether a lock orders the two accesses: both hold it, and not both only as readers.
        func isExcluded(with other: Site) -> Bool {
            held.intersection(other.held).contains { !(readOnly.contains($0) && other.readOnly.contains($0)) }
        }
    }

    /// Method names that wait for spawned work to stop, on types conclint does not know
    /// (`y.Closer.SignalAndWait`, an errgroup reached through an interface).
    static let waitNames: Set<String> = ["Wait", "SignalAndWait"]

    /// Names of a type's own unlock methods (a lock wrapper's `unlock`).
    static let unlockNames: Set<String> = ["unlock", "Unlock", "runlock", "RUnlock"]

    let sites: [String: [Site]]
    /// For each function: where the package calls or spawns it (the caller and the event's
    /// position there), test code left out.
    let invocations: [[(caller: Int, order: Int)]]
    /// Types whose declarations show they are shared between threads (a lock field, a
    /// `// guarded by` comment, `@unchecked Sendable`).
    let guardedTypes: Set<String>

    init(_ package: PackageAnalysis) {
        let model = package.model
        guardedTypes = Set(model.types.values.filter { Self.showsIntent($0, ambiguous: model.ambiguousTypes) }.map(\.name))
        // Atomic operations on a field show intent for that field alone.
        let judgedTypes = Set(model.types.values.filter {
            $0.kind != .actor && !$0.isolation.isIsolated && !model.ambiguousTypes.contains($0.name)
        }.map(\.name))
        let construction = ConstructionPhase(model)
        let callers = CallerContext(model, construction: construction)
        let waits = Self.waitingFunctions(model)
        // Channels closed somewhere in the package are signals: a receive from one returns after
        // the close, and after whatever its closer did before.
        let closedChannels = Set(model.summaries.filter { !$0.isTestCode }.flatMap(\.closedChannels).compactMap { model.typeKey($0) })
        var sites: [String: [Site]] = [:]
        for (index, summary) in model.summaries.enumerated() {
            // Test code drives the object from outside, mostly between its concurrent phases.
            guard !construction.members.contains(index), !summary.isolation.isIsolated, !summary.isTestCode else { continue }
            let callerHeld = callers.held[index] ?? []
            let unknownContext = callers.unknown.contains(index)
            var releasedLater = Self.callersLocksReleased(summary, model: model)
            // `func (t *timer) unlock()` releases the lock `t.unlock()` names for its callers,
            // which hold it while the body runs up to that release.
            if let owner = summary.ownerType, summary.closureRole == .none, Self.unlockNames.contains(summary.name) {
                releasedLater.append((summary.events.count, owner, summary.name.lowercased() == "runlock"))
            }
            var waited = false
            let signalled = summary.selectReceives.filter { model.typeKey($0.channel).map(closedChannels.contains) ?? false }.map(\.events)
            for (order, event) in summary.events.enumerated() {
                switch event {
                case .blocking(let blocking) where blocking.kind == .groupWait || blocking.kind == .join:
                    waited = true
                case .blocking(let blocking) where blocking.kind == .receive && !blocking.isRangeLoop:
                    if let target = blocking.target, let key = model.typeKey(target), closedChannels.contains(key) { waited = true }
                case .call(let call) where Self.waitNames.contains(call.name):
                    waited = true
                case .call(let call):
                    if model.callees(of: call, in: summary).contains(where: { waits.contains($0) }) { waited = true }
                case .access(let access):
                    guard let (key, path, isWrite, isAtomic) = Self.field(access, model: model, judgedTypes: judgedTypes)
                    else { continue }
                    var held = Set<String>()
                    var writeHeld = Set<String>()
                    for lock in access.held {
                        guard let lockKey = model.typeKey(lock.lock) else { continue }
                        held.insert(lockKey)
                        if !lock.isRead { writeHeld.insert(lockKey) }
                    }
                    for release in releasedLater where release.order > order {
                        held.insert(release.key)
                        if !release.isRead { writeHeld.insert(release.key) }
                    }
                    held.formUnion(callerHeld)
                    writeHeld.formUnion(callerHeld)
                    sites[key, default: []].append(Site(
                        summary: index, order: order, event: access, path: path, isWrite: isWrite, isAtomic: isAtomic,
                        held: held, readOnly: held.subtracting(writeHeld), conventionHeld: summary.requiresHeldLock,
                        reportable: !unknownContext && !waited && !signalled.contains { $0.contains(order) }))
                default:
                    break
                }
            }
        }
        self.sites = sites
        self.invocations = Self.invocations(model)
    }

    /// Where each function is called or spawned, outside test code.
    static func invocations(_ model: PackageModel) -> [[(caller: Int, order: Int)]] {
        var result: [[(caller: Int, order: Int)]] = Array(repeating: [], count: model.summaries.count)
        for (index, summary) in model.summaries.enumerated() where !summary.isTestCode {
            for (order, event) in summary.events.enumerated() {
                switch event {
                case .call(let call):
                    for callee in model.callees(of: call, in: summary) where callee != index { result[callee].append((index, order)) }
                case .spawn(let spawn):
                    for body in model.spawned(spawn, in: summary) where body != index { result[body].append((index, order)) }
                default:
                    break
                }
            }
        }
        return result
    }

    /// Whether `first` happens before every run of `second`'s function: that function is only
    /// ever called or started from `first`'s, after it (`d.dataChannel = dc` and then
    /// `go d.readLoop()`).
    func precedesEveryRun(_ first: Site, of second: Site) -> Bool {
        let runs = invocations[second.summary]
        return !runs.isEmpty && runs.allSatisfy { $0.caller == first.summary && $0.order > first.order }
    }

    /// The judged field an access reaches, its path, and whether it writes or updates the field
    /// atomically; `nil` for accesses not through a receiver or parameter, and for fields that
    /// synchronize themselves (locks, atomics, channels, …) or cannot change.
    static func field(
        _ access: AccessEvent, model: PackageModel, judgedTypes: Set<String>
    ) -> (key: String, path: [String], isWrite: Bool, isAtomic: Bool)? {
        let target = access.target
        switch target.root {
        case .receiver, .parameter: break
        default: return nil
        }
        guard let type = target.rootType, judgedTypes.contains(type), let name = target.fields.first,
              let field = model.field(name, of: type), field.isMutable, !field.isIsolated
        else { return nil }
        switch field.type.category {
        case .lock, .readWriteLock, .atomic, .group, .semaphore, .channel, .continuation, .serialQueue, .concurrentQueue, .taskHandle:
            return nil
        default:
            break
        }
        var isWrite = access.isWrite
        var isAtomic = access.isAtomic
        if isAtomic, target.fields.count == 1, field.isPointer {
            // `atomic.AddInt32(s.refs, 1)` with `refs *int32` updates what the field points to;
            // the field itself is only read.
            isWrite = false
            isAtomic = false
        }
        if target.fields.count > 1 {
            // `s.db.dirty` is a field of what `s.db` points to, a type of the package whose
            // discipline (and atomics) are its own; `items.count` reads the property itself.
            if let fieldType = field.type.name, model.types[fieldType] != nil { return nil }
            // `s.Config.Handler = h` through a pointer writes the object pointed to: for the
            // field it is a plain read of the pointer.
            if field.isPointer {
                isWrite = false
                isAtomic = false
            }
        }
        return ("\(type).\(name)", target.fields, isWrite, isAtomic)
    }

    static func showsIntent(_ type: TypeDeclaration, ambiguous: Set<String>) -> Bool {
        guard type.kind != .actor, !type.isolation.isIsolated else { return false }
        if ambiguous.contains(type.name) { return false }
        if type.isUncheckedSendable { return true }
        return type.fields.contains { field in
            field.guardedBy != nil || field.type.category == .lock || field.type.category == .readWriteLock
                || field.type.category == .serialQueue
        }
    }

    /// Locks the function releases without having taken them (`unlock(&t.mu)` at the end of
    /// `timer.unlock`): its caller holds them until then.
    static func callersLocksReleased(_ summary: FunctionSummary, model: PackageModel) -> [(order: Int, key: String, isRead: Bool)] {
        var result: [(order: Int, key: String, isRead: Bool)] = []
        for (order, event) in summary.events.enumerated() {
            switch event {
            case .release(let lock) where !lock.isExecutor && !lock.held.contains(where: { $0.lock == lock.lock }):
                if let key = model.typeKey(lock.lock) { result.append((order, key, lock.isRead)) }
            case .call(let call) where unlockNames.contains(call.name):
                // `condition.unlock(withValue: true)`: an unlock the lock APIs do not spell, of
                // a lock field this function did not take.
                guard let receiver = call.receiver, !call.held.contains(where: { $0.lock == receiver }),
                      let (_, field) = model.declaredField(of: receiver),
                      field.type.category == .lock || field.type.category == .readWriteLock,
                      let key = model.typeKey(receiver)
                else { continue }
                result.append((order, key, call.name.lowercased() == "runlock"))
            default:
                break
            }
        }
        return result
    }

    /// Functions that wait for spawned work to stop: a group wait or join, or a `Wait`-named
    /// call, directly or in a function they call (two levels down).
    static func waitingFunctions(_ model: PackageModel) -> Set<Int> {
        var waits = Set<Int>()
        for (index, summary) in model.summaries.enumerated() {
            for event in summary.events {
                switch event {
                case .blocking(let blocking) where blocking.kind == .groupWait || blocking.kind == .join:
                    waits.insert(index)
                case .call(let call) where waitNames.contains(call.name):
                    waits.insert(index)
                default:
                    break
                }
            }
        }
        for _ in 0..<2 {
            var next = waits
            for (index, summary) in model.summaries.enumerated() where !waits.contains(index) {
                for case .call(let call) in summary.events where model.callees(of: call, in: summary).contains(where: { waits.contains($0) }) {
                    next.insert(index)
                    break
                }
            }
            waits = next
        }
        return waits
    }
}
