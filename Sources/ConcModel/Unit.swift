/// One source file lowered into the concurrency model: the shared product every rule reads.
///
/// Functions and bindings live in flat arrays indexed by ``FunctionID`` and ``BindingID``;
/// steps refer to them by id, so a rule can follow a closure or a variable without a tree search.
public struct Unit: Sendable {
    public let file: SourceFile
    public let language: Language
    /// What differs between the languages, for rules (which never ask for ``language``).
    public var facts: LanguageFacts
    /// Every function, method, closure and the top-level body, in source order of their start.
    public var functions: [Function]
    /// Every binding declared in the file, in declaration order.
    public var bindings: [Binding]
    /// For Go: the language version in effect (`go.mod`'s `go` line or a `//go:build go1.N`
    /// constraint), as (major, minor); `nil` when unknown (then the newest semantics apply).
    public var languageVersion: (major: Int, minor: Int)?
    /// Whether the file spells any concurrency API at all; rules may skip a unit that does not.
    public var mentionsConcurrency: Bool
    /// The types the file declares (and extends), with their fields.
    public var types: [TypeDeclaration] = []
    /// Go: the package clause's name; Swift: `nil`.
    public var packageName: String?
    /// Test code (Go: a `_test.go` file; Swift: a file importing XCTest or Testing): it drives
    /// the code under test, mostly from one thread, and pokes at state between steps.
    public var isTestCode = false
    /// Go: the operating systems the file is built for (its name's `_windows` / `_linux_amd64`
    /// suffix, its `//go:build` line); `nil` when it builds for every one. Files with disjoint
    /// sets never meet in one build.
    public var buildPlatforms: Set<String>?
    /// Channel fields (`Type.field`) given a buffer where they are made (`&T{ch: make(chan X, 1)}`,
    /// `t.ch = make(chan X, n)`): a send on them may find room.
    public var bufferedChannelFields: Set<String> = []
    /// Go: the parameters that may carry a collection sized by input — every parameter of an
    /// exported function, and those an unexported one is passed input in (directly, or forwarded
    /// from such a parameter) by a call in this file. A loop over any other parameter visits what
    /// the program chose (``Loop/elementsFromInput`` is then not evidence of a flood).
    public var inputParameters: Set<BindingID> = []

    public init(
        file: SourceFile, language: Language, functions: [Function] = [], bindings: [Binding] = [],
        languageVersion: (major: Int, minor: Int)? = nil, mentionsConcurrency: Bool = true
    ) {
        self.file = file
        self.language = language
        self.facts = language == .go ? .go : .swift
        self.functions = functions
        self.bindings = bindings
        self.languageVersion = languageVersion
        self.mentionsConcurrency = mentionsConcurrency
    }

    public subscript(id: FunctionID) -> Function { functions[id.index] }
    public subscript(id: BindingID) -> Binding { bindings[id.index] }

    /// Whether `function` is `ancestor` or lies (lexically) inside it.
    public func function(_ function: FunctionID, isInside ancestor: FunctionID) -> Bool {
        var current: FunctionID? = function
        var guardCount = 0
        while let id = current, guardCount < 10_000 {
            if id == ancestor { return true }
            current = self[id].parent
            guardCount += 1
        }
        return false
    }
}
