import ConcModel
import ConcRules
import Foundation
import Yams

/// Reads and checks a `.conclint.yml` file.
///
/// The file is a YAML mapping; every key is optional:
///
/// ```yaml
/// include: ["Sources/**", "cmd/**"]      # globs a file must match (default: every file)
/// exclude: ["**/*_test.go", "Generated"] # globs never linted
/// enable: [sleep-as-sync]               # opt-in rules to run too
/// rules:
///   thread-per-item: { severity: off }   # error | warning | note | off
///   missing-wait: { severity: error }
/// go:
///   version: "1.22"                      # overrides go.mod
/// apis:                                 # one list of callee names per role (APIExtensions.Role)
///   go: { spawn: [safeGo], wait: [], lock: [], unlock: [], group-add: [], group-done: [] }
///   swift: { spawn: [Worker.run], serial-executor: [store.perform] }
/// fail-on: warning                       # error | warning | note | never
/// ```
///
/// Unknown keys, unknown rule ids and bad values are errors (``ConfigurationError``) carrying the
/// line and column of the offending node and a hint, never ignored. Values are read as the text
/// written, so `off`, `no` and `1.20` keep their spelling.
public struct ConfigurationLoader: Sendable {
    /// The top-level keys.
    public static let topLevelKeys = ["include", "exclude", "enable", "rules", "go", "apis", "fail-on"]
    /// The keys of a `rules.<id>` entry.
    public static let ruleKeys = ["severity"]
    /// The keys of the `go` section.
    public static let goKeys = ["version"]
    /// The keys of an `apis.<language>` section: every role a declared API can have.
    public static let apiKeys = APIExtensions.Role.allCases.map(\.rawValue)

    /// The rule ids the file may name.
    public var knownRuleIDs: Set<String>

    /// A loader accepting the ids of `catalog`.
    public init(catalog: [RuleDescription] = RuleCatalog.all) {
        knownRuleIDs = Set(catalog.map(\.id))
    }

    /// Reads the file at `path`.
    ///
    /// - Throws: ``ConfigurationError`` when the file cannot be read or has a mistake.
    public func load(path: String) throws(ConfigurationError) -> Configuration {
        let bytes: [UInt8]
        do {
            // Not FileManager: it would wait forever on a FIFO and dump NSError text on failure.
            bytes = try RegularFileReader.read(path)
        } catch {
            if FileStatus.of(path) == .missing(dangling: false) {
                throw ConfigurationError(path: path, message: "no such configuration file", hint: "check the path given to --config")
            }
            throw ConfigurationError(path: path, message: "cannot read the configuration file: \(error.message)")
        }
        let base = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        return try parse(String(decoding: bytes, as: UTF8.self), path: path, baseDirectory: base)
    }

    /// Parses configuration `text` as if read from `path`, with globs relative to `baseDirectory`.
    ///
    /// - Throws: ``ConfigurationError`` for YAML syntax errors and every unknown key or bad value.
    public func parse(_ text: String, path: String, baseDirectory: String) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration(path: path, baseDirectory: baseDirectory)
        let reader = NodeReader(path: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw reader.syntaxError(error)
        }
        guard let root else { return configuration }  // An empty file sets nothing.
        for (key, value) in try reader.mapping(root, keys: Self.topLevelKeys, what: "configuration key", section: "the configuration") {
            switch key {
            case "include": configuration.include = try reader.globs(value, key: key)
            case "exclude": configuration.exclude = try reader.globs(value, key: key)
            case "enable": configuration.enabledRules = try enabledRules(value, reader: reader)
            case "rules": configuration.rules = try rules(value, reader: reader)
            case "go": configuration.goVersion = try goVersion(value, reader: reader)
            case "apis": configuration.apis = try apis(value, reader: reader)
            default: configuration.failOn = try reader.choice(value, key: key, FailureThreshold.self)
            }
        }
        return configuration
    }

    /// The `enable` list: known rule ids, each checked at its own position.
    private func enabledRules(_ node: Node, reader: NodeReader) throws(ConfigurationError) -> [String] {
        let hint = "list opt-in rule ids, e.g. [sleep-as-sync]; `conclint rules` shows each rule's tier"
        let ids = try reader.strings(node, key: "enable", hint: hint)
        for (id, item) in zip(ids, node.sequence.map(Array.init) ?? []) where !knownRuleIDs.contains(id) {
            let guess = NodeReader.closest(to: id, in: knownRuleIDs.sorted()).map { "did you mean '\($0)'? " } ?? ""
            throw reader.error(item, "unknown rule id '\(id)' in 'enable'", hint: guess + "`conclint rules` lists them")
        }
        return ids
    }

    private func rules(_ node: Node, reader: NodeReader) throws(ConfigurationError) -> [String: Configuration.RuleSetting] {
        var result: [String: Configuration.RuleSetting] = [:]
        for (id, entry) in try reader.mapping(node, keys: knownRuleIDs.sorted(), what: "rule id", section: "'rules'", listKeys: false) {
            for (_, value) in try reader.mapping(entry, keys: Self.ruleKeys, what: "key", section: "'rules.\(id)'") {
                let spelled = try reader.string(value, key: "rules.\(id).severity")
                if spelled == "off" {
                    result[id] = .off
                } else if let severity = Severity(rawValue: spelled) {
                    result[id] = .severity(severity)
                } else {
                    throw reader.error(
                        value, "invalid severity '\(spelled)' for rule '\(id)'", hint: "use one of error, warning, note, off")
                }
            }
        }
        return result
    }

    private func goVersion(_ node: Node, reader: NodeReader) throws(ConfigurationError) -> (major: Int, minor: Int)? {
        var version: (major: Int, minor: Int)?
        for (_, value) in try reader.mapping(node, keys: Self.goKeys, what: "key", section: "'go'") {
            let spelled = try reader.string(value, key: "go.version")
            guard let parsed = GoVersionResolver.parseGoDirective("go " + spelled) else {
                throw reader.error(
                    value, "invalid Go version '\(spelled)'", hint: "write it as in go.mod, quoted: version: \"1.22\"")
            }
            version = (parsed.major, parsed.minor)
        }
        return version
    }

    private func apis(_ node: Node, reader: NodeReader) throws(ConfigurationError) -> [Language: APIExtensions] {
        var result: [Language: APIExtensions] = [:]
        let languages = Language.allCases.map(\.rawValue).sorted()
        for (name, section) in try reader.mapping(node, keys: languages, what: "language", section: "'apis'") {
            guard let language = Language(rawValue: name) else { continue }
            var extensions = APIExtensions()
            // A callee with two roles would lower as whichever is tried first: say so instead.
            var declared: [String: String] = [:]
            for (key, list) in try reader.mapping(section, keys: Self.apiKeys, what: "role", section: "'apis.\(name)'") {
                guard let role = APIExtensions.Role(rawValue: key) else { continue }
                let names = try reader.strings(list, key: "apis.\(name).\(key)", hint: "list callee names, e.g. [safeGo, pool.Submit]")
                for (pattern, item) in zip(names, list.sequence.map(Array.init) ?? []) {
                    if let other = declared.updateValue(key, forKey: pattern), other != key {
                        throw reader.error(
                            item, "'\(pattern)' is declared under both '\(other)' and '\(key)' in 'apis.\(name)'",
                            hint: "a callee has one role; keep it under one of them")
                    }
                }
                extensions[role] = names
            }
            result[language] = extensions
        }
        return result
    }
}
