import ConcModel
import Foundation
import Testing

@testable import ConcLintKit

/// Every mistake in `.conclint.yml` is an error naming the file, line and column, with a hint;
/// nothing is silently ignored.
@Suite("Configuration errors")
struct ConfigurationErrorTests {
    private func error(_ text: String) -> ConfigurationError? {
        do {
            _ = try ConfigurationLoader().parse(text, path: "conf/.conclint.yml", baseDirectory: "/repo")
            return nil
        } catch {
            return error
        }
    }

    @Test("invalid YAML is reported at its line")
    func invalidYAML() throws {
        let failure = try #require(error("include: [a\nexclude: b\n"))
        #expect(failure.message.hasPrefix("invalid YAML"))
        #expect(failure.line != nil)
        #expect(failure.hint != nil)
    }

    @Test("a file that is not a mapping is rejected")
    func notAMapping() throws {
        let failure = try #require(error("- include\n"))
        #expect(failure.description.hasPrefix("conf/.conclint.yml:1:1: error: expected a mapping for the configuration"))
        #expect(failure.hint?.contains("include, exclude, enable, rules, go, apis, fail-on") == true)
    }

    @Test("an unknown top-level key is named with its line, column and the closest key")
    func unknownTopLevelKey() throws {
        let failure = try #require(error("fail-on: error\nexclud: [a]\n"))
        #expect(failure.description == """
            conf/.conclint.yml:2:1: error: unknown configuration key 'exclud'
              hint: did you mean 'exclude'? accepted: include, exclude, enable, rules, go, apis, fail-on
            """)
    }

    @Test("include and exclude must be lists of non-empty, relative globs")
    func badGlobs() throws {
        #expect(try #require(error("include: Sources\n")).message == "expected a list for 'include'")
        #expect(try #require(error("exclude: [\"\"]\n")).message == "expected a non-empty name in 'exclude'")
        let absolute = try #require(error("exclude:\n  - /abs/path\n"))
        #expect(absolute.message.contains("invalid glob '/abs/path' in 'exclude'"))
        #expect(absolute.line == 2)
        #expect(try #require(error("include: [\"../up\"]\n")).message.contains("'..' cannot leave"))
        #expect(try #require(error("include: [\"[unclosed\"]\n")).message.contains("invalid glob '[unclosed'"))
        #expect(error("include: [\"[ab]*.go\", \"[]x]\", \"[!]]y\"]\n") == nil)
    }

    @Test("rules: an unknown rule id, a non-mapping entry, an unknown entry key and a bad severity")
    func badRules() throws {
        let unknown = try #require(error("rules:\n  sleep-as-synk: { severity: off }\n"))
        #expect(unknown.description.hasPrefix("conf/.conclint.yml:2:3: error: unknown rule id 'sleep-as-synk'"))
        #expect(unknown.hint == "did you mean 'sleep-as-sync'?")
        #expect(try #require(error("rules:\n  zzz-qqq: { severity: off }\n")).hint == "`conclint rules` lists them")
        #expect(try #require(error("rules: [a]\n")).message == "expected a mapping for 'rules'")
        #expect(try #require(error("rules:\n  missing-wait: off\n")).message == "expected a mapping for 'rules.missing-wait'")
        let key = try #require(error("rules:\n  missing-wait: { level: error }\n"))
        #expect(key.message == "unknown key 'level'")
        #expect(key.hint == "accepted: severity")
        let severity = try #require(error("rules:\n  missing-wait: { severity: fatal }\n"))
        #expect(severity.message == "invalid severity 'fatal' for rule 'missing-wait'")
        #expect(severity.hint == "use one of error, warning, note, off")
        #expect(severity.line == 2)
        #expect(try #require(error("rules:\n  missing-wait: { severity: [error] }\n")).message
            == "expected a single value for 'rules.missing-wait.severity'")
    }

    @Test("go: an unknown key and a version that is not major.minor")
    func badGo() throws {
        #expect(try #require(error("go:\n  versoin: \"1.22\"\n")).hint?.hasPrefix("did you mean 'version'?") == true)
        let version = try #require(error("go:\n  version: latest\n"))
        #expect(version.message == "invalid Go version 'latest'")
        #expect(version.hint?.contains("\"1.22\"") == true)
        #expect(try #require(error("go: \"1.22\"\n")).message == "expected a mapping for 'go'")
    }

    @Test("apis: an unknown language, an unknown role, a name under two roles, and a role that is not a list of names")
    func badAPIs() throws {
        let language = try #require(error("apis:\n  rust: { spawn: [x] }\n"))
        #expect(language.message == "unknown language 'rust'")
        #expect(language.hint == "accepted: go, swift")
        let role = try #require(error("apis:\n  go: { spawns: [safeGo] }\n"))
        #expect(role.message == "unknown role 'spawns'")
        #expect(role.hint == "did you mean 'spawn'? accepted: " + APIExtensions.Role.allCases.map(\.rawValue).joined(separator: ", "))
        #expect(role.hint?.contains("group-add, group-done, group-wait") == true)
        let twice = try #require(error("apis:\n  go:\n    spawn: [safeGo]\n    serial-executor: [post, safeGo]\n"))
        #expect(twice.message == "'safeGo' is declared under both 'spawn' and 'serial-executor' in 'apis.go'")
        #expect(twice.line == 4 && twice.column == 29)
        let list = try #require(error("apis:\n  go: { spawn: safeGo }\n"))
        #expect(list.message == "expected a list for 'apis.go.spawn'")
        #expect(list.hint?.contains("safeGo") == true)
    }

    @Test("fail-on must be error, warning, note or never")
    func badFailOn() throws {
        let failure = try #require(error("fail-on: always\n"))
        #expect(failure.description == """
            conf/.conclint.yml:1:10: error: invalid value 'always' for 'fail-on'
              hint: use one of error, warning, note, never
            """)
    }

    @Test("a missing --config file is an error")
    func missingFile() {
        #expect(throws: ConfigurationError(path: "/no/such/.conclint.yml", message: "no such configuration file", hint: "check the path given to --config")) {
            try ConfigurationLocator.configuration(explicitPath: "/no/such/.conclint.yml")
        }
    }

    @Test("duplicate keys are an error, not a silent overwrite")
    func duplicateKeys() throws {
        let failure = try #require(error("fail-on: error\nfail-on: note\n"))
        #expect(failure.message.contains("fail-on"))
    }
}
