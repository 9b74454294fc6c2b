import ConcModel
import Foundation
import GoSyntax
import SwiftParser
import Testing

@testable import GoFrontend
@testable import SwiftFrontend

@Suite("Concurrency vocabulary")
struct ConcurrencyVocabularyTests {
    private func mentions(_ vocabulary: ConcurrencyVocabulary, _ text: String) -> Bool {
        vocabulary.isMentioned(in: Array(text.utf8))
    }

    @Test("a word counts only as a whole identifier")
    func wordIsWholeIdentifier() {
        let vocabulary = ConcurrencyVocabulary([.init("lock")])
        #expect(mentions(vocabulary, "mutex.lock()"))
        #expect(!mentions(vocabulary, "let blocked = unlocking + locker"))
        #expect(!mentions(vocabulary, ""))
    }

    @Test("a member word counts only right after a dot")
    func memberNeedsDot() {
        let vocabulary = ConcurrencyVocabulary([.init("async", .member)])
        #expect(mentions(vocabulary, "queue.async { work() }"))
        #expect(mentions(vocabulary, "queue\n    .async { work() }"))
        #expect(!mentions(vocabulary, "func load() async throws -> Int"))
    }

    @Test("a prefix word counts at the start of an identifier")
    func prefixMatchesStart() {
        let vocabulary = ConcurrencyVocabulary([.init("wait", .prefix)])
        #expect(mentions(vocabulary, "waitForExit()"))
        #expect(mentions(vocabulary, "wait()"))
        #expect(!mentions(vocabulary, "awaitResult()"))
    }

    @Test("a call prefix counts only where the identifier is called")
    func callPrefixNeedsCall() {
        let vocabulary = ConcurrencyVocabulary([.init("wait", .callPrefix)])
        #expect(mentions(vocabulary, "waitForExit()"))
        #expect(mentions(vocabulary, "try future.wait ()"))
        #expect(mentions(vocabulary, "waitUntil { ready }"))
        #expect(!mentions(vocabulary, "let waiters = self.waiting"))
        #expect(!mentions(vocabulary, "wait"))
    }

    @Test("a word after others counts only behind them")
    func afterNeedsPredecessors() {
        let vocabulary = ConcurrencyVocabulary([.init("await", .after(["for"])), .init("await", .after(["for", "try"]))])
        #expect(mentions(vocabulary, "for await line in lines {}"))
        #expect(mentions(vocabulary, "for try await line in lines {}"))
        #expect(!mentions(vocabulary, "let x = try await load()"))
        #expect(!mentions(vocabulary, "await"))
    }

    @Test("Go reading skips comments and literals but not listed import paths")
    func goReadingSkipsCommentsAndLiterals() {
        let vocabulary = ConcurrencyVocabulary(
            [.init("go")], operators: ["<-"], reading: .goCode(literals: ["sync"]))
        #expect(!mentions(vocabulary, "// go vet says\n/* go */ x := \"go <-\" + `go` + 'g'\n"))
        #expect(mentions(vocabulary, "func f() { go work() }"))
        #expect(mentions(vocabulary, "v := <-ch"))
        #expect(mentions(vocabulary, "import s \"sync\""))
        #expect(!mentions(vocabulary, "x := \"sync/other\""))
        #expect(!mentions(vocabulary, "s := \"unterminated go"))
        #expect(mentions(vocabulary, "s := \"esc \\\" quote\"; go f()"))
    }

    @Test("a project's own APIs are added by their final name")
    func extensionsAddFinalNames() {
        let vocabulary = ConcurrencyVocabulary([.init("go")]).adding(APIExtensions([.spawn: ["util.SafeGo"], .wait: ["join"]]))
        #expect(mentions(vocabulary, "pool.SafeGo(func() {})"))
        #expect(mentions(vocabulary, "x.join()"))
        #expect(!mentions(ConcurrencyVocabulary([.init("go")]), "pool.SafeGo(func() {})"))
    }

    // MARK: The vocabulary never hides what lowering would find

    /// Swift and Go sources to hold the invariant over: every fixture, every shared case, and
    /// this repository's own runtime library (dense in concurrency code).
    private static func corpus(suffix: String) -> [URL] {
        let root = FixtureSupport.repositoryRoot
        var folders = [root.appending(path: "Fixtures"), FixtureSupport.sharedDirectory.appending(path: "cases")]
        if suffix == ".swift" { folders.append(root.appending(path: "Sources/ConcRuntime")) }
        return folders.flatMap { folder -> [URL] in
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
            return walker.compactMap { $0 as? URL }.filter { $0.path.hasSuffix(suffix) }
        }
    }

    /// Lowers every corpus file with `suffix` (without the filter) and expects `vocabulary` to
    /// say yes wherever the unit mentions concurrency.
    private func expectConservative(
        suffix: String, atLeast minimum: Int, vocabulary: ConcurrencyVocabulary, lower: (SourceFile) -> ConcModel.Unit
    ) throws {
        let files = Self.corpus(suffix: suffix)
        #expect(files.count > minimum)
        for url in files {
            let file = SourceFile(path: url.path, bytes: Array(try Data(contentsOf: url)))
            if lower(file).mentionsConcurrency {
                #expect(vocabulary.isMentioned(in: file.bytes), "\(url.path)")
            }
        }
    }

    @Test("every Swift file the lowering marks as concurrent spells a vocabulary word")
    func swiftVocabularyIsConservative() throws {
        try expectConservative(suffix: ".swift", atLeast: 50, vocabulary: SwiftAPITable.vocabulary) { file in
            let tree = file.bytes.withUnsafeBufferPointer { Parser.parse(source: $0) }
            return SwiftLowering(file: file).lowerFile(tree)
        }
    }

    @Test("every Go file the lowering marks as concurrent spells a vocabulary word")
    func goVocabularyIsConservative() throws {
        try expectConservative(suffix: ".go", atLeast: 40, vocabulary: GoAPITable.vocabulary) { file in
            let parsed = GoParser.parse(source: file.bytes, path: file.path)
            return GoLowering(file: file, tree: parsed.file, languageVersion: nil).lowerFile()
        }
    }

    @Test("a file without concurrency words is parsed for errors but not lowered")
    func unmentionedFileKeepsSyntaxErrors() {
        let swift = SwiftFrontend.lower(SourceFile(path: "a.swift", text: "func f( {\n  let x = 1\n"))
        #expect(!swift.unit.mentionsConcurrency)
        #expect(swift.unit.functions.isEmpty)
        #expect(!swift.diagnostics.isEmpty)
        let go = GoFrontend.lower(SourceFile(path: "a.go", text: "package p\nfunc f( {\n"), languageVersion: nil)
        #expect(!go.unit.mentionsConcurrency)
        #expect(!go.diagnostics.isEmpty)
    }
}
