/// A lock a function takes while not already holding it: directly, or in a callee it calls
/// while not holding it. What a caller holding the same lock would deadlock on.
public struct Acquisition: Sendable {
    /// The lock, named in the frame of the summary that owns this acquisition.
    public var lock: StateRef
    public var isRead: Bool
    public var isExecutor: Bool
    /// Where the owner takes it: the lock call, or the call that leads to it.
    public var site: SourceRange
    /// The calls from the owner down to the function that takes the lock, and that lock step.
    public var chain: [ChainLink]
    /// Some link of the chain runs only when a parameter says so (``LockEvent/isParameterGated``).
    public var isParameterGated = false
}

/// One step of a call chain: a place in a file, and what happens there.
public struct ChainLink: Sendable {
    public var path: String
    public var range: SourceRange
    /// `calls warnf`, `takes b.logState`.
    public var note: String

    public init(path: String, range: SourceRange, note: String) {
        self.path = path
        self.range = range
        self.note = note
    }
}

/// Package-wide lock facts, computed once from the summaries.
public struct LockFacts: Sendable {
    /// For each summary: the locks it acquires while not holding them, through callees too.
    public let acquisitions: [[Acquisition]]
    /// For each summary: the locks it may release without having taken them (its caller's),
    /// itself or through a callee, in its own frame.
    public let releasesCallersLock: [[StateRef]]
    /// For each summary: the lock type keys every call site in the package holds, when the
    /// function is not exported and is called; `nil` when unknown (exported, never called).
    public let heldByCallers: [Set<String>?]

    /// Calls are followed at most this deep.
    static let maximumChain = 4
    /// Acquisitions kept per function.
    static let maximumAcquisitions = 32

    public init(_ package: PackageModel) {
        var memo: [[Acquisition]?] = Array(repeating: nil, count: package.summaries.count)
        var inProgress = Set<Int>()
        // Each summary is worked out once (a recursive cycle is cut where it closes), so the
        // cost is linear in the package's calls.
        func acquisitions(_ index: Int) -> [Acquisition] {
            if let known = memo[index] { return known }
            guard inProgress.count < 200, inProgress.insert(index).inserted else { return [] }
            defer { inProgress.remove(index) }
            let summary = package.summaries[index]
            var result: [Acquisition] = []
            // A lock released before this function took it (on some path) was held on entry:
            // taking it again afterwards, itself or in a callee, re-takes the caller's lock,
            // which a caller holding it expects (`unlock(&l); newm(); lock(&l)`).
            var releasedOnEntry: [StateRef] = []
            func add(_ acquisition: Acquisition) {
                if let index = result.firstIndex(where: { $0.lock == acquisition.lock && $0.isRead == acquisition.isRead }) {
                    // An acquisition on every call wins over one a parameter gates.
                    if result[index].isParameterGated, !acquisition.isParameterGated { result[index] = acquisition }
                    return
                }
                guard result.count < Self.maximumAcquisitions else { return }
                result.append(acquisition)
            }
            for event in summary.events {
                switch event {
                case .release(let lock):
                    if !lock.held.contains(where: { $0.lock == lock.lock && $0.isDefinite }) { releasedOnEntry.append(lock.lock) }
                case .acquire(let lock) where !lock.isTry:
                    guard !lock.held.contains(where: { $0.lock == lock.lock }), !releasedOnEntry.contains(lock.lock) else { continue }
                    add(Acquisition(
                        lock: lock.lock, isRead: lock.isRead, isExecutor: lock.isExecutor, site: lock.range,
                        chain: [ChainLink(path: summary.path, range: lock.range, note: "`\(lock.text)` is taken here")],
                        isParameterGated: lock.isParameterGated))
                case .call(let call):
                    let receiver = package.receiver(of: call, in: summary)
                    for callee in package.callees(of: call, in: summary) where callee != index {
                        let calleeSummary = package.summaries[callee]
                        for inner in acquisitions(callee) where inner.chain.count <= Self.maximumChain {
                            guard let mapped = inner.lock.mapped(receiver: receiver, arguments: call.arguments),
                                  !call.held.contains(where: { $0.lock == mapped }), !releasedOnEntry.contains(mapped)
                            else { continue }
                            let link = ChainLink(path: summary.path, range: call.range, note: "calls `\(calleeSummary.name)`")
                            add(Acquisition(
                                lock: mapped, isRead: inner.isRead, isExecutor: inner.isExecutor, site: call.range,
                                chain: [link] + inner.chain, isParameterGated: call.isParameterGated || inner.isParameterGated))
                        }
                    }
                default:
                    break
                }
            }
            memo[index] = result
            return result
        }
        self.acquisitions = package.summaries.indices.map { acquisitions($0) }
        self.heldByCallers = Self.heldByCallers(package)
        self.releasesCallersLock = Self.releases(package)
    }

    /// What each function releases that it did not take on every path (so may be its caller's),
    /// through two levels of callees.
    static func releases(_ package: PackageModel) -> [[StateRef]] {
        var direct: [[StateRef]] = package.summaries.map { summary in
            var result: [StateRef] = []
            for case .release(let lock) in summary.events where !lock.held.contains(where: { $0.lock == lock.lock && $0.isDefinite }) {
                if !result.contains(lock.lock) { result.append(lock.lock) }
            }
            return result
        }
        for _ in 0..<2 {
            var next = direct
            for (index, summary) in package.summaries.enumerated() {
                for case .call(let call) in summary.events {
                    let receiver = package.receiver(of: call, in: summary)
                    for callee in package.callees(of: call, in: summary) where callee != index {
                        for lock in direct[callee] {
                            if let mapped = lock.mapped(receiver: receiver, arguments: call.arguments),
                               !call.held.contains(where: { $0.lock == mapped }), !next[index].contains(mapped) {
                                next[index].append(mapped)
                            }
                        }
                    }
                }
            }
            direct = next
        }
        return direct
    }

    /// The lock keys held at every call site of each unexported, called function: what its
    /// callers guarantee on entry. Three rounds carry it through chains of private helpers.
    static func heldByCallers(_ package: PackageModel) -> [Set<String>?] {
        var sites: [[(caller: Int, held: Set<String>)]] = Array(repeating: [], count: package.summaries.count)
        for (callerIndex, caller) in package.summaries.enumerated() {
            for case .call(let call) in caller.events {
                let held = Set(call.held.filter(\.isDefinite).compactMap { package.typeKey($0.lock) })
                for callee in package.callees(of: call, in: caller) where callee != callerIndex {
                    sites[callee].append((callerIndex, held))
                }
            }
        }
        var result: [Set<String>?] = Array(repeating: nil, count: package.summaries.count)
        for _ in 0..<3 {
            var changed = false
            for index in package.summaries.indices {
                let summary = package.summaries[index]
                guard !summary.isExported, !sites[index].isEmpty, summary.closureRole == .none else { continue }
                var common: Set<String>?
                for site in sites[index] {
                    let held = site.held.union(result[site.caller] ?? [])
                    common = common.map { $0.intersection(held) } ?? held
                }
                if common != result[index] {
                    result[index] = common
                    changed = true
                }
            }
            if !changed { break }
        }
        return result
    }
}
