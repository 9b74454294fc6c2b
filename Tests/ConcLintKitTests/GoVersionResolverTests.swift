import Foundation
import Testing

@testable import ConcLintKit

@Suite("Go version from go.mod")
struct GoVersionResolverTests {
    @Test("the go directive is read with or without a patch number and with comments")
    func parsesGoDirective() {
        #expect(GoVersionResolver.parseGoDirective("module m\n\ngo 1.22\n") == .init(major: 1, minor: 22))
        #expect(GoVersionResolver.parseGoDirective("module m\ngo 1.21.3 // pinned\n") == .init(major: 1, minor: 21))
        #expect(GoVersionResolver.parseGoDirective("module m\ntoolchain go1.22.0\n") == nil)
    }

    @Test("a pre-release go directive is the version of its language: go 1.21rc1 is 1.21")
    func parsesPreRelease() {
        #expect(GoVersionResolver.parseGoDirective("module m\ngo 1.21rc1\n") == .init(major: 1, minor: 21))
        #expect(GoVersionResolver.parseGoDirective("module m\ngo 1.22beta2\n") == .init(major: 1, minor: 22))
        #expect(GoVersionResolver.parseGoDirective("module m\ngo banana\n") == nil)
    }

    @Test("the nearest go.mod above a file decides its version")
    func nearestGoModWins() async throws {
        try await withTemporaryDirectory { root in
            try write("module outer\n\ngo 1.21\n", to: "\(root)/go.mod")
            try write("module inner\n\ngo 1.22.1\n", to: "\(root)/inner/go.mod")
            try write("package a\n", to: "\(root)/a/deep/a.go")
            try write("package b\n", to: "\(root)/inner/pkg/b.go")
            var resolver = GoVersionResolver()
            #expect(resolver.version(forFileAt: "\(root)/a/deep/a.go") == .init(major: 1, minor: 21))
            #expect(resolver.version(forFileAt: "\(root)/inner/pkg/b.go") == .init(major: 1, minor: 22))
        }
    }
}
