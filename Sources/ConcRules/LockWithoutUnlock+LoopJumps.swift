import ConcModel

/// `lock-without-unlock` for `continue` and `break`: a jump that skips the unlock later in the
/// loop or switch arm it leaves.
extension LockWithoutUnlock {
    /// A `continue` that skips the unlock later in the loop's body: the next iteration locks a
    /// lock it still holds (a read lock is never released, so every writer waits forever). A
    /// `break` out of a loop or a `switch` arm that skips it, with no release after that
    /// statement: the lock stays held.
    func reportLoopJumps(
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
                related: lock.jumps.map { RelatedLocation(range: $0, message: "\(goesOn) with `\(name)` held") }
            ).adding(jumpReleaseFix(jumps: lock.jumps, releases: releases[lock.key, default: []], unit: unit)))
        }
    }

    /// Whether `body` releases `key` (deferred or not) somewhere after `position`.
    func releasesAnywhere(_ key: String, after position: SourcePosition, in body: [Step], unit: Unit) -> Bool {
        var found = false
        OpenKeyPaths.forEachInlineStep(body, unit: unit) { step in
            if !found, Self.unlockKey(step) == key, case .sync(let sync) = step, sync.range.start >= position { found = true }
        }
        return found
    }

    /// Whether the first step of `body` (in source order) that locks or unlocks `key` locks it.
    func firstTouchLocks(_ key: String, in body: [Step], unit: Unit) -> Bool {
        var first: Bool?
        OpenKeyPaths.forEachInlineStep(body, unit: unit) { step in
            guard first == nil else { return }
            if Self.lockKey(step) == key { first = true } else if Self.unlockKey(step) == key { first = false }
        }
        return first == true
    }
}
