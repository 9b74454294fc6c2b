import ConcModel
import ConcRules
import Foundation
import GoFrontend
import SwiftFrontend
import Testing

typealias ModelUnit = ConcModel.Unit

@testable import ConcLintKit

/// The package model: files joined into packages, summaries applied across files, and the
/// conventions and facts the package rules read.
@Suite struct PackageModelTests {
    /// Findings of every file linted together as one package, as `line rule` per file name.
    static func findings(_ files: [(path: String, text: String)]) -> [String] {
        Linter.lint(files: files).flatMap { report in
            report.findings.map { "\($0.path):\($0.range.start.line) \($0.ruleID)" }
        }
    }

    static let goRegistry = """
        package reg

        import "sync"

        var registryMu sync.Mutex

        type entry struct {
        \tmu   sync.Mutex
        \thits int
        }

        // addLocked records a name. The caller must hold registryMu.
        func addLocked(names map[string]int, name string) {
        \tnames[name]++
        }

        func (e *entry) bump() {
        \te.mu.Lock()
        \tdefer e.mu.Unlock()
        \te.hits++
        }
        """

    @Test("a lock on a package variable declared in another file counts as held for a …Locked helper")
    func packageVariableLockFromAnotherFileIsHeld() {
        let caller = """
            package reg

            func record(names map[string]int, name string) {
            \tregistryMu.Lock()
            \taddLocked(names, name)
            \tregistryMu.Unlock()
            }
            """
        #expect(Self.findings([("a.go", Self.goRegistry), ("b.go", caller)]).isEmpty)
    }

    @Test("a method holding a lock that calls a method of another file taking it is a double lock")
    func doubleLockThroughAnotherFile() {
        let caller = """
            package reg

            func (e *entry) bumpTwice() {
            \te.mu.Lock()
            \tdefer e.mu.Unlock()
            \te.bump()
            }
            """
        #expect(Self.findings([("a.go", Self.goRegistry), ("b.go", caller)]) == ["b.go:6 double-lock"])
    }

    @Test("assertions and predicates named …LockHeld or is…Locked do not need the lock held")
    func assertionNamesAreNotConventions() {
        #expect(!LockConvention.nameRequiresHeldLock("assertLockHeld"))
        #expect(!LockConvention.nameRequiresHeldLock("isLocked"))
        #expect(!LockConvention.nameRequiresHeldLock("mustBeLocked"))
        #expect(LockConvention.nameRequiresHeldLock("flushLocked"))
        #expect(LockConvention.nameRequiresHeldLock("evict_locked"))
        #expect(!LockConvention.nameRequiresHeldLock("updateWithLock"))
        #expect(!LockConvention.nameRequiresHeldLock("assertRWLockHeld"))
        #expect(LockConvention.nameRequiresHeldLock("isUsableLocked"))
    }

    @Test("doc comments are conventions only when they speak of the caller and a lock")
    func docCommentConventions() {
        #expect(LockConvention.requiresHeldLock(docComment: "// sched.lock must be held."))
        #expect(LockConvention.requiresHeldLock(docComment: "/// The caller must hold `lock`."))
        #expect(!LockConvention.requiresHeldLock(docComment: "// Takes the two locks, but only while holding gate."))
        #expect(!LockConvention.requiresHeldLock(docComment: "// must be called with a valid context"))
        #expect(LockConvention.requiresHeldLock(docComment: "// flushColdBuf needs mtx locked."))
        #expect(LockConvention.requiresHeldLock(docComment: "// rotateStreams needs mtx AND bufMtx locked."))
        #expect(!LockConvention.requiresHeldLock(docComment: "// It needs to adjust the PC.\n// There are no runtime locks held."))
        #expect(LockConvention.requiresHeldLock(docComment: "// updateHead should not be called without the db.Lock()"))
        #expect(LockConvention.requiresHeldLock(docComment: "// hasConflict must be called while having a lock."))
        #expect(LockConvention.requiresHeldLock(docComment: "// Store stores the file.\n//\n// Call with lock held"))
        #expect(!LockConvention.requiresHeldLock(docComment: "// Call with a context; it takes the lock itself."))
    }

    @Test("guarded-by comments name the lock of a field")
    func guardedByComments() {
        #expect(LockConvention.guardedLock(inComment: "// guarded by mu") == "mu")
        #expect(LockConvention.guardedLock(inComment: "// Protected by `c.mu`.") == "c.mu")
        #expect(LockConvention.guardedLock(inComment: "// a plain comment") == nil)
    }

    @Test("a Swift property read outside the withLock that guards its writes is unguarded")
    func swiftWithLockDiscipline() {
        let source = """
            import Foundation

            final class Cache: @unchecked Sendable {
                private let lock = NSLock()
                private var items: [String: Int] = [:]

                func put(_ key: String, _ value: Int) {
                    lock.withLock { items[key] = value }
                }

                func drop(_ key: String) {
                    lock.withLock { items[key] = nil }
                }

                func count() -> Int {
                    items.count
                }
            }
            """
        #expect(Self.findings([("Cache.swift", source)]) == ["Cache.swift:16 unguarded-field"])
    }

    @Test("Go files group by directory and package clause; x_test is its own package")
    func goPackagesByDirectoryAndClause() {
        let grouping = PackageGrouping()
        let a = grouping.key(path: "p/a.go", language: .go, source: SourceFile(path: "p/a.go", text: "package p\n"))
        let b = grouping.key(path: "p/b.go", language: .go, source: SourceFile(path: "p/b.go", text: "// doc\npackage p\n"))
        let test = grouping.key(path: "p/a_test.go", language: .go, source: SourceFile(path: "p/a_test.go", text: "package p_test\n"))
        let other = grouping.key(path: "q/a.go", language: .go, source: SourceFile(path: "q/a.go", text: "package p\n"))
        #expect(a == b)
        #expect(a != test)
        #expect(a != other)
    }

    @Test("Swift files group by SwiftPM target below the nearest Package.swift")
    func swiftPackagesByTarget() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "conclint-grouping-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["Sources/Core/Sub", "Sources/Tool", "Tests/CoreTests"] {
            try FileManager.default.createDirectory(at: root.appending(path: folder), withIntermediateDirectories: true)
        }
        try Data("// swift-tools-version: 6.0\n".utf8).write(to: root.appending(path: "Package.swift"))
        let grouping = PackageGrouping()
        func key(_ relative: String) -> String {
            let path = root.appending(path: relative).path
            return grouping.key(path: path, language: .swift, source: SourceFile(path: path, text: ""))
        }
        #expect(key("Sources/Core/A.swift") == key("Sources/Core/Sub/B.swift"))
        #expect(key("Sources/Core/A.swift") != key("Sources/Tool/main.swift"))
        #expect(key("Tests/CoreTests/T.swift") != key("Sources/Core/A.swift"))
    }

    @Test("two program entries in one directory are separate packages")
    func programEntriesAreSeparate() {
        let one = "package main\n\nimport \"sync\"\n\ntype t struct {\n\tmu sync.Mutex\n\tn  int\n}\n\nfunc main() {}\n"
        let reports = Linter.lint(files: [("one.go", one), ("two.go", one)])
        #expect(reports.allSatisfy { $0.findings.isEmpty })
    }

    @Test("dump-model pins the Go front end's summary of a method that locks and calls")
    func goldenGoDump() {
        let unit = GoFrontendSupport.unit("""
            package p

            import "sync"

            type s struct {
            \tmu sync.Mutex
            \tn  int
            }

            func (x *s) inc() {
            \tx.mu.Lock()
            \tx.n++
            \tx.mu.Unlock()
            \tx.helper()
            }

            func (x *s) helper() {}
            """, path: "p.go")
        let package = PackageModel(name: "p", units: [UnitSummary(unit)])
        #expect(ModelDump.text(of: package, facts: LockFacts(package)) == """
            package p
              file p.go
              type s (valueType)
                field mu sync.Mutex lock
                field n int value
              func s.inc (declared) p.go:10:1
                acquire recv.mu @11:2
                read recv.n held [recv.mu] @12:2
                write recv.n held [recv.mu] @12:2
                release recv.mu held [recv.mu] @13:2
                read recv @14:2
                call helper on self @14:2
                acquires recv.mu
              func s.helper (declared) p.go:17:1
                callers hold {}

            """)
    }

    @Test("dump-model pins the Swift front end's summary of a class guarded by withLock")
    func goldenSwiftDump() {
        let unit = SwiftFrontendSupport.unit("""
            import Foundation

            final class Box: @unchecked Sendable {
                private let lock = NSLock()
                private var value = 0 // guarded by lock

                func set(_ v: Int) {
                    lock.withLock { value = v }
                }
            }
            """, path: "Box.swift")
        let package = PackageModel(name: "m", units: [UnitSummary(unit)])
        #expect(ModelDump.text(of: package, facts: LockFacts(package)) == """
            package m
              file Box.swift
              type Box (referenceType, @unchecked Sendable)
                field lock NSLock lock immutable
                field value ? value guarded by lock
              func Box.set (declared, exported) Box.swift:7:5
                acquire recv.lock @8:9
                read param0 held [recv.lock] @8:33
                write recv.value held [recv.lock] @8:25
                acquires recv.lock

            """)
    }
}

/// Lowering helpers for the golden tests.
enum GoFrontendSupport {
    static func unit(_ text: String, path: String) -> ModelUnit {
        GoFrontend.lower(SourceFile(path: path, text: text), languageVersion: nil, forceLowering: true).unit
    }
}

enum SwiftFrontendSupport {
    static func unit(_ text: String, path: String) -> ModelUnit {
        SwiftFrontend.lower(SourceFile(path: path, text: text), forceLowering: true).unit
    }
}
