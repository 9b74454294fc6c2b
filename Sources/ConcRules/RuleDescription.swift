import ConcModel

/// A rule's metadata: one typed record that `conclint rules`, `conclint explain`, the README and
/// SARIF `tool.driver.rules[]` all read. Loaded from `Rules/<id>.yml` at build time into
/// ``RuleCatalog``, so a copied binary carries it.
public struct RuleDescription: Sendable {
    /// A bad and a corrected example for one language (each the text of a fixture).
    public struct Example: Sendable {
        public var language: Language
        public var bad: String
        public var good: String

        public init(language: Language, bad: String, good: String) {
            self.language = language
            self.bad = bad
            self.good = good
        }
    }

    /// Kebab-case id: `shared-mutable-capture`.
    public var id: String
    /// One line, sentence case, no full stop.
    public var title: String
    /// One or two sentences: what the rule finds.
    public var summary: String
    /// Why it is a hazard.
    public var rationale: String
    /// What it deliberately does not catch, or may get wrong.
    public var limits: String
    public var defaultSeverity: Severity
    public var languages: [Language]
    /// The replacement, per language.
    public var suggestions: [Language: String]
    public var examples: [Example]
    /// The conclint version that introduced the rule.
    public var since: String
    /// Whether the rule runs by default or only when enabled.
    public var tier: RuleTier
    /// Per language, the named templates a rule spells its fixes' edits with (`Rules/<id>.yml`
    /// `fixes`), so a rule written once gets each language's syntax from data: `{name}` stands
    /// for a value the rule fills in (``RuleContext/fixText(_:_:)``).
    public var fixTemplates: [Language: [String: String]]

    public init(
        id: String, title: String, summary: String, rationale: String, limits: String,
        defaultSeverity: Severity, languages: [Language], suggestions: [Language: String],
        examples: [Example], since: String, tier: RuleTier = .default,
        fixTemplates: [Language: [String: String]] = [:]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.rationale = rationale
        self.limits = limits
        self.defaultSeverity = defaultSeverity
        self.languages = languages
        self.suggestions = suggestions
        self.examples = examples
        self.since = since
        self.tier = tier
        self.fixTemplates = fixTemplates
    }

    /// The suggestion for `language`, or the first one given.
    public func suggestion(for language: Language) -> String {
        suggestions[language] ?? suggestions.values.sorted().first ?? ""
    }
}
