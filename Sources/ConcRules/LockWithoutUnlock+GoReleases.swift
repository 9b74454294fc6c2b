import ConcModel

/// Go-only shapes of `lock-without-unlock`: the wrong kind of unlock, and a deferred unlock in a loop.
extension LockWithoutUnlock {
    /// Go's `sync.RWMutex`: a body that only read-locks `x` but calls `x.Unlock()` (or only
    /// write-locks it but calls `x.RUnlock()`) releases the wrong lock, which is a fatal error at
    /// run time (or, with a writer holding it, releases the writer's lock).
    func reportMismatchedReleases(_ body: [Step], unit: Unit, context: RuleContext, into findings: inout [Finding]) {
        var firstLock: [String: (kind: Sync.Kind, range: SourceRange, sync: Sync)] = [:]
        var kinds: [String: Set<Sync.Kind>] = [:]
        var releases: [(path: String, kind: Sync.Kind, range: SourceRange)] = []
        OpenKeyPaths.forEachInlineStep(body, unit: unit) { step in
            guard case .sync(let sync) = step else { return }
            let path = Self.normalized(sync.targetPath)
            switch sync.kind {
            case .lock, .readLock:
                kinds[path, default: []].insert(sync.kind)
                if firstLock[path] == nil { firstLock[path] = (sync.kind, sync.range, sync) }
            case .unlock, .readUnlock, .tryLock:
                kinds[path, default: []].insert(sync.kind)
                guard sync.kind != .tryLock else { return }
                releases.append((path, sync.kind, sync.range))
            default: break
            }
        }
        var reported = Set<String>()
        for release in releases where !reported.contains(release.path) {
            // `TryRLock`/`TryLock` are one kind in the model: which lock they took is unknown.
            guard let lock = firstLock[release.path], let taken = kinds[release.path], !taken.contains(.tryLock) else { continue }
            let mismatched = release.kind == .unlock
                ? lock.kind == .readLock && !taken.contains(.lock)
                : lock.kind == .lock && !taken.contains(.readLock)
            // Only `sync.RWMutex` makes the mismatch fatal; other lockers (file locks, a
            // project's `Locker` interface) may release either kind with `Unlock`.
            guard mismatched, Self.isReadWriteMutex(lock.sync, unit: unit) else { continue }
            reported.insert(release.path)
            let (took, released, wanted, held) = release.kind == .unlock
                ? ("RLock", "Unlock", "RUnlock", "read") : ("Lock", "RUnlock", "Unlock", "write")
            findings.append(context.finding(
                "`\(release.path).\(took)()` is released with `\(released)()`, which releases a lock this code does not hold: a fatal error at run time, and the \(held) lock stays held; use `\(wanted)()`",
                at: release.range,
                related: [RelatedLocation(range: lock.range, message: "locked here with `\(took)()`")]))
        }
    }

    /// Whether the lock `sync` operates on is declared a `sync.RWMutex` where this file can see
    /// it: a variable of that type, a field of a type the file declares (through any number of
    /// fields), or such a type embedding one.
    static func isReadWriteMutex(_ sync: Sync, unit: Unit) -> Bool {
        guard let place = sync.targetPlace ?? sync.target.map({ Place(root: $0) }) else { return false }
        var type = unit[place.root].type
        for component in place.components {
            guard case .field(let name) = component else { continue }
            guard let declaration = declaration(of: type, in: unit),
                  let field = declaration.fields.first(where: { $0.name == name })
            else { return false }
            type = field.type
        }
        if type.category == .readWriteLock { return true }
        // `s.RLock()` on a struct embedding the mutex.
        return declaration(of: type, in: unit)?.fields.contains { $0.isEmbedded && $0.type.category == .readWriteLock } ?? false
    }

    private static func declaration(of type: TypeFacts, in unit: Unit) -> TypeDeclaration? {
        guard let spelled = type.name else { return nil }
        let name = spelled.drop { $0 == "*" }
        return unit.types.first { $0.name == name }
    }

    /// Go: `for … { mu.Lock(); defer mu.Unlock(); … }` — a deferred call runs when the function
    /// returns, not when the iteration ends, so the second iteration locks a held lock.
    func reportDeferredUnlocksInLoops(_ body: [Step], unit: Unit, context: RuleContext, into findings: inout [Finding]) {
        /// `leaves`: a block around this one leaves the loop or the function once it is done.
        func visit(_ steps: [Step], loop: Loop?, leaves: Bool, depth: Int) {
            guard depth < FlowBuilder.maximumDepth else { return }
            for (index, step) in steps.enumerated() {
                // The path goes on to leave the loop or the function (`defer …; return x`).
                let leavesAfter = leaves || steps[(index + 1)...].contains { later in
                    guard case .exit(let exit) = later else { return false }
                    return exit.kind != .loopExit || !exit.continuesLoop
                }
                switch step {
                case .loop(let inner):
                    // A loop that runs at most once never locks twice.
                    if case .constantCount(let count) = inner.domain, count <= 1 {
                        visit(inner.body, loop: loop, leaves: leavesAfter, depth: depth + 1)
                    } else {
                        visit(inner.body, loop: inner, leaves: false, depth: depth + 1)
                    }
                case .deferred(let deferred):
                    guard let loop, !leavesAfter else { continue }
                    var released: [String] = []
                    OpenKeyPaths.forEachInlineStep(deferred.body, unit: unit) { if let key = Self.unlockKey($0) { released.append(key) } }
                    for key in Set(released).sorted() {
                        var lockRange: SourceRange?
                        OpenKeyPaths.forEachInlineStep(loop.body, unit: unit) { inner in
                            guard lockRange == nil, Self.lockKey(inner) == key, case .sync(let sync) = inner,
                                  sync.range.start < deferred.range.start
                            else { return }
                            // `parent.mu` for a `parent` the loop moves on: a different lock each time.
                            if let target = sync.target, loop.variables.contains(target)
                                || loop.range.start <= unit[target].range.start && unit[target].range.start < loop.range.end {
                                return
                            }
                            lockRange = sync.range
                        }
                        guard let lockRange, key.hasPrefix("w:") else { continue }
                        let name = Self.displayName(key)
                        findings.append(context.finding(
                            "`defer` releases `\(name)` when the function returns, not at the end of the iteration: the next iteration locks it again while it is held and blocks forever",
                            at: deferred.range,
                            related: [RelatedLocation(range: lockRange, message: "locked here on every iteration")]))
                    }
                case .branch(let branch): for arm in branch.arms { visit(arm, loop: loop, leaves: leavesAfter, depth: depth + 1) }
                case .select(let select):
                    for selectCase in select.cases { visit(selectCase.body, loop: loop, leaves: leavesAfter, depth: depth + 1) }
                case .critical(let critical): visit(critical.body, loop: loop, leaves: leavesAfter, depth: depth + 1)
                default: break
                }
            }
        }
        visit(body, loop: nil, leaves: false, depth: 0)
    }
}
