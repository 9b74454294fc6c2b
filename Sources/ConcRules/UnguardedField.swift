import ConcModel

/// `unguarded-field`: a field that the package guards with a lock at most of its accesses, read
/// or written without that lock in another method — a getter that forgot the lock, a write
/// under only the read lock, a field updated atomically in one place and plainly in another.
///
/// Evidence of concurrency intent: the field's type declares a lock (or a `// guarded by`
/// comment, or is `@unchecked Sendable`). Evidence of harm: a write without the lock, or a read
/// without it of a field that is written under the lock after construction. The discipline is
/// inferred from every access in every file of the package, counting locks held by all callers
/// of private helpers; accesses in initializers and constructors, in functions under a "lock
/// held" convention, and of atomics, locks, channels and immutable fields are not judged.
/// Actor-isolated and global-actor-isolated types are skipped.
struct UnguardedField: PackageRule {
    static let id = "unguarded-field"

    /// One access of a field, with what was held.
    private struct Site {
        var summary: Int
        var event: AccessEvent
        /// Type keys of the locks held (maybe or definitely), with callers' locks added.
        var held: Set<String>
        /// Keys held only for reading.
        var readOnly: Set<String>
        var conventionHeld: Bool
    }

    func check(_ package: PackageAnalysis, context: PackageRuleContext, into findings: inout [Finding]) {
        let model = package.model
        let guardedTypes = Set(model.types.values.filter { showsIntent($0, ambiguous: model.ambiguousTypes) }.map(\.name))
        // Atomic operations on a field show intent for that field alone.
        let judgedTypes = Set(model.types.values.filter {
            $0.kind != .actor && !$0.isolation.isIsolated && !model.ambiguousTypes.contains($0.name)
        }.map(\.name))
        var sites: [String: [Site]] = [:]
        for (index, summary) in model.summaries.enumerated() {
            // Test code drives the object from outside, mostly between its concurrent phases.
            guard !summary.isInitializer, !summary.isolation.isIsolated, !summary.isTestCode else { continue }
            let callers = package.locks.heldByCallers[index] ?? []
            for case .access(let access) in summary.events {
                guard let key = fieldKey(access.target, model: model, guardedTypes: judgedTypes) else { continue }
                var held = Set<String>()
                var writeHeld = Set<String>()
                for lock in access.held {
                    guard let lockKey = model.typeKey(lock.lock) else { continue }
                    held.insert(lockKey)
                    if !lock.isRead { writeHeld.insert(lockKey) }
                }
                held.formUnion(callers)
                writeHeld.formUnion(callers)
                sites[key, default: []].append(Site(
                    summary: index, event: access, held: held, readOnly: held.subtracting(writeHeld),
                    conventionHeld: summary.requiresHeldLock))
            }
        }
        for (key, fieldSites) in sites.sorted(by: { $0.key < $1.key }) {
            let type = String(key.prefix { $0 != "." })
            report(key, fieldSites, disciplined: guardedTypes.contains(type), package: package, context: context, into: &findings)
        }
    }

    /// `Type.field` for an access through a receiver or parameter to a judged field of a type
    /// that shows concurrency intent.
    private func fieldKey(_ target: StateRef, model: PackageModel, guardedTypes: Set<String>) -> String? {
        switch target.root {
        case .receiver, .parameter: break
        default: return nil
        }
        guard let type = target.rootType, guardedTypes.contains(type), let name = target.fields.first,
              let field = model.field(name, of: type), field.isMutable, !field.isIsolated
        else { return nil }
        // `s.db.dirty` is a field of what `s.db` points to, a type of the package whose
        // discipline (and atomics) are its own; `items.count` reads the property itself.
        if target.fields.count > 1, let fieldType = field.type.name, model.types[fieldType] != nil { return nil }
        switch field.type.category {
        case .lock, .readWriteLock, .atomic, .group, .semaphore, .channel, .continuation, .serialQueue, .concurrentQueue, .taskHandle:
            return nil
        default:
            return "\(type).\(name)"
        }
    }

    private func showsIntent(_ type: TypeDeclaration, ambiguous: Set<String>) -> Bool {
        guard type.kind != .actor, !type.isolation.isIsolated else { return false }
        if ambiguous.contains(type.name) { return false }
        if type.isUncheckedSendable { return true }
        return type.fields.contains { field in
            field.guardedBy != nil || field.type.category == .lock || field.type.category == .readWriteLock
                || field.type.category == .serialQueue
        }
    }

    private func report(
        _ key: String, _ sites: [Site], disciplined: Bool, package: PackageAnalysis, context: PackageRuleContext,
        into findings: inout [Finding]
    ) {
        let model = package.model
        let plain = sites.filter { !$0.event.isAtomic }
        // Mixed atomic and plain access.
        if plain.count < sites.count, !plain.isEmpty, let atomic = sites.first(where: { $0.event.isAtomic }) {
            var seen = Set<Int>()
            for site in plain where !site.conventionHeld && seen.insert(site.summary).inserted {
                let summary = model.summaries[site.summary]
                let atomicSummary = model.summaries[atomic.summary]
                findings.append(context.finding(
                    "`\(key)` is \(site.event.isWrite ? "written" : "read") plainly here but updated with atomic operations elsewhere: the plain access races with them",
                    path: summary.path, language: package.language(of: summary.path), at: site.event.range,
                    related: [RelatedLocation(range: atomic.event.range, message: "atomic access here",
                                              path: atomicSummary.path == summary.path ? nil : atomicSummary.path)]))
            }
            return
        }
        guard disciplined, let (lock, count) = discipline(key, plain, model: model) else { return }
        guard let guardedWrite = plain.first(where: { $0.event.isWrite && $0.held.contains(lock) && !$0.readOnly.contains(lock) })
            ?? plain.first(where: { $0.held.contains(lock) }) else { return }
        let writtenUnderLock = plain.contains { $0.event.isWrite && $0.held.contains(lock) }
        var seen = Set<Int>()
        // `x++` reads then writes at one place: report the write.
        let ordered = plain.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.event, rhs.element.event)
            if a.range.start == b.range.start, a.isWrite != b.isWrite { return a.isWrite }
            return lhs.offset < rhs.offset
        }.map(\.element)
        for site in ordered where !site.conventionHeld {
            let summary = model.summaries[site.summary]
            let guardSummary = model.summaries[guardedWrite.summary]
            let guardPath = guardSummary.path == summary.path ? nil : guardSummary.path
            let lockName = lock.split(separator: ".").last.map(String.init) ?? lock
            if !site.held.contains(lock) {
                guard site.event.isWrite || writtenUnderLock, seen.insert(site.summary).inserted else { continue }
                findings.append(context.finding(
                    "`\(key)` is \(site.event.isWrite ? "written" : "read") without holding `\(lockName)`, which guards it in \(count) of its \(plain.count) accesses",
                    path: summary.path, language: package.language(of: summary.path), at: site.event.range,
                    related: [RelatedLocation(range: guardedWrite.event.range,
                                              message: "\(guardedWrite.event.isWrite ? "written" : "accessed") with `\(lockName)` held here",
                                              path: guardPath)],
                    suggestion: nil))
            } else if site.event.isWrite, site.readOnly.contains(lock), seen.insert(site.summary).inserted {
                findings.append(context.finding(
                    "`\(key)` is written while holding only the read lock of `\(lockName)`: other readers run at the same time",
                    path: summary.path, language: package.language(of: summary.path), at: site.event.range,
                    related: [RelatedLocation(range: guardedWrite.event.range, message: "written with `\(lockName)` held here", path: guardPath)]))
            }
        }
    }

    /// The lock that guards the field: named by a `// guarded by` comment, or held at most of its
    /// accesses (at least two, at least half) including a write.
    private func discipline(_ key: String, _ sites: [Site], model: PackageModel) -> (String, Int)? {
        var counts: [String: Int] = [:]
        for site in sites { for lock in site.held { counts[lock, default: 0] += 1 } }
        let parts = key.split(separator: ".")
        if parts.count == 2, let field = model.field(String(parts[1]), of: String(parts[0])), let named = field.guardedBy {
            let candidates = [named, "\(parts[0]).\(named)"]
            if let lock = candidates.first(where: { counts[$0] != nil }) { return (lock, counts[lock] ?? 0) }
        }
        guard let (lock, count) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), count >= 2, count * 2 >= sites.count,
              sites.contains(where: { $0.event.isWrite && $0.held.contains(lock) })
        else { return nil }
        return (lock, count)
    }
}
