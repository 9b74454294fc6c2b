import Foundation
import Testing
import Yams

/// `.pre-commit-hooks.yaml`, as the pre-commit framework reads it, and the README's recipe for it.
@Suite("pre-commit hooks")
struct PreCommitHooksTests {
    /// The hooks file's entries.
    func hooks() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [[String: Any]])
    }

    @Test("every hook has pre-commit's required keys, a unique id and a language that can run it")
    func hooksAreWellFormed() throws {
        let hooks = try hooks()
        #expect(!hooks.isEmpty)
        let ids = hooks.compactMap { $0["id"] as? String }
        #expect(ids.count == hooks.count && Set(ids).count == ids.count)
        for hook in hooks {
            for key in ["id", "name", "entry", "language"] {
                #expect(hook[key] is String, "\(hook["id"] ?? "?") lacks \(key)")
            }
            #expect(["swift", "system", "script"].contains(hook["language"] as? String ?? ""))
            let types = hook["types_or"] as? [String] ?? []
            #expect(!types.isEmpty && Set(types).isSubset(of: ["swift", "go"]))
        }
    }

    @Test("each hook's entry exists: the conclint product SwiftPM builds, or a script in the repository")
    func entriesExist() throws {
        let manifest = try String(contentsOfFile: packageRoot + "/Package.swift", encoding: .utf8)
        for hook in try hooks() {
            let entry = try #require(hook["entry"] as? String)
            let program = String(entry.split(separator: " ").first ?? "")
            switch hook["language"] as? String {
            case "swift", "system":
                // pre-commit's swift language builds the package in release mode and puts its
                // products on PATH; `system` expects the same name installed.
                #expect(program == "conclint")
                #expect(manifest.contains(".executable(name: \"conclint\""))
            default:
                #expect(FileManager.default.isExecutableFile(atPath: "\(packageRoot)/\(program)"), "\(program)")
            }
        }
    }

    @Test("the README's recipe pins rev to a commit SHA and names hooks that exist")
    func readmeRecipe() throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        let blocks = readme.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let recipe = try #require(blocks.first { $0.contains("repos:") && $0.contains("github.com/conclint/conclint") })
        let config = try #require(try Yams.load(yaml: recipe) as? [String: Any])
        let repository = try #require((config["repos"] as? [[String: Any]])?.first)
        let rev = try #require(repository["rev"] as? String)
        #expect(rev.count == 40 && rev.allSatisfy(\.isHexDigit))
        let named = (repository["hooks"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let ids = Set(try hooks().compactMap { $0["id"] as? String })
        #expect(!named.isEmpty && Set(named).isSubset(of: ids))
    }
}
