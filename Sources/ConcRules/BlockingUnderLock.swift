import ConcModel

/// `blocking-under-lock`: a blocking operation — a channel send or receive, a wait for a group
/// or for spawned work — performed while holding a lock that the other side, the code it waits
/// for, also takes: each waits for the other forever.
///
/// Evidence: the lock is held on every path to the operation, and the summaries show the
/// counterpart taking the same lock (by its type key): a function of the package that does the
/// opposite operation on the same channel field, or work spawned before a wait. Operations in a
/// `select` are not reported (another case may proceed).
struct BlockingUnderLock: PackageRule {
    static let id = "blocking-under-lock"

    func check(_ package: PackageAnalysis, context: PackageRuleContext, into findings: inout [Finding]) {
        let model = package.model
        // Who sends and who receives on each channel, by the channel's type key.
        var senders: [String: Set<Int>] = [:]
        var receivers: [String: Set<Int>] = [:]
        for (index, summary) in model.summaries.enumerated() {
            for case .blocking(let operation) in summary.events {
                guard let target = operation.target, let key = channelKey(operation, target, model) else { continue }
                switch operation.kind {
                case .send: senders[key, default: []].insert(index)
                case .receive: receivers[key, default: []].insert(index)
                default: break
                }
            }
        }
        var takenMemo: [Int: Set<String>] = [:]
        func taken(_ index: Int) -> Set<String> {
            if let known = takenMemo[index] { return known }
            let keys = package.lockKeysTaken(by: index)
            takenMemo[index] = keys
            return keys
        }
        for (index, summary) in model.summaries.enumerated() {
            for (position, event) in summary.events.enumerated() {
                guard case .blocking(let operation) = event else { continue }
                let held = operation.held.filter { $0.isDefinite && !$0.isExecutor }
                guard !held.isEmpty else { continue }
                let heldKeys = Dictionary(held.compactMap { lock in model.typeKey(lock.lock).map { ($0, lock) } }, uniquingKeysWith: { first, _ in first })
                guard !heldKeys.isEmpty else { continue }
                var counterparts: [Int] = []
                let verb: String
                switch operation.kind {
                case .send, .receive:
                    guard let target = operation.target, let key = channelKey(operation, target, model) else { continue }
                    // A buffered channel may have room for the send: not evidence of a block.
                    // A receive from one is often a token taken back (a channel used as a lock).
                    if model.isBufferedChannelField(key) { continue }
                    counterparts = Array(operation.kind == .send ? receivers[key] ?? [] : senders[key] ?? []).sorted()
                    verb = operation.kind == .send ? "receives from it" : "sends on it"
                case .groupWait, .join:
                    // The work this body spawned before it waits.
                    for case .spawn(let spawn) in summary.events[..<position] {
                        counterparts += model.spawned(spawn, in: summary)
                    }
                    verb = "is waited for here"
                default:
                    continue
                }
                for other in counterparts where other != index {
                    let shared = taken(other).intersection(heldKeys.keys)
                    guard let key = shared.sorted().first, let lock = heldKeys[key] else { continue }
                    let otherSummary = model.summaries[other]
                    let what = operation.kind == .send ? "send on `\(operation.text)`"
                        : operation.kind == .receive ? "receive from `\(operation.text)`" : "wait on `\(operation.text)`"
                    let other = otherSummary.kind == .closure
                        ? "the work started at \(PackageAnalysis.line(otherSummary.range)), which \(verb),"
                        : "`\(otherSummary.name)`, which \(verb),"
                    findings.append(context.finding(
                        "\(what) blocks while holding `\(key)`, and \(other) takes `\(key)` too: each waits for the other forever",
                        path: summary.path, language: package.language(of: summary.path), at: operation.range,
                        related: [
                            RelatedLocation(range: lock.acquiredAt, message: "`\(key)` is taken here"),
                            RelatedLocation(range: otherSummary.range, message: "\(otherSummary.kind == .closure ? "this work" : "`\(otherSummary.name)`") takes `\(key)`",
                                            path: otherSummary.path == summary.path ? nil : otherSummary.path),
                        ]))
                    break
                }
            }
        }
    }

    /// The channel's type key, when the operation is on a channel: a send or receive step, or a
    /// range loop over a field declared as a channel.
    private func channelKey(_ operation: BlockingEvent, _ target: StateRef, _ model: PackageModel) -> String? {
        guard operation.kind == .send || operation.kind == .receive, let key = model.typeKey(target) else { return nil }
        if operation.isRangeLoop && !operation.isKnownChannel {
            guard let (_, field) = model.declaredField(of: target), field.type.category == .channel else { return nil }
        }
        return key
    }
}
