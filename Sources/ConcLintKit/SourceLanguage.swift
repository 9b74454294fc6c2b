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
