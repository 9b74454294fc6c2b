import ConcModel

/// `lock-order-inversion`: two locks taken in opposite orders by two functions of a package —
/// lock A held while B is taken in one, B held while A is taken in the other — so two
/// goroutines or threads running them at once can each hold one lock and wait for the other.
///
/// The lock-order graph is built from the summaries at the level of lock types (`pullQueue.filesMu`),
/// directly and through same-package calls, as Infer's starvation analysis does; a cycle of two
/// is reported once, at the later acquisition, with the other order as related locations. Two
/// orders that both run under a third common lock cannot interleave and are not reported.
struct LockOrderInversion: PackageRule {
    static let id = "lock-order-inversion"

    /// One observed order: `first` held when `second` is taken.
    private struct Edge {
        var first: String
        var second: String
        var summary: Int
        var firstTaken: SourceRange
        var secondTaken: SourceRange
        var secondText: String
        var firstText: String
        /// Other lock keys held definitely at the second acquisition.
        var gates: Set<String>
        var chain: [ChainLink]
    }

    func check(_ package: PackageAnalysis, context: PackageRuleContext, into findings: inout [Finding]) {
        let model = package.model
        var edges: [String: [Edge]] = [:]
        func note(_ edge: Edge) {
            let key = edge.first + "\u{0}" + edge.second
            if edges[key, default: []].count < 4 { edges[key, default: []].append(edge) }
        }
        for (index, summary) in model.summaries.enumerated() {
            for event in summary.events {
                switch event {
                case .acquire(let lock) where !lock.isTry && !lock.isExecutor:
                    guard let second = model.typeKey(lock.lock) else { continue }
                    for held in lock.held where held.isDefinite && !held.isExecutor {
                        guard let first = model.typeKey(held.lock), first != second else { continue }
                        let gates = Set(lock.held.filter { $0.isDefinite && $0.lock != held.lock }.compactMap { model.typeKey($0.lock) })
                        note(Edge(first: first, second: second, summary: index, firstTaken: held.acquiredAt,
                                  secondTaken: lock.range, secondText: lock.text, firstText: PackageAnalysis.acquisitionText(held, in: summary),
                                  gates: gates, chain: []))
                    }
                case .call(let call):
                    let definite = call.held.filter { $0.isDefinite && !$0.isExecutor }
                    guard !definite.isEmpty else { continue }
                    let receiver = model.receiver(of: call, in: summary)
                    for callee in model.callees(of: call, in: summary) where callee != index {
                        for acquisition in package.locks.acquisitions[callee] where !acquisition.isExecutor {
                            guard let mapped = acquisition.lock.mapped(receiver: receiver, arguments: call.arguments) ?? Optional(acquisition.lock),
                                  let second = model.typeKey(mapped) else { continue }
                            for held in definite {
                                guard let first = model.typeKey(held.lock), first != second else { continue }
                                let gates = Set(definite.filter { $0.lock != held.lock }.compactMap { model.typeKey($0.lock) })
                                note(Edge(first: first, second: second, summary: index, firstTaken: held.acquiredAt,
                                          secondTaken: call.range, secondText: second, firstText: PackageAnalysis.acquisitionText(held, in: summary),
                                          gates: gates, chain: acquisition.chain))
                            }
                        }
                    }
                default:
                    break
                }
            }
        }
        var reported = Set<String>()
        for (_, forward) in edges.sorted(by: { $0.key < $1.key }) {
            guard let one = forward.first else { continue }
            let pair = [one.first, one.second].sorted().joined(separator: "\u{0}")
            guard !reported.contains(pair), let backward = edges[one.second + "\u{0}" + one.first] else { continue }
            // Orders that both run under a common third lock never interleave.
            guard let (a, b) = firstUngatedPair(forward, backward) else { continue }
            reported.insert(pair)
            // Report at the later of the two second acquisitions, deterministically.
            let (primary, other) = position(a, model) > position(b, model) ? (a, b) : (b, a)
            let summary = model.summaries[primary.summary]
            let otherSummary = model.summaries[other.summary]
            let otherPath = otherSummary.path == summary.path ? nil : otherSummary.path
            let related = [
                RelatedLocation(range: primary.firstTaken, message: "`\(primary.firstText)` is taken first here"),
                RelatedLocation(range: other.firstTaken, message: "`\(other.firstText)` is taken first here, in `\(otherSummary.name)`", path: otherPath),
                RelatedLocation(range: other.secondTaken, message: "then `\(primary.firstText)` here", path: otherPath),
            ] + PackageAnalysis.related(primary.chain, in: summary.path)
            findings.append(context.finding(
                "`\(primary.second)` is taken while holding `\(primary.first)`, but `\(otherSummary.name)` takes them in the opposite order: two callers can each hold one and wait for the other forever",
                path: summary.path, language: package.language(of: summary.path), at: primary.secondTaken, related: related))
        }
    }

    private func firstUngatedPair(_ forward: [Edge], _ backward: [Edge]) -> (Edge, Edge)? {
        for a in forward {
            for b in backward where a.gates.isDisjoint(with: b.gates) { return (a, b) }
        }
        return nil
    }

    private func position(_ edge: Edge, _ model: PackageModel) -> (String, Int) {
        (model.summaries[edge.summary].path, edge.secondTaken.start.offset)
    }
}
