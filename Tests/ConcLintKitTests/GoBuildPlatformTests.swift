import ConcModel
import GoSyntax
import Testing

@testable import GoFrontend

/// The operating systems a Go file builds for, from its name and its build lines, and the builds
/// a package's files meet in.
@Suite("Go build platforms")
struct GoBuildPlatformTests {
    private func platforms(_ path: String, _ header: String = "") -> Set<String>? {
        let source = header + "package p\n"
        let parsed = GoParser.parse(source: Array(source.utf8), path: path)
        return GoBuildPlatforms.platforms(path: path, file: parsed.file)
    }

    @Test("a file name's system suffix limits it; a bare name or an architecture does not")
    func fileNames() {
        #expect(platforms("fd_windows.go") == ["windows"])
        #expect(platforms("netpoll_aix_ppc64.go") == ["aix"])
        #expect(platforms("zsys_linux_test.go") == ["android", "linux"])
        #expect(platforms("asm_amd64.go") == nil)
        #expect(platforms("windows.go") == nil)
        #expect(platforms("fd_unix.go") == nil)
    }

    @Test("//go:build and // +build lines are read with unknown tags possibly set")
    func constraints() {
        #expect(platforms("fd.go", "//go:build unix || wasip1\n\n")?.contains("windows") == false)
        #expect(platforms("fd.go", "//go:build unix || wasip1\n\n")?.contains("wasip1") == true)
        #expect(platforms("x.go", "//go:build !windows && !plan9\n\n")?.contains("linux") == true)
        #expect(platforms("x.go", "//go:build !windows && !plan9\n\n")?.contains("plan9") == false)
        #expect(platforms("x.go", "//go:build amd64 && cgo\n\n") == nil)
        #expect(platforms("x.go", "// +build linux,amd64 darwin\n\n") == ["android", "linux", "darwin", "ios"])
        #expect(platforms("x.go", "//go:build (linux || darwin) && !ios\n\n") == ["android", "linux", "darwin"])
    }

    @Test("a package splits into one group per build its limited files meet in")
    func configurations() {
        func unit(_ path: String, _ platforms: Set<String>?) -> UnitSummary {
            var unit = UnitSummary(path: path, language: .go, packageName: "p", types: [], functions: [])
            unit.buildPlatforms = platforms
            return unit
        }
        let plain = [unit("a.go", nil), unit("b.go", nil)]
        #expect(BuildConfigurations.split(plain).map { $0.map(\.path) } == [["a.go", "b.go"]])
        let variants = [unit("fd.go", nil), unit("fd_windows.go", ["windows"]), unit("fd_unix.go", ["linux", "darwin"])]
        let groups = BuildConfigurations.split(variants).map { $0.map(\.path) }
        #expect(groups.count == 2)
        #expect(groups.contains(["fd.go", "fd_unix.go"]))
        #expect(groups.contains(["fd.go", "fd_windows.go"]))
    }
}
