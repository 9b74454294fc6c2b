import Yams

/// Reads YAML nodes of a configuration file, turning every mismatch into a
/// ``ConfigurationError`` at the node's line and column.
struct NodeReader {
    /// The configuration file, for error messages.
    let path: String

    /// An error at `node`'s position.
    func error(_ node: Node, _ message: String, hint: String? = nil) -> ConfigurationError {
        ConfigurationError(path: path, line: node.mark?.line, column: node.mark?.column, message: message, hint: hint)
    }

    /// A YAML syntax error from Yams, at its position when Yams gives one.
    func syntaxError(_ error: any Error) -> ConfigurationError {
        let hint = "the file must be a YAML mapping such as `exclude: [\"Tests/**\"]`"
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigurationError(path: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)", hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigurationError(
                path: path, line: context.mark.line, column: context.mark.column,
                message: "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
                hint: "give each key once")
        default:
            return ConfigurationError(path: path, message: "invalid YAML: \(error)", hint: hint)
        }
    }

    /// The entries of a mapping, in file order, after checking every key is one of `keys`.
    ///
    /// - Parameters:
    ///   - what: how the message names a key ("configuration key" → "unknown configuration key").
    ///   - section: how the message names the mapping itself (`the configuration`, `'rules'`).
    ///   - listKeys: whether the hint lists every accepted key (off for long lists such as rule ids).
    func mapping(
        _ node: Node, keys: [String], what: String, section: String, listKeys: Bool = true
    ) throws(ConfigurationError) -> [(String, Node)] {
        guard let mapping = node.mapping else {
            let accepted = listKeys ? "; accepted: \(keys.joined(separator: ", "))" : ""
            throw error(node, "expected a mapping for \(section)", hint: "write `key: value` entries\(accepted)")
        }
        var result: [(String, Node)] = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            guard keys.contains(key) else {
                var hint = Self.closest(to: key, in: keys).map { "did you mean '\($0)'?" } ?? ""
                if listKeys { hint += (hint.isEmpty ? "" : " ") + "accepted: \(keys.joined(separator: ", "))" }
                if !listKeys, hint.isEmpty { hint = "`conclint rules` lists them" }
                throw error(keyNode, "unknown \(what) '\(key)'", hint: hint)
            }
            result.append((key, value))
        }
        return result
    }

    /// A scalar's text.
    func string(_ node: Node, key: String) throws(ConfigurationError) -> String {
        guard let scalar = node.scalar else { throw error(node, "expected a single value for '\(key)'") }
        return scalar.string
    }

    /// A sequence of non-empty scalars.
    func strings(_ node: Node, key: String, hint: String) throws(ConfigurationError) -> [String] {
        guard let sequence = node.sequence else { throw error(node, "expected a list for '\(key)'", hint: hint) }
        var result: [String] = []
        for item in sequence {
            guard let text = item.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error(item, "expected a non-empty name in '\(key)'", hint: hint)
            }
            result.append(text)
        }
        return result
    }

    /// A list of glob patterns, each checked by ``GlobPattern``.
    func globs(_ node: Node, key: String) throws(ConfigurationError) -> [String] {
        let hint = "a list of globs relative to the configuration file, e.g. [\"Sources/**\", \"**/*_test.go\"]"
        let patterns = try strings(node, key: key, hint: hint)
        for (pattern, item) in zip(patterns, node.sequence.map(Array.init) ?? []) {
            if let problem = GlobPattern.problem(in: pattern) {
                throw error(item, "invalid glob '\(pattern)' in '\(key)': \(problem)", hint: hint)
            }
        }
        return patterns
    }

    /// A value of a string-backed enum, or an error listing its cases.
    func choice<Value: RawRepresentable & CaseIterable>(
        _ node: Node, key: String, _ type: Value.Type
    ) throws(ConfigurationError) -> Value where Value.RawValue == String {
        let spelled = try string(node, key: key)
        guard let value = Value(rawValue: spelled) else {
            throw error(node, "invalid value '\(spelled)' for '\(key)'",
                        hint: "use one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// The key of `candidates` within edit distance 2 of `key` (the nearest), if any.
    static func closest(to key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(Array(key), Array($0))) }.filter { $0.1 <= 2 }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
