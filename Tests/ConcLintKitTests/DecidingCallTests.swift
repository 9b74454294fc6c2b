import ConcModel
import Testing

/// The summary fact that a call's result decides whether a later call is made
/// (`CallEvent.decidedBy`), as both front ends state it through `Branch.testedCalls`.
@Suite struct DecidingCallTests {
    /// `name decided by line:column, …` for every call of the function `key` that some call decides.
    static func decided(_ unit: ModelUnit, in key: String) -> [String] {
        let package = PackageModel(name: "p", units: [UnitSummary(unit)])
        guard let summary = package.summaries.first(where: { $0.key == key }) else { return ["no \(key)"] }
        return summary.events.compactMap { event in
            guard case .call(let call) = event, !call.decidedBy.isEmpty else { return nil }
            return "\(call.name) decided by " + call.decidedBy.map { tested in
                "\(tested.range.start.line):\(tested.range.start.column)" + (tested.results.map { "#\($0)" } ?? "")
            }.joined(separator: ", ")
        }
    }

    static let goCache = """
        package p

        type cache struct{ items map[string]int }

        func (c *cache) Get(k string) (int, bool) { v, ok := c.items[k]; return v, ok }
        func (c *cache) Set(k string, v int)      { c.items[k] = v }
        func log(string)                          {}

        """

    @Test("Go: a call in an if whose init statement's call result the condition tests is decided by it")
    func goIfInitStatement() {
        let unit = GoFrontendSupport.unit(Self.goCache + """
            func fill(c *cache, k string) {
            \tif _, ok := c.Get(k); !ok {
            \t\tc.Set(k, 1)
            \t}
            \tlog(k)
            }
            """, path: "p.go")
        #expect(Self.decided(unit, in: "fill") == ["Set decided by 9:14#[1]"])
    }

    @Test("Go: a call after an if that returns when a stored result says so is decided by that call")
    func goEarlyReturnOnStoredResult() {
        let unit = GoFrontendSupport.unit(Self.goCache + """
            func fill(c *cache, k string) {
            \tv, ok := c.Get(k)
            \tlog(k)
            \tif ok {
            \t\treturn
            \t}
            \tc.Set(k, v)
            }
            """, path: "p.go")
        #expect(Self.decided(unit, in: "fill") == ["Set decided by 9:11#[1]"])
    }

    @Test("Go: a call after an if whose arms both go on is not decided by the condition")
    func goBranchThatDoesNotLeave() {
        let unit = GoFrontendSupport.unit(Self.goCache + """
            func fill(c *cache, k string) {
            \tif _, ok := c.Get(k); ok {
            \t\tlog(k)
            \t}
            \tc.Set(k, 1)
            }
            """, path: "p.go")
        #expect(Self.decided(unit, in: "fill") == ["log decided by 9:14#[1]"])
    }

    @Test("Go: a function lists the positions of its results declared error")
    func goErrorResults() {
        let unit = GoFrontendSupport.unit("""
            package p

            func load(k string) (v int, ok bool, err error) { return 0, false, nil }
            func check() error                               { return nil }
            func both() (error, int, error)                  { return nil, 0, nil }
            """, path: "p.go")
        let package = PackageModel(name: "p", units: [UnitSummary(unit)])
        #expect(package.summaries.map(\.errorResults) == [[2], [0], [0, 2]])
    }

    @Test("a write that only takes entries out is a removal, in both languages")
    func removals() {
        let go = GoFrontendSupport.unit(Self.goCache + "func drop(c *cache, k string) { delete(c.items, k) }\n", path: "p.go")
        let swift = SwiftFrontendSupport.unit(Self.swiftRegistry + """
            extension Registry {
                func drop(_ k: String) { items[k] = nil }
                func take(_ k: String) { items.removeValue(forKey: k) }
            }
            """, path: "p.swift")
        for unit in [go, swift] {
            let package = PackageModel(name: "p", units: [UnitSummary(unit)])
            let writes = package.summaries.filter { ["drop", "take", "Set", "add"].contains($0.name) }.flatMap { summary in
                summary.events.compactMap { event -> String? in
                    guard case .access(let access) = event, access.isWrite else { return nil }
                    return "\(summary.name) \(access.isRemoval ? "removes" : "stores")"
                }
            }
            #expect(writes.sorted() == (unit.language == .go ? ["Set stores", "drop removes"] : ["add stores", "drop removes", "take removes"]))
        }
    }

    static let swiftRegistry = """
        final class Registry {
            var items: [String: Int] = [:]
            func find(_ k: String) -> Int? { items[k] }
            func add(_ k: String) { items[k] = 1 }
        }

        """

    @Test("Swift: the else arm of an if let on a call's result is decided by the call")
    func swiftIfLet() {
        let unit = SwiftFrontendSupport.unit(Self.swiftRegistry + """
            func fill(_ r: Registry, _ k: String) {
                if let found = r.find(k) {
                    print(found)
                } else {
                    r.add(k)
                }
            }
            """, path: "p.swift")
        #expect(Self.decided(unit, in: "fill") == ["print decided by 7:20", "add decided by 7:20"])
    }

    @Test("Swift: the code after a guard on a stored call result is decided by the call")
    func swiftGuardOnStoredResult() {
        let unit = SwiftFrontendSupport.unit(Self.swiftRegistry + """
            func fill(_ r: Registry, _ k: String) {
                let found = r.find(k)
                guard found == nil else { return }
                r.add(k)
            }
            """, path: "p.swift")
        #expect(Self.decided(unit, in: "fill") == ["add decided by 7:17#[0]"])
    }
}
