import ConcModel

/// `double-lock`: a lock taken again by the thread or goroutine that already holds it — in one
/// body, or through a chain of same-package calls whose summaries take it.
///
/// Evidence: the lock is held on every path to the second acquisition (taken in this body and
/// not released, or released only by unknown code, which silences the finding), and the second
/// acquisition is of the same instance (the same receiver, parameter or package variable and
/// fields). Reentrant locks and `TryLock` are not reported, nor a read lock taken again when no
/// code takes it to write, nor a lock that other work may release in between
/// (``releasedBetween(_:and:in:package:)``), nor a callee's acquisition that a parameter gates
/// (`startm(pp, lockHeld: true)`).
struct DoubleLock: PackageRule {
    static let id = "double-lock"

    func check(_ package: PackageAnalysis, context: PackageRuleContext, into findings: inout [Finding]) {
        let model = package.model
        for (index, summary) in model.summaries.enumerated() {
            var reported = Set<Int>()
            for (position, event) in summary.events.enumerated() {
                switch event {
                case .acquire(let lock) where !lock.isTry:
                    guard let held = lock.held.last(where: { $0.lock == lock.lock && $0.isDefinite }),
                          !package.isRecursive(lock.lock), !(held.isRead && lock.isRead && readTwiceIsSafe(lock.lock, in: index, package)),
                          !releasedBetween(held, and: position, in: index, package: package),
                          !isBlockingOnPurpose(at: position, firstTakenAt: held.acquiredAt, in: summary)
                    else { continue }
                    guard reported.insert(lock.range.start.offset).inserted else { continue }
                    let what = held.isRead && lock.isRead ? "read lock `\(lock.text)` is taken again" : "`\(lock.text)` is locked again"
                    findings.append(context.finding(
                        "\(what) while it is already held (taken at \(PackageAnalysis.line(held.acquiredAt))): the second acquisition waits for itself forever",
                        path: summary.path, language: package.language(of: summary.path), at: lock.range,
                        related: [RelatedLocation(range: held.acquiredAt, message: "first taken here")]))
                case .call(let call):
                    let receiver = model.receiver(of: call, in: summary)
                    for callee in model.callees(of: call, in: summary) where callee != index {
                        for acquisition in package.locks.acquisitions[callee] where !acquisition.isParameterGated {
                            guard let mapped = acquisition.lock.mapped(receiver: receiver, arguments: call.arguments),
                                  let held = call.held.last(where: { $0.lock == mapped && $0.isDefinite }),
                                  !package.isRecursive(mapped),
                                  !(held.isRead && acquisition.isRead && readTwiceIsSafe(mapped, in: index, package)),
                                  !releasedBetween(held, and: position, in: index, package: package),
                                  reported.insert(call.range.start.offset).inserted
                            else { continue }
                            let calleeName = model.summaries[callee].name
                            findings.append(context.finding(
                                "`\(calleeName)` takes `\(PackageAnalysis.acquisitionText(held, in: summary))`, which is already held here (taken at \(PackageAnalysis.line(held.acquiredAt))): the call deadlocks",
                                path: summary.path, language: package.language(of: summary.path), at: call.range,
                                related: [RelatedLocation(range: held.acquiredAt, message: "first taken here")]
                                    + PackageAnalysis.related(acquisition.chain, in: summary.path)))
                        }
                    }
                default:
                    break
                }
            }
        }
    }

    /// Whether the second acquisition directly follows the first, with nothing in between
    /// (`lock(&deadlock); lock(&deadlock)`, a detector's test doing `mu.Lock(); mu.Lock()`): a
    /// thread parked forever on purpose, never a slip — a slip has work between the two.
    private func isBlockingOnPurpose(at position: Int, firstTakenAt first: SourceRange, in summary: FunctionSummary) -> Bool {
        guard position > 0, case .acquire(let previous) = summary.events[position - 1] else { return false }
        return previous.range == first
    }

    /// Whether a read lock may be taken again by the code holding it: the lock is not a
    /// reader–writer lock that blocks new readers behind a waiting writer, or no code of the
    /// package takes it to write (a writer must queue between the two reads to deadlock them).
    private func readTwiceIsSafe(_ lock: StateRef, in index: Int, _ package: PackageAnalysis) -> Bool {
        guard package.isReadWriteLock(lock) else { return true }
        let model = package.model
        let key = model.typeKey(lock)
        let writers = key == nil ? model.family(of: index) : Array(model.summaries.indices)
        return !writers.contains { member in
            model.summaries[member].events.contains { event in
                guard case .acquire(let other) = event, !other.isRead, !other.isTry else { return false }
                return key.map { model.typeKey(other.lock) == $0 } ?? (other.lock == lock)
            }
        }
    }
}
