import Foundation
import Testing
import Yams

@testable import conclint

/// `docs/examples/github-actions.yml`: parsed, and everything it names checked against the
/// repository — scripts, the scratch path it caches, the options it passes conclint — so the
/// example keeps working as conclint changes.
@Suite("GitHub Actions example")
struct GitHubActionsExampleTests {
    static let path = packageRoot + "/docs/examples/github-actions.yml"

    /// The workflow's one job's steps.
    func steps() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        // GitHub reads workflows as YAML 1.2, where the key `on` is a string; Yams' default
        // resolver follows YAML 1.1, where `on` is `true` and the mapping would not have string keys.
        let workflow = try #require(try Yams.load(yaml: text, Resolver.default.removing(.bool)) as? [String: Any])
        #expect(workflow["on"] != nil)
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let job = try #require(jobs.values.first as? [String: Any])
        return try #require(job["steps"] as? [[String: Any]])
    }

    /// Where the second checkout puts conclint.
    func toolPath(_ steps: [[String: Any]]) throws -> String {
        let checkouts = steps.filter { ($0["uses"] as? String)?.hasPrefix("actions/checkout@") == true }
        #expect(checkouts.count == 2)
        let with = try #require(checkouts.last?["with"] as? [String: Any])
        #expect(with["repository"] as? String == "conclint/conclint")
        return try #require(with["path"] as? String)
    }

    /// The shell commands of the `run:` steps, one line each, comments dropped.
    func commandLines(_ steps: [[String: Any]]) -> [String] {
        steps.compactMap { $0["run"] as? String }.flatMap { $0.split(separator: "\n") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    @Test("conclint is checked out into a hidden folder, which linting `.` does not walk into")
    func toolCheckoutIsHidden() throws {
        #expect(try toolPath(steps()).hasPrefix("."))
    }

    @Test("every script the workflow runs from the conclint checkout exists and is executable")
    func scriptsExist() throws {
        let steps = try steps()
        let tool = try toolPath(steps)
        let scripts = commandLines(steps).flatMap { $0.split(separator: " ") }
            .filter { $0.hasPrefix("\(tool)/") }
            .map { String($0.dropFirst(tool.count + 1)) }
        #expect(scripts == ["scripts/install.sh"])
        for script in scripts {
            #expect(FileManager.default.isExecutableFile(atPath: "\(packageRoot)/\(script)"), "\(script)")
        }
    }

    @Test("the cached folder is the scratch path install.sh builds in, and its bin goes on PATH")
    func cacheAndPath() throws {
        let steps = try steps()
        let tool = try toolPath(steps)
        let cache = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/cache@") == true })
        #expect((cache["with"] as? [String: Any])?["path"] as? String == "\(tool)/.build-release")
        let install = try String(contentsOfFile: packageRoot + "/scripts/install.sh", encoding: .utf8)
        #expect(install.contains("--scratch-path .build-release"))
        let lines = commandLines(steps)
        let installLine = try #require(lines.first { $0.hasPrefix("\(tool)/scripts/install.sh") })
        let prefix = installLine.dropFirst("\(tool)/scripts/install.sh ".count).trimmingCharacters(in: ["\""])
        #expect(lines.contains("echo \"\(prefix)/bin\" >> \"$GITHUB_PATH\""))
    }

    @Test("each conclint command line parses, and every option it uses is in conclint's help")
    func conclintOptionsExist() throws {
        let invocations = try commandLines(steps()).filter { $0.hasPrefix("conclint ") }
        #expect(!invocations.isEmpty)
        let help = LintCommand.helpMessage()
        for line in invocations {
            // The command itself: up to a shell operator (`|| status=$?`).
            let words = line.split(separator: " ").map(String.init)
            let arguments = Array(words.dropFirst().prefix { !["||", "&&", "|", ";"].contains($0) })
            #expect(throws: Never.self, "\(line)") { try ConclintCommand.parseAsRoot(arguments) }
            for option in arguments where option.hasPrefix("--") {
                #expect(help.contains(option), "\(option) is not in `conclint lint --help`")
            }
        }
    }

    @Test("findings do not stop the job before the upload; a later step fails it on them")
    func uploadBeforeFailing() throws {
        let steps = try steps()
        let lintIndex = try #require(steps.firstIndex { ($0["run"] as? String)?.contains("conclint .") == true })
        let lint = steps[lintIndex]
        let id = try #require(lint["id"] as? String)
        let run = try #require(lint["run"] as? String)
        #expect(run.contains("|| status=$?"))
        let uploadIndex = try #require(
            steps.firstIndex { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif@") == true })
        #expect(uploadIndex > lintIndex)
        let sarif = try #require((steps[uploadIndex]["with"] as? [String: Any])?["sarif_file"] as? String)
        #expect(run.contains("--format sarif --output \(sarif)"))
        let failIndex = try #require(
            steps.firstIndex { ($0["if"] as? String)?.contains("steps.\(id).outputs.status") == true })
        #expect(failIndex > uploadIndex)
        #expect((steps[failIndex]["run"] as? String)?.contains("exit 1") == true)
    }

    @Test("the README shows the example as it is")
    func readmeShowsExample() throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        let example = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(readme.contains("```yaml\n" + example + "```\n"))
    }
}
