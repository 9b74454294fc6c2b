import Foundation

/// A fixture's first-line header, `// run: race | clean | leak | crash | skip`: what running it
/// shows.
public struct FixtureHeader: Equatable, Sendable {
    /// The verdict the header states.
    public var expected: FixtureVerdict

    /// The comment that starts a header, up to the verdict.
    static let prefix = "// run:"

    /// Reads the header from the first line of `text`.
    ///
    /// The line must be `// run:` followed by one verdict, with any spaces around it; a
    /// trailing `\r` is ignored.
    ///
    /// - Throws: ``FixtureHeaderError/missing`` when the first line is not a `// run:` comment,
    ///   ``FixtureHeaderError/unknownVerdict(_:)`` when the word after it is not a verdict.
    public static func parse(_ text: String) throws(FixtureHeaderError) -> FixtureHeader {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let line = firstLine.hasSuffix("\r") ? firstLine.dropLast() : firstLine
        guard line.hasPrefix(prefix) else { throw .missing }
        let word = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        guard let verdict = FixtureVerdict(rawValue: word) else { throw .unknownVerdict(word) }
        return FixtureHeader(expected: verdict)
    }
}

/// Why a fixture's header could not be read.
public enum FixtureHeaderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first line is not a `// run:` comment.
    case missing
    /// The word after `// run:` is not one of the verdicts.
    case unknownVerdict(String)

    /// One line for the table's verdict column.
    public var description: String {
        switch self {
        case .missing: "no `// run:` header on the first line"
        case .unknownVerdict(let word):
            "unknown `// run:` verdict `\(word)` (expected \(FixtureVerdict.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
    }
}
