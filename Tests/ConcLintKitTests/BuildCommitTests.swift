import ConcReport
import ConcRules
import Foundation
import Testing

@testable import build_info_generator

@Suite("Build commit")
struct BuildCommitTests {
    static let first = String(repeating: "1a2b3c4d5e", count: 4)
    static let second = String(repeating: "abcdef0123", count: 4)

    @Test("a branch's loose ref names the commit")
    func looseBranchRef() async throws {
        try await withTemporaryDirectory { root in
            try write("ref: refs/heads/main\n", to: "\(root)/.git/HEAD")
            try write("\(Self.first)\n", to: "\(root)/.git/refs/heads/main")
            try write("# pack-refs with: peeled fully-peeled sorted\n\(Self.second) refs/heads/main\n", to: "\(root)/.git/packed-refs")
            #expect(GitCheckout(workingTree: URL(fileURLWithPath: root))?.headCommit() == Self.first)
        }
    }

    @Test("a branch only in packed-refs is read from there, skipping comments and peeled tags")
    func packedBranchRef() async throws {
        try await withTemporaryDirectory { root in
            try write("ref: refs/heads/release/1.0\n", to: "\(root)/.git/HEAD")
            try write(
                "# pack-refs with: peeled fully-peeled sorted\n\(Self.first) refs/heads/main\n"
                    + "\(Self.second) refs/heads/release/1.0\n^\(Self.first)\n", to: "\(root)/.git/packed-refs")
            #expect(GitCheckout(workingTree: URL(fileURLWithPath: root))?.headCommit() == Self.second)
        }
    }

    @Test("a detached HEAD is the commit itself")
    func detachedHead() async throws {
        try await withTemporaryDirectory { root in
            try write("\(Self.second)\n", to: "\(root)/.git/HEAD")
            #expect(GitCheckout(workingTree: URL(fileURLWithPath: root))?.headCommit() == Self.second)
        }
    }

    @Test("a linked worktree's .git file leads to its HEAD, and commondir to the shared refs")
    func linkedWorktree() async throws {
        try await withTemporaryDirectory { root in
            let worktreeGit = "\(root)/main/.git/worktrees/feature"
            try write("gitdir: ../main/.git/worktrees/feature\n", to: "\(root)/feature/.git")
            try write("ref: refs/heads/feature\n", to: "\(worktreeGit)/HEAD")
            try write("../..\n", to: "\(worktreeGit)/commondir")
            try write("\(Self.first) refs/heads/feature\n", to: "\(root)/main/.git/packed-refs")
            let checkout = try #require(GitCheckout(workingTree: URL(fileURLWithPath: "\(root)/feature")))
            #expect(checkout.gitDirectory.standardizedFileURL.path == URL(fileURLWithPath: worktreeGit).standardizedFileURL.path)
            #expect(checkout.headCommit() == Self.first)
            try write("\(Self.second)\n", to: "\(root)/main/.git/refs/heads/feature")
            #expect(checkout.headCommit() == Self.second)
        }
    }

    @Test("no .git, a ref that does not exist, or a HEAD naming a file outside refs/ give no commit")
    func unknownCommit() async throws {
        try await withTemporaryDirectory { root in
            #expect(GitCheckout(workingTree: URL(fileURLWithPath: root)) == nil)
            try write("ref: refs/heads/gone\n", to: "\(root)/.git/HEAD")
            #expect(GitCheckout(workingTree: URL(fileURLWithPath: root))?.headCommit() == nil)
            try write("\(Self.first)\n", to: "\(root)/outside")
            try write("ref: refs/../../outside\n", to: "\(root)/.git/HEAD")
            #expect(GitCheckout(workingTree: URL(fileURLWithPath: root))?.headCommit() == nil)
            try write("ref: refs/heads/loop\n", to: "\(root)/.git/HEAD")
            try write("ref: refs/heads/loop\n", to: "\(root)/.git/refs/heads/loop")
            #expect(GitCheckout(workingTree: URL(fileURLWithPath: root))?.headCommit() == nil)
        }
    }

    @Test("what git itself writes is read as git reads it: commit, pack-refs, worktree add")
    func agreesWithGit() async throws {
        guard let git = executableOnPath("git") else {
            print("skipped: git not on PATH")
            return
        }
        try await withTemporaryDirectory { root in
            let repository = "\(root)/repo"
            func git_(_ arguments: [String], in directory: String = repository) throws -> String {
                let result = try runProcess(
                    git, ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"] + arguments,
                    in: directory, environment: ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"])
                #expect(result.status == 0, "git \(arguments): \(result.error)")
                return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
            _ = try git_(["init", "-q", "-b", "main"])
            _ = try git_(["commit", "-q", "--allow-empty", "-m", "one"])
            let checkout = try #require(GitCheckout(workingTree: URL(fileURLWithPath: repository)))
            #expect(checkout.headCommit() == (try git_(["rev-parse", "HEAD"])))
            _ = try git_(["pack-refs", "--all"])
            #expect(checkout.headCommit() == (try git_(["rev-parse", "HEAD"])))
            _ = try git_(["worktree", "add", "-q", "-b", "side", "\(root)/side"])
            _ = try git_(["commit", "-q", "--allow-empty", "-m", "two"], in: "\(root)/side")
            let side = try #require(GitCheckout(workingTree: URL(fileURLWithPath: "\(root)/side")))
            #expect(side.headCommit() == (try git_(["rev-parse", "HEAD"], in: "\(root)/side")))
            #expect(side.headCommit() != checkout.headCommit())
        }
    }

    @Test("the generated source declares the commit, or nil outside a checkout")
    func generatedSource() {
        #expect(BuildInfoGenerator.source(commit: Self.first).contains("static let hash: String? = \"\(Self.first)\""))
        #expect(BuildInfoGenerator.source(commit: nil).contains("static let hash: String? = nil"))
    }

    @Test("this binary carries the commit its package checkout is at, in the version and the reports")
    func binaryCarriesCheckoutCommit() throws {
        let expected = GitCheckout(workingTree: URL(fileURLWithPath: packageRoot))?.headCommit()
        #expect(ToolInfo.commit == expected)
        let short = expected.map { "commit \($0.prefix(7))" } ?? "unknown commit"
        #expect(ToolInfo.versionDescription == "\(ToolInfo.version) (\(short))")
        let run = LintRun(findings: [], problems: [], sources: [:], rules: [], fileCount: 0)
        #expect(JSONReport(run).tool.commit == expected)
        let driver = SARIFFormatter(sourceRoot: packageRoot).log(for: run).runs.first?.tool.driver
        #expect(driver?.version == ToolInfo.versionDescription)
        #expect(driver?.semanticVersion == ToolInfo.version)
    }

    @Test("conclint --version prints the name, the version and the commit")
    func versionFlag() throws {
        guard let conclint = builtConclint() else {
            print("skipped: conclint executable not found")
            return
        }
        let result = try runProcess(conclint, ["--version"])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "conclint \(ToolInfo.versionDescription)")
        #expect(result.output.contains(ToolInfo.shortCommit ?? "unknown commit"))
    }
}
