import ConcModel

/// The judgement of one field's accesses across a package: which unguarded access races with
/// which guarded (or atomic) one.
///
/// A finding needs a racing pair: the access reported, and an access of the same field in
/// another function that conflicts with it (one of them writes) and that nothing orders — no
/// lock held at both (not both as readers), and not a goroutine started after the one access by
/// the only function that starts the other's.
struct FieldAudit {
    typealias Site = FieldAccessSites.Site

    let key: String
    let sites: [Site]
    let index: FieldAccessSites
    let package: PackageAnalysis
    let context: PackageRuleContext

    /// Calls are followed this deep to find a reader's earlier call of the locked writer.
    static let writerSearchDepth = 3
    /// Functions visited per search, at most.
    static let writerSearchLimit = 256

    // MARK: Atomics

    /// Reports plain accesses racing with atomic updates of the same memory; returns whether
    /// the field is updated atomically anywhere (then its lock discipline is not judged).
    func reportMixedAtomics(into findings: inout [Finding]) -> Bool {
        let atomics = sites.filter(\.isAtomic)
        guard !atomics.isEmpty else { return false }
        let model = package.model
        var seen = Set<Int>()
        for site in sites where !site.isAtomic && site.reportable && !site.conventionHeld {
            guard let atomic = atomics.first(where: { other in
                other.summary != site.summary && (site.isWrite || other.isWrite) && Self.overlap(site.path, other.path)
                    && !site.isExcluded(with: other) && !index.precedesEveryRun(other, of: site)
                    && !index.precedesEveryRun(site, of: other)
            }), seen.insert(site.summary).inserted
            else { continue }
            let summary = model.summaries[site.summary]
            let atomicSummary = model.summaries[atomic.summary]
            findings.append(context.finding(
                "`\(key)` is \(site.isWrite ? "written" : "read") plainly here but updated with atomic operations elsewhere: the plain access races with them",
                path: summary.path, language: package.language(of: summary.path), at: site.event.range,
                related: [RelatedLocation(range: atomic.event.range, message: "atomic access here",
                                          path: atomicSummary.path == summary.path ? nil : atomicSummary.path)]))
        }
        return true
    }

    /// Whether two field paths can touch the same memory: one is a prefix of the other.
    static func overlap(_ lhs: [String], _ rhs: [String]) -> Bool {
        let shorter = min(lhs.count, rhs.count)
        return Array(lhs.prefix(shorter)) == Array(rhs.prefix(shorter))
    }

    // MARK: Lock discipline

    /// Reports accesses without the lock that guards the field, and writes under only its read
    /// lock, each paired with a guarded access in another function that it races with.
    func reportLockDiscipline(into findings: inout [Finding]) {
        let model = package.model
        guard let (lock, count) = discipline() else { return }
        let lockName = lock.split(separator: ".").last.map(String.init) ?? lock
        var seen = Set<Int>()
        // `x++` reads then writes at one place: report the write.
        let ordered = sites.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.event.range.start == b.event.range.start, a.isWrite != b.isWrite { return a.isWrite }
            return lhs.offset < rhs.offset
        }.map(\.element)
        for site in ordered where site.reportable && !site.conventionHeld {
            let summary = model.summaries[site.summary]
            if !site.held.contains(lock) {
                guard let partner = racingGuardedAccess(site, lock: lock), !readsAfterCallingWriters(site, lock: lock),
                      seen.insert(site.summary).inserted
                else { continue }
                findings.append(finding(
                    "`\(key)` is \(site.isWrite ? "written" : "read") without holding `\(lockName)`, which guards it in \(count) of its \(sites.count) accesses",
                    at: site, in: summary, partner: partner,
                    note: "\(partner.isWrite ? "written" : "accessed") with `\(lockName)` held here"))
            } else if site.isWrite, site.readOnly.contains(lock) {
                // Readers run together: a write under the read lock races with any other access
                // under it, or with itself in another reader.
                guard let partner = sites.first(where: { $0.held.contains(lock) && !site.isExcluded(with: $0) }),
                      seen.insert(site.summary).inserted
                else { continue }
                let writer = sites.first { $0.isWrite && $0.held.contains(lock) && !$0.readOnly.contains(lock) } ?? partner
                findings.append(finding(
                    "`\(key)` is written while holding only the read lock of `\(lockName)`: other readers run at the same time",
                    at: site, in: summary, partner: writer, note: "written with `\(lockName)` held here"))
            }
        }
    }

    private func finding(_ message: String, at site: Site, in summary: FunctionSummary, partner: Site, note: String) -> Finding {
        let partnerPath = package.model.summaries[partner.summary].path
        return context.finding(
            message, path: summary.path, language: package.language(of: summary.path), at: site.event.range,
            related: [RelatedLocation(range: partner.event.range, message: note, path: partnerPath == summary.path ? nil : partnerPath)])
    }

    /// The lock that guards the field: named by a `// guarded by` comment, or held at most of its
    /// accesses (at least two, at least half) including a write.
    func discipline() -> (String, Int)? {
        var counts: [String: Int] = [:]
        for site in sites {
            for lock in site.held { counts[lock, default: 0] += 1 }
        }
        let parts = key.split(separator: ".")
        if parts.count == 2, let field = package.model.field(String(parts[1]), of: String(parts[0])), let named = field.guardedBy {
            let candidates = [named, "\(parts[0]).\(named)"]
            if let lock = candidates.first(where: { counts[$0] != nil }) { return (lock, counts[lock] ?? 0) }
        }
        guard let (lock, count) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
            count >= 2, count * 2 >= sites.count,
            sites.contains(where: { $0.isWrite && $0.held.contains(lock) })
        else { return nil }
        return (lock, count)
    }

    /// A guarded access in another function that races with the unguarded `site`: a write for
    /// a read, any access for a write (a write preferred), that no other lock orders with it.
    func racingGuardedAccess(_ site: Site, lock: String) -> Site? {
        let candidates = sites.filter { other in
            other.summary != site.summary && other.held.contains(lock) && (site.isWrite || other.isWrite)
                && !site.isExcluded(with: other) && !index.precedesEveryRun(other, of: site)
                && !index.precedesEveryRun(site, of: other) && !handshakeOrders(site, before: other)
        }
        return candidates.first(where: \.isWrite) ?? candidates.first
    }

    /// Whether, after `site`, its function receives on a channel field that `partner`'s function
    /// sends on before `partner` (`cw.cancelled = true; <-cw.unwatch` against `cw.unwatch <-
    /// struct{}{}; return cw.cancelled`): the receive completes the send, so `site` comes first.
    func handshakeOrders(_ site: Site, before partner: Site) -> Bool {
        let model = package.model
        var received = Set<String>()
        for (position, event) in model.summaries[site.summary].events.enumerated() where position > site.order {
            if case .blocking(let blocking) = event, blocking.kind == .receive, !blocking.isRangeLoop,
               let field = blocking.target?.fields.last {
                received.insert(field)
            }
        }
        guard !received.isEmpty else { return false }
        return model.summaries[partner.summary].events.enumerated().contains { position, event in
            guard position < partner.order, case .blocking(let blocking) = event, blocking.kind == .send,
                  let field = blocking.target?.fields.last
            else { return false }
            return received.contains(field)
        }
    }

    /// Whether a read follows a call that runs every locked write of the field (`t.isGo12()`
    /// before reading what `parsePclnTab` filled in under the lock): the lock orders the read
    /// after those writes. The call may come first in the reading function, or before every
    /// call of it (`PCToLine` checks `isGo12()`, then calls `go12PCToLine`, which reads).
    func readsAfterCallingWriters(_ site: Site, lock: String) -> Bool {
        guard !site.isWrite else { return false }
        let writers = Set(sites.filter { $0.isWrite && $0.held.contains(lock) }.map(\.summary))
        guard !writers.isEmpty, !writers.contains(site.summary) else { return false }
        var visited = Set<Int>()
        return callsWriters(writers, in: site.summary, before: site.order, depth: 0, visited: &visited)
    }

    /// Whether, in `function` before event `order`, a call reaches every writer; else whether
    /// each of the function's callers does so before calling it (or is a writer itself).
    private func callsWriters(_ writers: Set<Int>, in function: Int, before order: Int, depth: Int, visited: inout Set<Int>) -> Bool {
        let model = package.model
        let summary = model.summaries[function]
        for (position, event) in summary.events.enumerated() where position < order {
            guard case .call(let call) = event else { continue }
            if writers.isSubset(of: reachable(from: model.callees(of: call, in: summary))) { return true }
        }
        let runs = index.invocations[function]
        guard depth < Self.writerSearchDepth, !summary.isExported, !runs.isEmpty, visited.insert(function).inserted else { return false }
        let writerKeys = Set(writers.map { model.summaries[$0].key })
        return runs.allSatisfy { run in
            // A closure of the writer runs inside it, under the lock, after the writes it follows.
            writers.contains(run.caller) || writerKeys.contains(model.summaries[run.caller].enclosingKey)
                || callsWriters(writers, in: run.caller, before: run.order, depth: depth + 1, visited: &visited)
        }
    }

    /// The functions `start` and their callees reach, a few calls deep.
    private func reachable(from start: [Int]) -> Set<Int> {
        let model = package.model
        var found = Set(start)
        var frontier = start
        for _ in 1..<Self.writerSearchDepth {
            var next: [Int] = []
            for index in frontier {
                let summary = model.summaries[index]
                for case .call(let call) in summary.events {
                    for callee in model.callees(of: call, in: summary) where found.count < Self.writerSearchLimit && found.insert(callee).inserted {
                        next.append(callee)
                    }
                }
            }
            frontier = next
        }
        return found
    }
}
