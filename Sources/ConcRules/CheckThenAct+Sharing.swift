import ConcModel

extension CheckThenAct {
    /// Whether the object a function works on can be reached by other threads while the function
    /// runs: the evidence that a check and its act can interleave with another caller's.
    ///
    /// A package variable is shared. A local is not known to be (the function may have just made
    /// it), unless the function is spawned work, which shares what it captured with its creator.
    /// The function's own object or parameter is shared when callers outside the package can
    /// pass it (an exported function, a spawned closure), or when some call in the package passes
    /// a shared one — so a private helper that is only ever called on an object its caller took
    /// from a pool or just built (`s := p.take(); s.prepare()`) is not judged.
    struct Sharing {
        let model: PackageModel
        /// For each function: the calls of it in the package (caller and event position), from
        /// code that is neither test code nor construction.
        let callSites: [[(caller: Int, order: Int)]]

        /// How many callers up the evidence is looked for.
        static let maximumDepth = 4

        init(_ model: PackageModel, construction: ConstructionPhase) {
            self.model = model
            var sites: [[(caller: Int, order: Int)]] = Array(repeating: [], count: model.summaries.count)
            for (index, summary) in model.summaries.enumerated()
            where !summary.isTestCode && !construction.members.contains(index) {
                for (order, event) in summary.events.enumerated() {
                    guard case .call(let call) = event else { continue }
                    for callee in model.callees(of: call, in: summary) where callee != index {
                        sites[callee].append((index, order))
                    }
                }
            }
            callSites = sites
        }

        /// Whether the object at `root` of the function at `index` may be shared.
        func mayBeShared(_ root: StateRef.Root, in index: Int, depth: Int = 0) -> Bool {
            let summary = model.summaries[index]
            switch root {
            case .global:
                return true
            case .local:
                return summary.closureRole == .spawned
            case .receiver, .parameter:
                if summary.isExported || summary.closureRole == .spawned { return true }
                guard depth < Self.maximumDepth, summary.closureRole == .none else { return false }
                return callSites[index].contains { site in
                    let caller = model.summaries[site.caller]
                    guard case .call(let call) = caller.events[site.order] else { return false }
                    let passed: StateRef?
                    switch root {
                    case .parameter(let position): passed = position < call.arguments.count ? call.arguments[position] : nil
                    default: passed = model.receiver(of: call, in: caller)
                    }
                    // An argument that is no variable is a value made at the call.
                    guard let passed else { return false }
                    return mayBeShared(passed.root, in: site.caller, depth: depth + 1)
                }
            }
        }
    }
}
