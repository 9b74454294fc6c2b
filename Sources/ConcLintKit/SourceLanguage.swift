import ConcModel

extension Language {
    /// The language of a file by its extension: `.swift` → Swift, `.go` → Go, else `nil`.
    public init?(path: String) {
        if path.hasSuffix(".swift") {
            self = .swift
        } else if path.hasSuffix(".go") {
            self = .go
        } else {
            return nil
        }
    }
}

extension SourceFile.LineBreaks {
    /// How `language` ends lines: Swift also on a lone CR (as swift-syntax does), Go only on LF
    /// (as its spec and `go/scanner` do); `.lineFeed` for any other file.
    init(_ language: Language?) {
        self = language == .swift ? .lineFeedOrCarriageReturn : .lineFeed
    }
}
