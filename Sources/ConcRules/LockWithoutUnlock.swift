import ConcModel

/// `lock-without-unlock`: a lock taken and released later in the same body, but left held on a
/// path that leaves before the release (an early `return`, a `throw`) with no `defer` releasing
/// it; or, in Swift, a lock held across an `await`. A `panic` is not a leak: unrecovered, it ends
/// the program.
struct LockWithoutUnlock: Rule {
    static let id = "lock-without-unlock"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        let releasers = handOffReleasers(unit)
        let closureReleasers = handOffClosureReleasers(unit)
        let handedByAddress = unit.facts.locksAreHandedByAddress
        let lockCallees = LockCallees(unit)
        let releasedByCallers = lockCallees.releasedByCallers { step, caller in
            if let key = Self.unlockKey(step) { return key }
            if case .call(let call) = step { return lockCallees.releasedKey(call, in: caller) }
            return nil
        }
        for function in unit.functions where analysis.flowOwner[function.id.index] == function.id {
            // A call of a declared function of the file that returns holding a lock takes it for
            // this body; one that releases a lock it did not take releases this body's. A call
            // whose result a branch tests (`if !m.lock() { return }`) reports whether it took it.
            let tested = Self.testedCalls(function.body, unit: unit)
            let opens: (Step) -> String? = { step in
                if let key = Self.lockKey(step) { return key }
                if case .call(let call) = step, !tested.contains(call.range) { return lockCallees.acquiredKey(call, in: function) }
                return nil
            }
            let closes: (Step) -> String? = { step in
                if let key = Self.unlockKey(step) { return key }
                // A Go lock used other than by its methods is handed on (`gopark(…, &l)`,
                // `sync.NewCond(&mu)`): whoever takes it may release it.
                if handedByAddress, case .access(let access) = step, access.kind == .read { return "w:" + Self.normalized(access.path) }
                if case .call(let call) = step {
                    if let value = call.functionValue, let closure = unit[value].closure { return closureReleasers[closure] }
                    return lockCallees.releasedKey(call, in: function) ?? releasers[call.name]
                }
                return nil
            }
            guard takesLock(function.body, unit: unit, opens: opens) else { continue }
            var walk = OpenKeyPaths(unit: unit, opens: opens, closes: closes)
            let end = walk.walk(function.body)
            let releases = releaseSites(in: function.body, unit: unit) { lockCallees.releasedKey($0, in: function) }
            // Keys a call of this body takes or releases: a fix that moves the body's own
            // releases would not see those.
            var keysOfCalls = Set<String>()
            OpenKeyPaths.forEachInlineStep(function.body, unit: unit) { step in
                guard case .call = step else { return }
                if let key = opens(step) ?? closes(step) { keysOfCalls.insert(key) }
            }
            // Whether some path that took the lock at `lockRange` leaves the function without it:
            // the body does mean to release it.
            func releasedOnExit(_ key: String, after lockRange: SourceRange) -> Bool {
                if let end, end[key] == nil { return true }
                return walk.exits.contains { other in
                    other.exit.kind != .panic && other.exit.range.start > lockRange.start
                        && (other.open[key] == nil || other.deferredClosed.contains(key))
                }
            }
            let enteredHeld = Self.keysEnteredHeld(function, opens: opens, closes: closes)
            // A lock operation of its own returns holding the lock on its success path, or on
            // every path when its callers release what it took.
            var acquired = Self.keysAcquiredOnSuccess(walk.exits, taken: Self.locksBefore(function.body, unit: unit, opens: opens))
            if releasedByCallers.contains(function.id), let key = lockCallees.ownAcquiredKey(function.id) { acquired.insert(key) }
            // Locks of a named result (`i.mu` of `find() (i *indirect)`) are the caller's to
            // release: the function hands the locked object back.
            var resultLocks = Set<String>()
            UnitAnalysis.forEachStep(function.body) { step in
                if let key = Self.lockKey(step), case .sync(let sync) = step, let target = sync.target,
                   unit[target].kind == .result {
                    resultLocks.insert(key)
                }
            }
            var leaks: [SourceRange: (key: String, exits: [Exit])] = [:]
            for record in walk.exits where record.exit.kind != .panic {
                for (key, lockRange) in record.open where !record.deferredClosed.contains(key) && !enteredHeld.contains(key)
                    && !resultLocks.contains(key) && !acquired.contains(key) {
                    // Only a path that skips a release the normal path makes on its way out is a
                    // leak; a body that always returns holding the lock hands it to its caller.
                    // A lock taken and released in each round of a loop (`for { mu.Lock(); …;
                    // mu.Unlock() }`) is meant to be released in that round, even when the loop
                    // never ends and no path leaves without it.
                    let loop = Self.innermostLoop(around: lockRange, in: function.body)
                    let releasedThisRound = loop.map { loop in
                        loop.contains(record.exit.range.start)
                            && releases[key, default: []].contains { $0.start > record.exit.range.start && loop.contains($0.start) }
                    } ?? false
                    guard releasedThisRound || releasedOnExit(key, after: lockRange),
                          releases[key, default: []].contains(where: { $0.start > record.exit.range.start })
                    else { continue }
                    leaks[lockRange, default: (key, [])].exits.append(record.exit)
                }
            }
            for (lockRange, leak) in leaks.sorted(by: { $0.key.start < $1.key.start }) {
                let name = Self.displayName(leak.key)
                let path = leak.exits[0].isFailedTry ? "when a `try` before its unlock throws"
                    : leak.exits[0].kind == .throw ? "on a `throw` before its unlock" : "on an early `return` before its unlock"
                findings.append(context.finding(
                    "lock `\(name)` is not released \(path); the next caller that locks it blocks forever",
                    at: lockRange,
                    related: leak.exits.map { RelatedLocation(range: $0.range, message: "leaves here with `\(name)` held") }
                ).adding(releaseFixes(
                    lockRange: lockRange, key: leak.key, exits: leak.exits, in: function, unit: unit, context: context,
                    takenOrReleasedByCalls: keysOfCalls.contains(leak.key))))
            }
            if unit.facts.lockReleaseMustMatchMode {
                reportMismatchedReleases(function.body, unit: unit, context: context, into: &findings)
            }
            if !unit.facts.deferRunsAtBlockEnd {
                reportDeferredUnlocksInLoops(function.body, unit: unit, context: context, into: &findings)
            }
            reportLoopJumps(walk.loopJumps, body: function.body, unit: unit, releases: releases, skipping: leaks, context: context, into: &findings)
            // Only code that suspends has suspension points; the walk records none elsewhere.
            var awaits: [SourceRange: (key: String, points: [SourceRange])] = [:]
            for record in walk.suspensions {
                for (key, lockRange) in record.open where leaks[lockRange] == nil {
                    awaits[lockRange, default: (key, [])].points.append(record.range)
                }
            }
            for (lockRange, held) in awaits.sorted(by: { $0.key.start < $1.key.start }) {
                let name = Self.displayName(held.key)
                findings.append(context.finding(
                    "lock `\(name)` is held across `await`; the task may resume on another thread and every other thread that locks it waits meanwhile",
                    at: lockRange,
                    related: held.points.map { RelatedLocation(range: $0, message: "suspends here with `\(name)` held") }))
            }
        }
    }

    /// The calls whose results a branch of the body tests.
    static func testedCalls(_ body: [Step], unit: Unit) -> Set<SourceRange> {
        var ranges = Set<SourceRange>()
        OpenKeyPaths.forEachInlineStep(body, unit: unit) { step in
            if case .branch(let branch) = step { ranges.formUnion(branch.testedCalls.map(\.range)) }
        }
        return ranges
    }

    /// The range of the innermost loop whose body holds `range`.
    static func innermostLoop(around range: SourceRange, in steps: [Step]) -> SourceRange? {
        var found: SourceRange?
        UnitAnalysis.forEachStep(steps) { step in
            guard case .loop(let loop) = step, loop.range.contains(range.start) else { return }
            if found.map({ loop.range.start.offset >= $0.start.offset }) ?? true { found = loop.range }
        }
        return found
    }

    /// The locks a function is entered holding and re-takes after releasing them: those whose
    /// first operation in the body is a release, or any lock when the function says its caller
    /// holds one (`// Call with lock held`, `flushLocked`). Returning with them held is its
    /// contract, whatever path it takes.
    static func keysEnteredHeld(
        _ function: Function, opens: (Step) -> String? = lockKey, closes: (Step) -> String? = unlockKey
    ) -> Set<String> {
        var first: [String: Bool] = [:]
        UnitAnalysis.forEachStep(function.body) { step in
            if let key = opens(step), first[key] == nil { first[key] = false }
            if let key = closes(step), first[key] == nil { first[key] = true }
        }
        if function.documentedAsLockHeld || LockConvention.nameRequiresHeldLock(function.name) { return Set(first.keys) }
        return Set(first.filter(\.value).keys)
    }

    /// Closures held in locals that release a lock they do not take (`doErr := func(err error) {
    /// …; mu.Unlock() }`): calling one through its local releases the caller's lock.
    private func handOffClosureReleasers(_ unit: Unit) -> [FunctionID: String] {
        var releasers: [FunctionID: String] = [:]
        for binding in unit.bindings {
            guard let closure = binding.closure, releasers[closure] == nil else { continue }
            if let key = Self.releasedNotTaken(unit[closure].body, unit: unit) { releasers[closure] = key }
        }
        return releasers
    }

    /// The key of a lock the body releases without taking it, if any.
    private static func releasedNotTaken(_ body: [Step], unit: Unit) -> String? {
        var taken = Set<String>()
        var released = Set<String>()
        OpenKeyPaths.forEachInlineStep(body, unit: unit) { step in
            if let key = lockKey(step) { taken.insert(key) }
            if let key = unlockKey(step) { released.insert(key) }
        }
        return released.subtracting(taken).sorted().first
    }

    /// Declared functions in the file that release a lock they do not take (`unlockAndRun()`,
    /// a `startTask()` that ends with `lock.unlock()`): a call of one hands the lock over to it,
    /// by name, with the lock's key.
    private func handOffReleasers(_ unit: Unit) -> [String: String] {
        var releasers: [String: String] = [:]
        for function in unit.functions where function.kind == .declared {
            if let key = Self.releasedNotTaken(function.body, unit: unit) { releasers[function.name] = key }
        }
        return releasers
    }

    /// Whether the body (with the in-place closures it calls) takes a lock.
    private func takesLock(_ body: [Step], unit: Unit, opens: (Step) -> String?) -> Bool {
        var found = false
        OpenKeyPaths.forEachInlineStep(body, unit: unit) { step in
            if !found, opens(step) != nil { found = true }
        }
        return found
    }

    /// The locks a lock operation of its own returns holding: those some `return true` leaves
    /// holding while the paths that released them leave otherwise — no `return` that holds one
    /// says `false` and every `return` after releasing it that says anything says `false`
    /// (`TryLockFor`, a condition lock's `lock(whenValue:timeout:)`: the success path hands the
    /// lock to the caller).
    /// `takenAt` says which locks a path may have taken by each exit: a lock it cannot have taken
    /// (a `return true` of a build that has no lock) says nothing of failure.
    static func keysAcquiredOnSuccess(_ exits: [OpenKeyPaths.ExitRecord], taken takenAt: [SourceRange: Set<String>]) -> Set<String> {
        let returns = exits.filter { $0.exit.kind == .return }
        var keys = Set<String>()
        for key in Set(returns.flatMap(\.open.keys)) {
            var held = 0
            var released = 0
            var agrees = true
            for record in returns {
                if record.open[key] != nil, !record.deferredClosed.contains(key) {
                    // `return true`, or a result worked out under the lock (`return try
                    // wait(until: deadline)`) beside a `return true` elsewhere.
                    if record.exit.returnsBool == true { held += 1 }
                    if record.exit.returnsBool == false { agrees = false }
                } else if record.exit.returnsBool != nil, takenAt[record.exit.range]?.contains(key) == true {
                    released += record.exit.returnsBool == false ? 1 : 0
                    if record.exit.returnsBool == true { agrees = false }
                }
            }
            if agrees, held > 0, released > 0 { keys.insert(key) }
        }
        return keys
    }

    /// For each exit, the locks taken earlier in the body on a path that can reach it: before it
    /// in the source and not in another arm of a branch both lie in.
    static func locksBefore(_ body: [Step], unit: Unit, opens: (Step) -> String?) -> [SourceRange: Set<String>] {
        struct Arm: Hashable { var branch: SourceRange; var index: Int }
        var locks: [(key: String, start: SourcePosition, arms: [Arm])] = []
        var exits: [(range: SourceRange, arms: [Arm])] = []
        func visit(_ steps: [Step], arms: [Arm], depth: Int) {
            guard depth < 200 else { return }
            for step in steps {
                if let key = opens(step), let range = OpenKeyPaths.range(of: step) { locks.append((key, range.start, arms)) }
                switch step {
                case .exit(let exit): exits.append((exit.range, arms))
                case .loop(let loop): visit(loop.header, arms: arms, depth: depth + 1); visit(loop.body, arms: arms, depth: depth + 1)
                case .branch(let branch):
                    for (index, arm) in branch.arms.enumerated() { visit(arm, arms: arms + [Arm(branch: branch.range, index: index)], depth: depth + 1) }
                case .select(let select):
                    for (index, selectCase) in select.cases.enumerated() {
                        visit(selectCase.body, arms: arms + [Arm(branch: select.range, index: index)], depth: depth + 1)
                    }
                case .critical(let critical): visit(critical.body, arms: arms, depth: depth + 1)
                case .spawn(let spawn): visit(spawn.arguments, arms: arms, depth: depth + 1)
                case .closure(let use) where use.invocation == .inPlace: visit(unit[use.function].body, arms: arms, depth: depth + 1)
                default: break
                }
            }
        }
        visit(body, arms: [], depth: 0)
        var result: [SourceRange: Set<String>] = [:]
        for exit in exits {
            for lock in locks where lock.start < exit.range.start {
                let exclusive = lock.arms.contains { arm in exit.arms.contains { $0.branch == arm.branch && $0.index != arm.index } }
                if !exclusive { result[exit.range, default: []].insert(lock.key) }
            }
        }
        return result
    }

    /// Where each lock is released outside `defer`, by key: by its own steps, and by calls of
    /// declared functions that release it (`callReleases`).
    private func releaseSites(in body: [Step], unit: Unit, callReleases: (Call) -> String?) -> [String: [SourceRange]] {
        var sites: [String: [SourceRange]] = [:]
        func visit(_ steps: [Step], depth: Int) {
            guard depth < 200 else { return }
            for step in steps {
                if let key = Self.unlockKey(step), case .sync(let sync) = step { sites[key, default: []].append(sync.range) }
                if case .call(let call) = step, let key = callReleases(call) { sites[key, default: []].append(call.range) }
                switch step {
                case .loop(let loop): visit(loop.header, depth: depth + 1); visit(loop.body, depth: depth + 1)
                case .branch(let branch): for arm in branch.arms { visit(arm, depth: depth + 1) }
                case .critical(let critical): visit(critical.body, depth: depth + 1)
                case .select(let select): for selectCase in select.cases { visit(selectCase.body, depth: depth + 1) }
                case .closure(let use) where use.invocation == .inPlace: visit(unit[use.function].body, depth: depth + 1)
                default: break
                }
            }
        }
        visit(body, depth: 0)
        return sites
    }

    /// `mu.Lock()` → `w:mu`, `mu.RLock()` → `r:mu`; `self.` is dropped so both spellings agree.
    static func lockKey(_ step: Step) -> String? {
        guard case .sync(let sync) = step else { return nil }
        switch sync.kind {
        case .lock: return "w:" + normalized(sync.targetPath)
        case .readLock: return "r:" + normalized(sync.targetPath)
        default: return nil
        }
    }

    static func unlockKey(_ step: Step) -> String? {
        guard case .sync(let sync) = step else { return nil }
        switch sync.kind {
        case .unlock: return "w:" + normalized(sync.targetPath)
        case .readUnlock: return "r:" + normalized(sync.targetPath)
        default: return nil
        }
    }

    static func normalized(_ path: String) -> String {
        path.hasPrefix("self.") ? String(path.dropFirst(5)) : path
    }

    static func displayName(_ key: String) -> String {
        String(key.dropFirst(2))
    }
}
