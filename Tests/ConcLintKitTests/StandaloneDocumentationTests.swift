import Foundation
import Testing

/// README.md and docs/ describe the repository on their own: a clone is all a reader has, so they
/// point at nothing outside it and every relative link they make leads to a file in it.
@Suite("Standalone documentation")
struct StandaloneDocumentationTests {
    /// README.md and every file under docs/, relative to the package root.
    static func documents() -> [String] {
        var paths = ["README.md"]
        if let walker = FileManager.default.enumerator(atPath: packageRoot + "/docs") {
            for case let relative as String in walker {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: "\(packageRoot)/docs/\(relative)", isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    paths.append("docs/\(relative)")
                }
            }
        }
        return paths.sorted()
    }

    @Test("README.md and docs/ never mention the shared folder beside the clone")
    func noSharedFolder() throws {
        // Spelled in pieces so that a search of the repository for the path finds no hit here.
        let outside = ["..", "shared"].joined(separator: "/")
        let documents = Self.documents()
        #expect(documents.contains("docs/ARCHITECTURE.md"))
        for path in documents {
            let text = try String(contentsOfFile: "\(packageRoot)/\(path)", encoding: .utf8)
            #expect(!text.contains(outside), "\(path) points outside the repository, at \(outside)")
        }
    }

    @Test("every relative Markdown link in README.md and docs/ leads to a file in the repository")
    func relativeLinksResolve() throws {
        for path in Self.documents() where path.hasSuffix(".md") {
            let text = try String(contentsOfFile: "\(packageRoot)/\(path)", encoding: .utf8)
            let directory = URL(fileURLWithPath: "\(packageRoot)/\(path)").deletingLastPathComponent()
            for target in Self.linkTargets(in: text) where !target.contains("://") && !target.hasPrefix("#") {
                let file = String(target.prefix { $0 != "#" })
                let resolved = directory.appending(path: file).standardizedFileURL.path
                #expect(resolved.hasPrefix(packageRoot + "/"), "\(path): \(target) leaves the repository")
                #expect(FileManager.default.fileExists(atPath: resolved), "\(path): \(target) does not exist")
            }
        }
    }

    @Test("the README points at the architecture guide, which keeps the package-model section marked")
    func architectureGuide() throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains("](docs/ARCHITECTURE.md)"))
        let guide = try String(contentsOfFile: packageRoot + "/docs/ARCHITECTURE.md", encoding: .utf8)
        #expect(guide.contains("## Packages and function summaries\n"))
    }

    /// The targets of `[text](target)` links.
    static func linkTargets(in text: String) -> [String] {
        var targets: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "](") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ")") else { break }
            targets.append(String(after[..<close]))
            rest = after[close...]
        }
        return targets
    }
}
