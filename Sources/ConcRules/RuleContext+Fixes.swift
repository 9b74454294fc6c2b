import ConcModel

extension RuleContext {
    /// The rule's fix template `name` for the unit's language with each `{key}` replaced by its
    /// value; `nil` when the rule's metadata has no such template for the language (then the
    /// rule offers no fix rather than guessing a spelling).
    public func fixText(_ name: String, _ values: [String: String] = [:]) -> String? {
        guard var text = description.fixTemplates[language]?[name] else { return nil }
        for (key, value) in values {
            text = text.filling("{\(key)}", with: value)
        }
        return text
    }
}

extension Finding {
    /// The finding with `fixes` appended.
    public func adding(_ fixes: [Fix]) -> Finding {
        var copy = self
        copy.fixes += fixes
        return copy
    }

    /// The finding with `fix` appended when it is not `nil`.
    public func adding(_ fix: Fix?) -> Finding {
        adding(fix.map { [$0] } ?? [])
    }
}

private extension String {
    func filling(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let found = rest.firstRange(of: target) {
            result += String(rest[..<found.lowerBound])
            result += replacement
            rest = rest[found.upperBound...]
        }
        return result + rest
    }
}
