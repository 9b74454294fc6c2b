import ConcModel

/// `lock-without-unlock`: a lock taken and released later in the same body, but left held on a
/// path that leaves before the release (an early `return`, a `throw`) with no `defer` releasing
/// it; or, in Swift, a lock held across an `await`. A `panic` is not a leak: unrecovered, it ends
/// the program.
struct LockWithoutUnlock: Rule {
    static let id = "lock-without-unlock"

    /// Name prefixes (lower-cased) of functions that are themselves lock operations.
    static let acquisitionPrefixes = ["lock", "trylock", "rlock", "tryrlock", "acquire", "tryacquire"]

    /// Whether `function` is a lock operation of its own (`lock(whenValue:timeoutSeconds:)`,
    /// `TryLock()`, `acquire()`): returning with the lock held on the path that took it is its
    /// contract, so a path that releases it first (a timeout) does not make the others leaks.
    static func isAcquisition(_ function: Function) -> Bool {
        guard function.kind == .declared else { return false }
        let name = function.name.lowercased()
        return acquisitionPrefixes.contains { name.hasPrefix($0) }
    }

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        let releasers = handOffReleasers(unit)
        let isGo = unit.language == .go
        let closes: (Step) -> String? = { step in
            if let key = Self.unlockKey(step) { return key }
            // A Go lock used other than by its methods is handed on (`gopark(…, &l)`,
            // `sync.NewCond(&mu)`): whoever takes it may release it.
            if isGo, case .access(let access) = step, access.kind == .read { return "w:" + Self.normalized(access.path) }
            if case .call(let call) = step { return releasers[call.name] }
            return nil
        }
        for function in unit.functions where analysis.flowOwner[function.id.index] == function.id {
            guard takesLock(function.body, unit: unit), !Self.isAcquisition(function) else { continue }
            var walk = OpenKeyPaths(unit: unit, opens: Self.lockKey, closes: closes)
            let end = walk.walk(function.body)
            let releases = releaseSites(in: function.body, unit: unit)
            // Whether some path that took the lock at `lockRange` leaves the function without it:
            // the body does mean to release it.
            func releasedOnExit(_ key: String, after lockRange: SourceRange) -> Bool {
                if let end, end[key] == nil { return true }
                return walk.exits.contains { other in
                    other.exit.kind != .panic && other.exit.range.start > lockRange.start
                        && (other.open[key] == nil || other.deferredClosed.contains(key))
                }
            }
            var leaks: [SourceRange: (key: String, exits: [Exit])] = [:]
            for record in walk.exits where record.exit.kind != .panic {
                for (key, lockRange) in record.open where !record.deferredClosed.contains(key) {
                    // Only a path that skips a release the normal path makes on its way out is a
                    // leak; a body that always returns holding the lock hands it to its caller.
                    guard releasedOnExit(key, after: lockRange),
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
                    related: leak.exits.map { RelatedLocation(range: $0.range, message: "leaves here with `\(name)` held") }))
            }
            if unit.language == .go {
                reportMismatchedReleases(function.body, unit: unit, context: context, into: &findings)
                reportDeferredUnlocksInLoops(function.body, unit: unit, context: context, into: &findings)
            }
            reportLoopJumps(walk.loopJumps, body: function.body, unit: unit, releases: releases, skipping: leaks, context: context, into: &findings)
            guard unit.language == .swift else { continue }
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

    /// Go's `sync.RWMutex`: a body that only read-locks `x` but calls `x.Unlock()` (or only
    /// write-locks it but calls `x.RUnlock()`) releases the wrong lock, which is a fatal error at
    /// run time (or, with a writer holding it, releases the writer's lock).
    private func reportMismatchedReleases(_ body: [Step], unit: Unit, context: RuleContext, into findings: inout [Finding]) {
        var firstLock: [String: (kind: Sync.Kind, range: SourceRange)] = [:]
        var kinds: [String: Set<Sync.Kind>] = [:]
        var releases: [(path: String, kind: Sync.Kind, range: SourceRange)] = []
        OpenKeyPaths.forEachInlineStep(body, unit: unit) { step in
            guard case .sync(let sync) = step else { return }
            let path = Self.normalized(sync.targetPath)
            switch sync.kind {
            case .lock, .readLock:
                kinds[path, default: []].insert(sync.kind)
                if firstLock[path] == nil { firstLock[path] = (sync.kind, sync.range) }
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
            guard mismatched else { continue }
            reported.insert(release.path)
            let (took, released, wanted, held) = release.kind == .unlock
                ? ("RLock", "Unlock", "RUnlock", "read") : ("Lock", "RUnlock", "Unlock", "write")
            findings.append(context.finding(
                "`\(release.path).\(took)()` is released with `\(released)()`, which releases a lock this code does not hold: a fatal error at run time, and the \(held) lock stays held; use `\(wanted)()`",
                at: release.range,
                related: [RelatedLocation(range: lock.range, message: "locked here with `\(took)()`")]))
        }
    }

    /// A `continue` that skips the unlock later in the loop's body: the next iteration locks a
    /// lock it still holds (a read lock is never released, so every writer waits forever). A
    /// `break` out of a loop or a `switch` arm that skips it, with no release after that
    /// statement: the lock stays held.
    private func reportLoopJumps(
        _ records: [OpenKeyPaths.LoopJumpRecord], body: [Step], unit: Unit, releases: [String: [SourceRange]],
        skipping leaks: [SourceRange: (key: String, exits: [Exit])], context: RuleContext, into findings: inout [Finding]
    ) {
        var held: [SourceRange: (key: String, isContinue: Bool, fromSwitch: Bool, jumps: [SourceRange])] = [:]
        for record in records {
            for (key, lockRange) in record.open where leaks[lockRange] == nil {
                // A loop whose body releases the lock before taking it expects it held at the top
                // (`lock(&l); for { …; unlock(&l); …; lock(&l); continue }`).
                if let loop = record.loop, !firstTouchLocks(key, in: loop.body, unit: unit) { continue }
                let keyReleases = releases[key, default: []]
                let skipsRelease = keyReleases.contains { $0.start > record.range.start && $0.end <= record.scope.end }
                guard skipsRelease else { continue }
                // After a `break`, a release below the statement (a `defer` too) may be the one
                // meant for this path.
                if !record.isContinue, releasesAnywhere(key, after: record.scope.end, in: body, unit: unit) { continue }
                if held[lockRange] == nil { held[lockRange] = (key, record.isContinue, record.loop == nil, []) }
                held[lockRange]?.jumps.append(record.range)
            }
        }
        for (lockRange, lock) in held.sorted(by: { $0.key.start < $1.key.start }) {
            let name = Self.displayName(lock.key)
            let word = lock.isContinue ? "continue" : "break"
            let statement = lock.fromSwitch ? "switch" : "loop"
            let consequence: String
            if lock.key.hasPrefix("r:") {
                consequence = "the read lock is never released, so every writer blocks forever"
            } else if lock.isContinue {
                consequence = "the next iteration locks it again while it is held and blocks forever"
            } else {
                consequence = "it stays held after the \(statement), and the next caller that locks it blocks forever"
            }
            let goesOn = lock.isContinue ? "goes on to the next iteration" : "leaves the \(statement)"
            findings.append(context.finding(
                "lock `\(name)` is not released on a `\(word)` before its unlock; \(consequence)",
                at: lockRange,
                related: lock.jumps.map { RelatedLocation(range: $0, message: "\(goesOn) with `\(name)` held") }))
        }
    }

    /// Go: `for … { mu.Lock(); defer mu.Unlock(); … }` — a deferred call runs when the function
    /// returns, not when the iteration ends, so the second iteration locks a held lock.
    private func reportDeferredUnlocksInLoops(_ body: [Step], unit: Unit, context: RuleContext, into findings: inout [Finding]) {
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

    /// Whether `body` releases `key` (deferred or not) somewhere after `position`.
    private func releasesAnywhere(_ key: String, after position: SourcePosition, in body: [Step], unit: Unit) -> Bool {
        var found = false
        OpenKeyPaths.forEachInlineStep(body, unit: unit) { step in
            if !found, Self.unlockKey(step) == key, case .sync(let sync) = step, sync.range.start >= position { found = true }
        }
        return found
    }

    /// Whether the first step of `body` (in source order) that locks or unlocks `key` locks it.
    private func firstTouchLocks(_ key: String, in body: [Step], unit: Unit) -> Bool {
        var first: Bool?
        OpenKeyPaths.forEachInlineStep(body, unit: unit) { step in
            guard first == nil else { return }
            if Self.lockKey(step) == key { first = true } else if Self.unlockKey(step) == key { first = false }
        }
        return first == true
    }

    /// Declared functions in the file that release a lock they do not take (`unlockAndRun()`,
    /// a `startTask()` that ends with `lock.unlock()`): a call of one hands the lock over to it,
    /// by name, with the lock's key.
    private func handOffReleasers(_ unit: Unit) -> [String: String] {
        var releasers: [String: String] = [:]
        for function in unit.functions where function.kind == .declared {
            var taken = Set<String>()
            var released = Set<String>()
            OpenKeyPaths.forEachInlineStep(function.body, unit: unit) { step in
                if let key = Self.lockKey(step) { taken.insert(key) }
                if let key = Self.unlockKey(step) { released.insert(key) }
            }
            if let key = released.subtracting(taken).sorted().first { releasers[function.name] = key }
        }
        return releasers
    }

    /// Whether the body (with the in-place closures it calls) takes a lock.
    private func takesLock(_ body: [Step], unit: Unit) -> Bool {
        var found = false
        OpenKeyPaths.forEachInlineStep(body, unit: unit) { step in
            if Self.lockKey(step) != nil { found = true }
        }
        return found
    }

    /// Where each lock is released outside `defer`, by key.
    private func releaseSites(in body: [Step], unit: Unit) -> [String: [SourceRange]] {
        var sites: [String: [SourceRange]] = [:]
        func visit(_ steps: [Step], depth: Int) {
            guard depth < 200 else { return }
            for step in steps {
                if let key = Self.unlockKey(step), case .sync(let sync) = step { sites[key, default: []].append(sync.range) }
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
