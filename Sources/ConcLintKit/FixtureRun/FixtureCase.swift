import ConcModel
import Foundation

/// One fixture program: `Fixtures/<language>/<rule-id>/<case>.{go,swift}`.
public struct FixtureCase: Equatable, Sendable {
    /// The file's path as discovery found it (the user's spelling of the directory, joined with `/`).
    public var path: String
    /// The path shown in the table: relative to the directory `fixtures run` was given.
    public var displayPath: String
    /// The language, from the file's extension.
    public var language: Language
    /// The rule the fixture belongs to: the name of its folder.
    public var ruleID: String

    /// The folder holding the file.
    public var directory: String { (path as NSString).deletingLastPathComponent.nonEmpty ?? "." }
    /// The file's name.
    public var fileName: String { (path as NSString).lastPathComponent }
    /// Whether this is a Go test file (`_test.go`), built with `go test -c`.
    public var isGoTest: Bool { language == .go && fileName.hasSuffix("_test.go") }

    /// - Parameters:
    ///   - path: the file.
    ///   - displayPath: the path to show.
    ///   - language: its language.
    ///   - ruleID: its folder's name.
    public init(path: String, displayPath: String, language: Language, ruleID: String) {
        self.path = path
        self.displayPath = displayPath
        self.language = language
        self.ruleID = ruleID
    }
}

extension String {
    /// `nil` for the empty string, else the string itself.
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
