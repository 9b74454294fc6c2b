import ConcModel

/// `double-unlock`: a lock released again on a path where the same body already released it
/// and has not taken it since — an `unlock()` inside `lock.withLock { }` (the section releases
/// it again when the closure returns), `lock(); …; unlock(); …; unlock()`, or an explicit
/// unlock before a `return` that a `defer` unlocks again.
///
/// Evidence: the summary walk (``ConcModel/RepeatedRelease``) saw the body take the lock, release
/// it on every path to the second release, and not take it again on any of them; the two
/// releases name the same instance (the same receiver, parameter, package variable or local and
/// fields). Not reported when code between the two may take the lock again or hand it off
/// (``mayRelock(_:in:_:)``), for a lock of a type that is not a lock (a file lock whose
/// `Unlock` may be called twice), nor for a body that only releases a lock it was entered with.
struct DoubleUnlock: PackageRule {
    static let id = "double-unlock"

    func check(_ package: PackageAnalysis, context: PackageRuleContext, into findings: inout [Finding]) {
        let model = package.model
        for (index, summary) in model.summaries.enumerated() where !summary.repeatedReleases.isEmpty {
            var reported = Set<Int>()
            for repeated in summary.repeatedReleases {
                guard isLock(repeated, model), !mayRelock(repeated, in: index, package) else { continue }
                let (site, other) = Self.reportedSite(repeated)
                guard reported.insert(site.range.start.offset).inserted else { continue }
                findings.append(context.finding(
                    Self.message(repeated, at: site),
                    path: summary.path, language: package.language(of: summary.path), at: site.range,
                    related: [
                        RelatedLocation(range: repeated.acquiredAt, message: "locked here"),
                        RelatedLocation(range: other.range, message: Self.note(other, isFirst: other.range == repeated.first.range)),
                    ]))
            }
        }
    }

    /// The release the finding points at — the one written by hand that should go: the second
    /// release when it is an explicit unlock; otherwise the first (the unlock in a `withLock`
    /// closure, the explicit unlock that a `defer` repeats) — and the other release.
    static func reportedSite(_ repeated: RepeatedRelease) -> (site: ReleaseSite, other: ReleaseSite) {
        if repeated.second.kind == .explicit || repeated.first.kind == .section { return (repeated.second, repeated.first) }
        return (repeated.first, repeated.second)
    }

    static func message(_ repeated: RepeatedRelease, at site: ReleaseSite) -> String {
        let name = site.text
        let consequence = "unlocking a lock that is not held is a fatal error or undefined behaviour, and by then another thread may hold it"
        switch (repeated.first.kind, repeated.second.kind) {
        case (_, .section):
            return "`\(name)` is unlocked inside its own `withLock` closure, and `withLock` unlocks it again when the closure returns: \(consequence)"
        case (_, .explicit):
            let how = repeated.first.kind == .section ? "its `withLock` section released it" : "it was unlocked"
            return "`\(name)` is unlocked again, after \(how) at \(PackageAnalysis.line(repeated.first.range)) with no lock in between: \(consequence)"
        case (.explicit, .deferred):
            return "`\(name)` is unlocked here, and the `defer` at \(PackageAnalysis.line(repeated.second.range)) unlocks it again on the way out: \(consequence)"
        default:
            return "`\(name)` is unlocked twice by `defer`s, after \(PackageAnalysis.line(repeated.first.range)), with no lock in between: \(consequence)"
        }
    }

    static func note(_ other: ReleaseSite, isFirst: Bool) -> String {
        switch other.kind {
        case .section: isFirst ? "the `withLock` section released it here" : "`withLock` unlocks it again when its closure returns"
        case .deferred: isFirst ? "unlocked first by this `defer`" : "this `defer` unlocks it again"
        case .explicit: isFirst ? "unlocked first here" : "unlocked again here"
        }
    }
}
