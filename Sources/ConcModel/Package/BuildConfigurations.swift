/// The builds a package's files meet in. Go files for different operating systems
/// (`fd_windows.go` and `fd_unix.go`, `//go:build aix`) are never compiled together: a type, a
/// package variable or a lock discipline of one build says nothing about another.
public enum BuildConfigurations {
    /// The groups of files compiled together: for every operating system some file is limited
    /// to, the files that build for it (the unconstrained ones and those naming it), each
    /// distinct group once, in file order. One group, `units` itself, when no file is limited.
    public static func split(_ units: [UnitSummary]) -> [[UnitSummary]] {
        let limited = units.compactMap(\.buildPlatforms)
        guard !limited.isEmpty else { return [units] }
        let systems = limited.reduce(into: Set<String>()) { $0.formUnion($1) }.sorted()
        var seen = Set<[Int]>()
        var groups: [[UnitSummary]] = []
        for system in systems {
            let members = units.indices.filter { units[$0].buildPlatforms?.contains(system) ?? true }
            guard !members.isEmpty, seen.insert(members).inserted else { continue }
            groups.append(members.map { units[$0] })
        }
        return groups.isEmpty ? [units] : groups
    }
}
