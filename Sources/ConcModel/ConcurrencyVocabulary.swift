/// The words a language's concurrency constructs cannot be written without, and a byte scan that
/// tells whether a file spells any of them: the cheap filter run before a file is lowered.
///
/// A front end marks a unit ``Unit/mentionsConcurrency`` only when it lowers one of its spawn,
/// wait, lock, sleep or channel APIs, and every rule skips a unit that is not so marked. Each of
/// those APIs is spelled with a word listed here, so a file in which the scan finds none would
/// lower to a unit no rule reads, and its lowering can be skipped. The scan is conservative: it
/// reads identifiers everywhere, comments and string literals included, so it may say yes where
/// lowering finds nothing, never the other way round (a test holds that over every fixture).
/// ``Reading/goCode(literals:)`` reads Go code only: comments and literals are skipped, except
/// string literals that spell an import path the front end recognises.
///
/// Identifiers are `[A-Za-z_$0-9]` runs (any byte ≥ 0x80 ends one, so a non-ASCII identifier can
/// only make the scan say yes more often). Costs one pass over the bytes and no allocation.
public struct ConcurrencyVocabulary: Sendable {
    /// How a listed word counts.
    public enum Match: Sendable, Hashable {
        /// The identifier is the word.
        case word
        /// The identifier is the word and directly follows a `.` (a member: `.async`).
        case member
        /// The identifier starts with the word (`wait` for `waitForExit`).
        case prefix
        /// The identifier starts with the word and is called: `(` or `{` follows, after any
        /// spaces (`waitForExit()`, not `self.waiters`).
        case callPrefix
        /// The identifier is the word and the one or two identifiers just before it are these,
        /// in order (`await` after `for` or `for try`).
        case after([String])
    }

    /// One listed word.
    public struct Entry: Sendable, Hashable {
        public var word: String
        public var match: Match

        public init(_ word: String, _ match: Match = .word) {
            self.word = word
            self.match = match
        }
    }

    /// What text the scan reads.
    public enum Reading: Sendable {
        /// Every byte: comments and literals too.
        case everything
        /// Go code only, lexed as the Go spec's "Lexical elements" section describes: `//` and
        /// `/* */` comments, interpreted and raw string literals and rune literals are skipped;
        /// a string literal whose contents are one of `literals` (an import path such as
        /// `"sync"`) counts as a mention.
        case goCode(literals: Set<String>)
    }

    /// Entries by the first byte of their word.
    /// One listed word as bytes, with its predecessors (for ``Match/after(_:)``) decoded too.
    private struct Candidate: Sendable {
        var bytes: [UInt8]
        var match: Match
        var before: [[UInt8]]
    }

    private var byFirstByte: [[Candidate]]
    /// Byte sequences whose mere presence counts (Go's `<-`).
    private let operators: [[UInt8]]
    private let skipsGoCommentsAndLiterals: Bool
    private let literals: [[UInt8]]

    /// - Parameters:
    ///   - entries: the words, each with how it counts.
    ///   - operators: punctuation whose presence counts.
    ///   - reading: which text is read (by default every byte).
    public init(_ entries: [Entry], operators: [String] = [], reading: Reading = .everything) {
        byFirstByte = Array(repeating: [], count: 256)
        self.operators = operators.map { Array($0.utf8) }
        switch reading {
        case .everything:
            skipsGoCommentsAndLiterals = false
            literals = []
        case .goCode(let strings):
            skipsGoCommentsAndLiterals = true
            literals = strings.map { Array($0.utf8) }
        }
        for entry in entries { add(entry) }
    }

    /// This vocabulary with a project's own APIs added: the final name of every pattern
    /// (`safeGo` of `util.safeGo`) counts as a word.
    public func adding(_ extensions: APIExtensions) -> ConcurrencyVocabulary {
        guard !extensions.isEmpty else { return self }
        var copy = self
        for pattern in extensions.allPatterns {
            let name = pattern.split(separator: ".").last.map(String.init) ?? pattern
            if !name.isEmpty { copy.add(Entry(name)) }
        }
        return copy
    }

    private mutating func add(_ entry: Entry) {
        let bytes = Array(entry.word.utf8)
        guard let first = bytes.first else { return }
        var before: [[UInt8]] = []
        if case .after(let words) = entry.match { before = words.map { Array($0.utf8) } }
        byFirstByte[Int(first)].append(Candidate(bytes: bytes, match: entry.match, before: before))
    }

    /// Whether `bytes` contain a listed word or operator.
    public func isMentioned(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isMentioned(in: $0) }
    }

    /// Whether `text` contains a listed word or operator.
    public func isMentioned(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        var previous = Previous()
        var index = 0
        while index < count {
            let byte = text[index]
            guard Self.isIdentifierStart(byte) else {
                if skipsGoCommentsAndLiterals, let end = goCommentOrLiteralEnd(at: index, in: text) {
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`"),
                        literals.contains(where: { end - index - 2 == $0.count && Self.equal(text, index + 1, $0) })
                    {
                        return true
                    }
                    index = end
                    continue
                }
                if !operators.isEmpty, matchesOperator(at: index, in: text) { return true }
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < count, Self.isIdentifierByte(text[index]) { index += 1 }
            for candidate in byFirstByte[Int(byte)]
            where matches(candidate, start..<index, in: text, previous: previous) {
                return true
            }
            previous = Previous(last: start..<index, beforeLast: previous.last)
        }
        return false
    }

    private func matches(
        _ candidate: Candidate, _ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>,
        previous: Previous
    ) -> Bool {
        let word = candidate.bytes
        switch candidate.match {
        case .prefix:
            return range.count >= word.count && Self.equal(text, range.lowerBound, word)
        case .callPrefix:
            guard range.count >= word.count, Self.equal(text, range.lowerBound, word) else { return false }
            var next = range.upperBound
            while next < text.count, text[next] == UInt8(ascii: " ") { next += 1 }
            return next < text.count && (text[next] == UInt8(ascii: "(") || text[next] == UInt8(ascii: "{"))
        case .word:
            return range.count == word.count && Self.equal(text, range.lowerBound, word)
        case .member:
            return range.count == word.count && range.lowerBound > 0
                && text[range.lowerBound - 1] == UInt8(ascii: ".") && Self.equal(text, range.lowerBound, word)
        case .after:
            let before = candidate.before
            guard range.count == word.count, Self.equal(text, range.lowerBound, word), before.count <= 2 else {
                return false
            }
            for (offset, expected) in before.reversed().enumerated() {
                guard let earlier = offset == 0 ? previous.last : previous.beforeLast else { return false }
                guard earlier.count == expected.count, Self.equal(text, earlier.lowerBound, expected) else { return false }
            }
            return true
        }
    }

    /// The two identifiers before the current one.
    private struct Previous {
        var last: Range<Int>?
        var beforeLast: Range<Int>?
    }

    /// The end (exclusive) of the Go comment or literal that starts at `index`, or `nil` when
    /// none starts there. An unterminated one runs to the end of its line (strings, runes) or
    /// of the text (comments, raw strings).
    private func goCommentOrLiteralEnd(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = text.count
        let byte = text[index]
        let next = index + 1 < count ? text[index + 1] : 0
        func scan(from start: Int, until isEnd: (Int) -> Bool) -> Int {
            var position = start
            while position < count, !isEnd(position) { position += 1 }
            return position
        }
        switch byte {
        case UInt8(ascii: "/") where next == UInt8(ascii: "/"):
            return scan(from: index + 2) { text[$0] == UInt8(ascii: "\n") }
        case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
            let end = scan(from: index + 2) { $0 + 1 < count && text[$0] == UInt8(ascii: "*") && text[$0 + 1] == UInt8(ascii: "/") }
            return min(count, end + 2)
        case UInt8(ascii: "`"):
            return min(count, scan(from: index + 1) { text[$0] == UInt8(ascii: "`") } + 1)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            var position = index + 1
            while position < count, text[position] != byte, text[position] != UInt8(ascii: "\n") {
                position += text[position] == UInt8(ascii: "\\") ? 2 : 1
            }
            return min(count, position + 1)
        default:
            return nil
        }
    }

    private func matchesOperator(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        for op in operators where index + op.count <= text.count && Self.equal(text, index, op) {
            return true
        }
        return false
    }

    private static func equal(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: [UInt8]) -> Bool {
        for (offset, byte) in word.enumerated() where text[start + offset] != byte { return false }
        return true
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "$")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
