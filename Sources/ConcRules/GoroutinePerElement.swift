import ConcModel

/// `goroutine-per-element` (opt-in): one goroutine or task per element of a collection that comes
/// from input, with nothing limiting how many run at once — the cheap-spawn mode of
/// ``ThreadPerItem``, which shares its analysis. Cheap until it runs and the ordinary idiom in
/// Go, it measured far under the default tier's precision on real code (the collections were
/// mostly small by construction: a cluster's hosts, a path's prefixes), so it runs on request.
struct GoroutinePerElement: Rule {
    static let id = "goroutine-per-element"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        ThreadPerItem().scan(analysis, mode: .cheapPerElement, context: context, into: &findings)
    }
}
