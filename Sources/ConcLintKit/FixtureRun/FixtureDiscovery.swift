import ConcModel
import Foundation

/// Finds the fixtures under a directory, with `fixtures run`'s filters applied.
///
/// Every `.swift` and `.go` file below the directory is a fixture (hidden folders, `.build*`
/// and the other folders ``FileDiscovery`` skips are not entered); its rule is the name of the
/// folder holding it, its language its extension. A single file may be given instead of a
/// directory.
struct FixtureDiscovery: Sendable {
    /// Only fixtures in folders with these names (rule ids); empty means all.
    var rules: Set<String> = []
    /// Only fixtures of this language; `nil` means both.
    var language: Language?

    /// The fixtures under `root`, sorted by path.
    ///
    /// - Throws: ``FixtureRunError/noSuchDirectory(_:)`` when `root` does not exist.
    func fixtures(under root: String) throws(FixtureRunError) -> [FixtureCase] {
        guard FileManager.default.fileExists(atPath: root) else { throw .noSuchDirectory(root) }
        let base = FileDiscovery.displayPath(root)
        return FileDiscovery().discover([root]).files.compactMap { path -> FixtureCase? in
            guard let language = Language(path: path), self.language == nil || self.language == language else {
                return nil
            }
            let ruleID = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
            guard rules.isEmpty || rules.contains(ruleID) else { return nil }
            return FixtureCase(
                path: path, displayPath: Self.relative(path, to: base), language: language, ruleID: ruleID)
        }
    }

    /// `path` without the `base/` it starts with; `path` itself when it does not (a single file).
    static func relative(_ path: String, to base: String) -> String {
        let prefix = base == "/" ? "/" : base + "/"
        guard base != ".", path.hasPrefix(prefix), path.count > prefix.count else { return path }
        return String(path.dropFirst(prefix.count))
    }
}
