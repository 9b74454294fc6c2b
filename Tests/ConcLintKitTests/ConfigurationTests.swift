import ConcModel
import ConcReport
import ConcRules
import Foundation
import Testing

@testable import ConcLintKit
@testable import conclint

/// Each key of `.conclint.yml`, its effect on a run, where the file is found, and `conclint config`.
@Suite("Configuration file")
struct ConfigurationTests {
    private func parse(_ text: String) throws -> Configuration {
        try ConfigurationLoader().parse(text, path: ".conclint.yml", baseDirectory: "/repo")
    }

    @Test("an empty file sets nothing")
    func emptyFileSetsNothing() throws {
        #expect(try parse("") == Configuration(path: ".conclint.yml", baseDirectory: "/repo"))
        #expect(try parse("# only a comment\n") == Configuration(path: ".conclint.yml", baseDirectory: "/repo"))
    }

    @Test("include and exclude are lists of globs")
    func includeAndExcludeAreRead() throws {
        let configuration = try parse("include: [\"Sources/**\", cmd]\nexclude:\n  - \"**/*_test.go\"\n")
        #expect(configuration.include == ["Sources/**", "cmd"])
        #expect(configuration.exclude == ["**/*_test.go"])
    }

    @Test("rules.<id>.severity sets error, warning, note or off, keeping the spelling off (not YAML false)")
    func ruleSeveritiesAreRead() throws {
        let configuration = try parse("""
            rules:
              sleep-as-sync: { severity: off }
              missing-wait: { severity: error }
              thread-per-item:
                severity: note
            """)
        #expect(configuration.rules["sleep-as-sync"] == .off)
        #expect(configuration.rules["missing-wait"] == .severity(.error))
        #expect(configuration.rules["thread-per-item"] == .severity(.note))
        #expect(configuration.disabledRules == ["sleep-as-sync"])
        #expect(configuration.severityOverrides == ["missing-wait": .error, "thread-per-item": .note])
    }

    @Test("go.version is read as written, patch dropped, even unquoted")
    func goVersionIsRead() throws {
        #expect(try parse("go:\n  version: \"1.21.3\"\n").goVersion.map { [$0.major, $0.minor] } == [1, 21])
        #expect(try parse("go:\n  version: 1.20\n").goVersion.map { [$0.major, $0.minor] } == [1, 20])
    }

    @Test("apis declare spawn, wait, lock and unlock callees per language")
    func apisAreRead() throws {
        let configuration = try parse("""
            apis:
              go: { spawn: [safeGo, "pool.Submit"], wait: [waitAll], lock: [acquire], unlock: [release] }
              swift:
                spawn: [runDetached]
            """)
        #expect(configuration.extensions(for: .go) == APIExtensions([.spawn: ["safeGo", "pool.Submit"], .wait: ["waitAll"], .lock: ["acquire"], .unlock: ["release"]]))
        #expect(configuration.extensions(for: .swift) == APIExtensions([.spawn: ["runDetached"]]))
    }

    @Test("apis accept every role, each a list of callee names", arguments: APIExtensions.Role.allCases)
    func everyRoleIsRead(_ role: APIExtensions.Role) throws {
        let configuration = try parse("apis:\n  go: { \(role.rawValue): [goName, \"pkg.Go\"] }\n  swift:\n    \(role.rawValue): [swiftName]\n")
        #expect(configuration.extensions(for: .go) == APIExtensions([role: ["goName", "pkg.Go"]]))
        #expect(configuration.extensions(for: .swift) == APIExtensions([role: ["swiftName"]]))
    }

    @Test("apis read all roles of one language together")
    func allRolesTogether() throws {
        let lines = APIExtensions.Role.allCases.map { "    \($0.rawValue): [\($0.rawValue.replacingOccurrences(of: "-", with: ""))Call]" }
        let configuration = try parse("apis:\n  swift:\n" + lines.joined(separator: "\n") + "\n")
        let swift = configuration.extensions(for: .swift)
        for role in APIExtensions.Role.allCases {
            #expect(swift[role] == [role.rawValue.replacingOccurrences(of: "-", with: "") + "Call"])
        }
        #expect(configuration.extensions(for: .go).isEmpty)
    }

    @Test("the README's configuration section and the architecture guide name every role")
    func documentationNamesEveryRole() throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        let guide = try String(contentsOfFile: packageRoot + "/docs/ARCHITECTURE.md", encoding: .utf8)
        for role in APIExtensions.Role.allCases {
            #expect(readme.contains("| `\(role.rawValue)`") || readme.contains(", `\(role.rawValue)` |"), "README lacks \(role.rawValue)")
            #expect(guide.contains("`\(role.rawValue)`"), "ARCHITECTURE.md lacks \(role.rawValue)")
        }
    }

    @Test("the README's example .conclint.yml loads, with the roles it shows")
    func readmeExampleLoads() throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        let example = try #require(readme.components(separatedBy: "```yaml\n").dropFirst()
            .map { $0.components(separatedBy: "```")[0] }.first { $0.contains("\napis:") })
        let configuration = try parse(example)
        #expect(configuration.extensions(for: .go)[.groupAdd] == ["Track"])
        #expect(configuration.extensions(for: .swift)[.serialExecutor] == ["store.perform"])
    }

    @Test("fail-on takes error, warning, note or never")
    func failOnIsRead() throws {
        #expect(try parse("fail-on: error\n").failOn == .error)
        #expect(try parse("fail-on: never\n").failOn == .never)
        #expect(try parse("").failOn == nil)
    }

    @Test("the file is found in the working directory or above, up to the folder holding .git")
    func locatorSearchesUpToTheRepositoryRoot() async throws {
        try await withTemporaryDirectory { root in
            try write("", to: root + "/repo/.git/HEAD")
            try write("fail-on: error\n", to: root + "/repo/.conclint.yml")
            try FileManager.default.createDirectory(atPath: root + "/repo/a/b", withIntermediateDirectories: true)
            #expect(ConfigurationLocator.find(from: root + "/repo/a/b") == root + "/repo/.conclint.yml")
            // Above the repository root nothing is looked at.
            try write("fail-on: note\n", to: root + "/.conclint.yml")
            try FileManager.default.removeItem(atPath: root + "/repo/.conclint.yml")
            #expect(ConfigurationLocator.find(from: root + "/repo/a") == nil)
            let defaults = try ConfigurationLocator.configuration(explicitPath: nil, from: root + "/repo/a")
            #expect(defaults.path == nil && defaults.failOn == nil)
            let explicit = try ConfigurationLocator.configuration(explicitPath: root + "/.conclint.yml", from: root + "/repo/a")
            #expect(explicit.failOn == .note && explicit.baseDirectory == root)
        }
    }

    @Test("the search starts at the first linted path: a directory itself, a file's folder, the working directory without paths")
    func searchStartsAtTheLintedPath() async throws {
        try await withTemporaryDirectory { root in
            try write("package a\n", to: root + "/repo/pkg/a.go")
            #expect(ConfigurationLocator.searchDirectory(forLintedPaths: [root + "/repo/pkg", root]) == root + "/repo/pkg")
            #expect(ConfigurationLocator.searchDirectory(forLintedPaths: [root + "/repo/pkg/a.go"]) == root + "/repo/pkg")
            #expect(ConfigurationLocator.searchDirectory(forLintedPaths: ["pkg/a.go"], workingDirectory: root + "/repo") == root + "/repo/pkg")
            #expect(ConfigurationLocator.searchDirectory(forLintedPaths: ["."], workingDirectory: root + "/repo") == root + "/repo")
            #expect(ConfigurationLocator.searchDirectory(forLintedPaths: [], workingDirectory: root) == root)
        }
    }

    @Test("conclint PATH uses the .conclint.yml above PATH, not the working directory's; --config still wins")
    func lintCommandFindsTheConfigurationAboveThePath() async throws {
        try await withTemporaryDirectory { root in
            try write("", to: root + "/repo/.git/HEAD")
            try write("fail-on: error\n", to: root + "/repo/.conclint.yml")
            try write("package a\n", to: root + "/repo/pkg/a.go")
            try write("fail-on: note\n", to: root + "/other.yml")
            for path in [root + "/repo/pkg/a.go", root + "/repo/pkg", root + "/repo"] {
                let setup = try LintCommand.parse([path]).prepare()
                #expect(setup.options.configuration.path == root + "/repo/.conclint.yml", "linting \(path)")
                #expect(setup.options.configuration.failOn == .error)
            }
            let explicit = try LintCommand.parse(["--config", root + "/other.yml", root + "/repo/pkg"]).prepare()
            #expect(explicit.options.configuration.failOn == .note)
        }
    }

    @Test("a run lints only included files, never excluded ones, with globs relative to the file")
    func includeAndExcludeFilterTheRun() async throws {
        try await withTemporaryDirectory { root in
            let spawn = "package main\n\nfunc main() {\n\tgo work()\n}\n\nfunc work() {}\n"
            for path in ["cmd/a.go", "cmd/gen/b.go", "cmd/c_test.go", "other/d.go"] { try write(spawn, to: root + "/" + path) }
            var options = LintOptions(paths: [root], jobs: 1)
            options.configuration = try ConfigurationLoader().parse(
                "include: [cmd]\nexclude: [\"*_test.go\", cmd/gen]\n", path: root + "/.conclint.yml", baseDirectory: root)
            let run = try await Linter(options: options).run()
            #expect(run.fileCount == 1)
            #expect(Set(run.findings.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == ["a.go"])
        }
    }

    @Test("glob patterns: ** spans folders, a bare name matches any segment, a folder covers its files")
    func globsMatchAsDocumented() {
        #expect(GlobPattern("**/*_test.go").matches("a/b/c_test.go"))
        #expect(GlobPattern("**/*_test.go").matches("c_test.go"))
        #expect(GlobPattern("*_test.go").matches("pkg/x_test.go"))
        #expect(GlobPattern("Generated").matches("Sources/Generated/Model.swift"))
        #expect(GlobPattern("Sources/Legacy").matches("Sources/Legacy/Old/A.swift"))
        #expect(!GlobPattern("Sources/Legacy").matches("Tests/Sources/Legacy/A.swift"))
        #expect(GlobPattern("Sources/*/main.swift").matches("Sources/App/main.swift"))
        #expect(!GlobPattern("Sources/*.swift").matches("Sources/App/main.swift"))
    }

    @Test("severity overrides change the reported severity and off disables the rule")
    func severityAndOffApplyToTheRun() throws {
        var options = LintOptions(paths: [])
        options.configuration = try parse("rules:\n  sleep-as-sync: { severity: off }\n  missing-wait: { severity: note }\n")
        let linter = try Linter(options: options)
        #expect(linter.severities["sleep-as-sync"] == nil)
        #expect(linter.severities["missing-wait"] == .note)
        // --rule names a rule explicitly: the command line wins over off.
        options.onlyRules = ["sleep-as-sync"]
        #expect(try Linter(options: options).severities["sleep-as-sync"] != nil)
    }

    @Test("go.version overrides go.mod for every Go file")
    func goVersionOverridesGoMod() async throws {
        try await withTemporaryDirectory { root in
            try write("module m\n\ngo 1.21\n", to: root + "/go.mod")
            try write("""
                package main

                import "fmt"

                func main() {
                \tdone := make(chan bool)
                \tfor _, v := range []string{"a", "b"} {
                \t\tgo func() {
                \t\t\tfmt.Println(v)
                \t\t\tdone <- true
                \t\t}()
                \t}
                \t<-done
                \t<-done
                }

                """, to: root + "/main.go")
            var options = LintOptions(paths: [root], onlyRules: ["loop-variable-capture"], jobs: 1)
            let old = try await Linter(options: options).run()
            #expect(old.findings.count == 1)
            options.configuration = try ConfigurationLoader().parse("go:\n  version: \"1.22\"\n", path: root + "/.conclint.yml", baseDirectory: root)
            let new = try await Linter(options: options).run()
            #expect(new.findings.isEmpty)
        }
    }

    @Test("conclint config prints every key with the values in force, and the text reads back the same")
    func effectiveTextRoundTrips() throws {
        let configuration = try parse("""
            exclude: [Tests]
            rules:
              sleep-as-sync: { severity: off }
            go: { version: "1.22" }
            apis:
              go: { spawn: [safeGo] }
            fail-on: error
            """)
        let text = configuration.effectiveText()
        #expect(text.contains("  sleep-as-sync: { severity: off }"))
        #expect(text.contains("  missing-wait: { severity: error }  # default"))
        #expect(text.contains("fail-on: error"))
        var reread = try parse(text)
        #expect(reread.exclude == ["Tests"] && reread.failOn == .error && reread.goVersion?.minor == 22)
        #expect(reread.extensions(for: .go)[.spawn] == ["safeGo"])
        // Every role is listed for every language, declared or not, with what it means.
        for role in APIExtensions.Role.allCases {
            #expect(text.components(separatedBy: "\n    \(role.rawValue): ").count == Language.allCases.count + 1)
        }
        #expect(text.contains("    group-add: []  # adds to a group's count"))
        #expect(reread.rules["sleep-as-sync"] == .off)
        reread.rules = reread.rules.filter { $0.value == .off }
        #expect(reread.disabledRules == ["sleep-as-sync"])
    }
}
