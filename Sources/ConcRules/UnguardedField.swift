import ConcModel

/// `unguarded-field`: a field that the package guards with a lock at most of its accesses, read
/// or written without that lock in another method — a getter that forgot the lock, a write
/// under only the read lock, a field updated atomically in one place and plainly in another.
///
/// Evidence of concurrency intent: the field's type declares a lock (or a `// guarded by`
/// comment, or is `@unchecked Sendable`). Evidence of harm: a racing pair — the unguarded
/// access and an access in another function, guarded by the lock, that no other lock orders
/// with it (a locked write, for an unguarded read). The discipline is inferred from every
/// access in every file of the build, counting locks held by all callers of private helpers;
/// accesses during construction, in escaping closures, after waiting for spawned work, in
/// functions under a "lock held" convention, and of atomics, locks, channels and immutable
/// fields are not judged. Actor-isolated and global-actor-isolated types are skipped. Go files
/// for different operating systems are judged in separate builds.
struct UnguardedField: PackageRule {
    static let id = "unguarded-field"

    func check(_ package: PackageAnalysis, context: PackageRuleContext, into findings: inout [Finding]) {
        let builds = BuildConfigurations.split(package.model.units)
        guard builds.count > 1 else {
            check(FieldAccessSites(package), package: package, context: context, into: &findings)
            return
        }
        // A finding in a file shared by several builds is reported once.
        var reported = Set<String>()
        for units in builds {
            let build = PackageAnalysis(PackageModel(name: package.model.name, units: units))
            var found: [Finding] = []
            check(FieldAccessSites(build), package: build, context: context, into: &found)
            for finding in found where reported.insert("\(finding.path):\(finding.range.start.offset)").inserted {
                findings.append(finding)
            }
        }
    }

    private func check(_ index: FieldAccessSites, package: PackageAnalysis, context: PackageRuleContext, into findings: inout [Finding]) {
        for (key, fieldSites) in index.sites.sorted(by: { $0.key < $1.key }) {
            let type = String(key.prefix { $0 != "." })
            let audit = FieldAudit(key: key, sites: fieldSites, index: index, package: package, context: context)
            if audit.reportMixedAtomics(into: &findings) { continue }
            if index.guardedTypes.contains(type) { audit.reportLockDiscipline(into: &findings) }
        }
    }
}
