import ConcReport
import Foundation
import Testing

@testable import ConcLintKit

@Suite("File discovery")
struct FileDiscoveryTests {
    @Test("walking skips build, VCS, dependency and hidden folders, testdata, and folders starting with _")
    func skipsListedAndHiddenFolders() async throws {
        try await withTemporaryDirectory { root in
            for folder in [
                ".build", ".build-engine", ".git", ".swiftpm", "Pods", "Carthage", "vendor", "node_modules",
                ".hidden", "testdata", "pkg/testdata", "_examples", "pkg/_old",
            ] {
                try write("let x = 1\n", to: "\(root)/\(folder)/skipped.swift")
            }
            try write("let x = 1\n", to: "\(root)/Sources/A/kept.swift")
            try write("package pkg\n", to: "\(root)/pkg/_kept.go")
            try write("package pkg\n", to: "\(root)/pkg/my_testdata/kept.go")
            try write("not code\n", to: "\(root)/Sources/A/notes.txt")
            let result = FileDiscovery().discover([root])
            #expect(result.files == ["\(root)/Sources/A/kept.swift", "\(root)/pkg/_kept.go", "\(root)/pkg/my_testdata/kept.go"])
            #expect(result.problems.isEmpty)
        }
    }

    @Test("a skipped folder named on the command line is walked, and its files are explicit only when named")
    func namedSkippedFolderIsWalked() async throws {
        try await withTemporaryDirectory { root in
            try write("package a\n", to: "\(root)/testdata/a.go")
            try write("package a\n", to: "\(root)/testdata/b.go")
            let result = FileDiscovery().discover(["\(root)/testdata", "\(root)/testdata/b.go"])
            #expect(result.files == ["\(root)/testdata/a.go", "\(root)/testdata/b.go"])
            #expect(result.explicitFiles == ["\(root)/testdata/b.go"])
        }
    }

    @Test("a file named explicitly is linted even inside a skipped folder")
    func explicitFileIsAlwaysLinted() async throws {
        try await withTemporaryDirectory { root in
            try write("let x = 1\n", to: "\(root)/vendor/dep.swift")
            let result = FileDiscovery().discover(["\(root)/vendor/dep.swift"])
            #expect(result.files == ["\(root)/vendor/dep.swift"])
        }
    }

    @Test("a file reached twice through overlapping paths is listed once")
    func deduplicatesFiles() async throws {
        try await withTemporaryDirectory { root in
            try write("let x = 1\n", to: "\(root)/a/one.swift")
            let result = FileDiscovery().discover([root, "\(root)/a", "\(root)/a/one.swift", "\(root)/a/./one.swift"])
            #expect(result.files == ["\(root)/a/one.swift"])
        }
    }

    @Test("files come out sorted whatever the argument order")
    func orderIsDeterministic() async throws {
        try await withTemporaryDirectory { root in
            for name in ["b.swift", "a.go", "c/z.swift", "c/a.swift"] { try write("\n", to: "\(root)/\(name)") }
            let forward = FileDiscovery().discover(["\(root)/c", "\(root)/b.swift", "\(root)/a.go"]).files
            let backward = FileDiscovery().discover(["\(root)/a.go", "\(root)/b.swift", "\(root)/c"]).files
            #expect(forward == backward)
            #expect(forward == forward.sorted())
        }
    }

    @Test("a missing path is reported as unreadable and an explicit non-source file as unsupported")
    func missingAndUnsupportedPathsAreProblems() async throws {
        try await withTemporaryDirectory { root in
            try write("# notes\n", to: "\(root)/README.md")
            let result = FileDiscovery().discover(["\(root)/nope", "\(root)/README.md"])
            #expect(result.files.isEmpty)
            #expect(result.problems.map(\.kind) == [.unreadable, .unsupported])
        }
    }

    @Test("display paths drop a leading ./ and trailing slashes")
    func displayPaths() {
        #expect(FileDiscovery.displayPath("./Sources/") == "Sources")
        #expect(FileDiscovery.displayPath("./") == ".")
        #expect(FileDiscovery.displayPath("/") == "/")
        #expect(FileDiscovery.join(".", "a.swift") == "a.swift")
    }
}
