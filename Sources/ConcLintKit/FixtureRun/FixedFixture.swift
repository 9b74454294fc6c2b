import ConcModel
import Foundation

/// A `bad_` fixture with its safe fixes applied, for `fixtures run --apply-fixes`: the fixed
/// copy is written to the build cache and run instead of the fixture, expected to be `clean`.
struct FixedFixture: Sendable {
    /// The fixture as found.
    var original: FixtureCase
    /// Its text with the safe fixes applied.
    var text: String
    /// Each fix applied: `safe rule-id: message`.
    var descriptions: [String]

    /// The `bad_` fixtures among `fixtures` that have safe fixes, fixed.
    static func fixing(_ fixtures: [FixtureCase]) -> [FixedFixture] {
        var resolver = GoVersionResolver()
        return fixtures.compactMap { fixture in
            guard fixture.fileName.hasPrefix("bad_"),
                  let data = FileManager.default.contents(atPath: fixture.path)
            else { return nil }
            let version = fixture.language == .go
                ? resolver.version(forFileAt: fixture.path).map { (major: $0.major, minor: $0.minor) } : nil
            let outcome = SafeFixes.apply(path: fixture.path, text: String(decoding: data, as: UTF8.self), goVersion: version)
            guard !outcome.applied.isEmpty else { return nil }
            return FixedFixture(
                original: fixture, text: outcome.text,
                descriptions: outcome.applied.map { "\($0.fix.applicability.rawValue) \($0.finding.ruleID): \($0.fix.message)" })
        }
    }

    /// Writes the fixed copy as `<cache>/fixed/<language>/<rule>/<case>/fixed_<file>`, with the
    /// fixture folder's `go.mod` and `go.sum` beside it (they decide the Go version), and
    /// returns it as a fixture shown under the original's path.
    func written(in cache: String) -> FixtureCase {
        let stem = (original.fileName as NSString).deletingPathExtension
        let folder = URL(fileURLWithPath: cache)
            .appending(path: "fixed/\(original.language.rawValue)/\(original.ruleID)/\(stem)")
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["go.mod", "go.sum"] {
            let source = (original.directory as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: source) {
                try? FileManager.default.copyItem(atPath: source, toPath: folder.appending(path: name).path)
            }
        }
        let file = folder.appending(path: "fixed_" + original.fileName)
        try? Data(text.utf8).write(to: file)
        return FixtureCase(path: file.path, displayPath: original.displayPath, language: original.language, ruleID: original.ruleID)
    }
}
