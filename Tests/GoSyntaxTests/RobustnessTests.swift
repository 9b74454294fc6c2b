import Foundation
import Testing
@testable import GoSyntax

@Suite("Robustness")
struct RobustnessTests {
    /// Inputs nested far deeper than ``GoParser/maxNestingDepth``.
    static let deepInputs: [(String, String)] = {
        let n = 100_000
        func rep(_ s: String, _ k: Int = n) -> String { String(repeating: s, count: k) }
        return [
            ("parentheses", "package p\nvar x = " + rep("(") + "1" + rep(")") + "\n"),
            ("blocks", "package p\nfunc f() {" + rep("{") + rep("}") + "}\n"),
            ("unary operators", "package p\nvar x = " + rep("- ") + "1\n"),
            ("pointer types", "package p\nvar x " + rep("*") + "int\n"),
            ("slice types", "package p\nvar x " + rep("[]") + "int\n"),
            ("composite literals", "package p\nvar x = T" + rep("{") + rep("}") + "\n"),
            ("function literals", "package p\nvar x = " + rep("func() {") + rep("}") + "\n"),
            ("else-if chains", "package p\nfunc f() {" + rep("if x {} else ", 20_000) + "{}}\n"),
            ("receive operators", "package p\nvar x = " + rep("<-") + "c\n"),
            ("unclosed brackets", "package p\nvar x = " + rep("[") + "\n"),
            ("binary operator chains", "package p\nvar x = a" + rep(" + a") + "\n"),
            ("selector chains", "package p\nvar x = a" + rep(".b") + "\n"),
            ("call chains", "package p\nvar x = f" + rep("()") + "\n"),
            ("type unions", "package p\ntype C interface{ int" + rep(" | int") + " }\n"),
        ]
    }()

    @Test("absurd nesting gives an error instead of overflowing the stack", arguments: deepInputs.map(\.0))
    func absurdNesting(name: String) throws {
        let source = try #require(Self.deepInputs.first { $0.0 == name }?.1)
        let result = parse(source)
        #expect(!result.diagnostics.isEmpty)
    }

    @Test("absurd nesting on a thread with a small stack gives an error, not a crash")
    func smallStack() {
        let source = "package p\nvar x = " + String(repeating: "(", count: 5_000) + "1"
            + String(repeating: ")", count: 5_000) + "\n"
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var errors = 0
        let thread = Thread {
            errors = GoParser.parse(source: source, path: "deep.go").diagnostics.count
            finished.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
        finished.wait()
        #expect(errors > 0)
    }

    @Test("nesting a few hundred levels deep parses without errors")
    func reasonableNesting() {
        let k = 300
        let source = "package p\nvar x = " + String(repeating: "(", count: k) + "1" + String(repeating: ")", count: k)
            + "\nfunc f() {" + String(repeating: "{", count: k) + String(repeating: "}", count: k) + "}\n"
        #expect(parse(source).diagnostics.isEmpty)
    }

    @Test("errors are capped: a file of garbage gives a handful of errors and returns")
    func errorCap() {
        let garbage = "package p\n" + String(repeating: "func ( { ] ) = :=\n", count: 10_000)
        let result = parse(garbage)
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics.count <= 12)
        let repeated = "package p\n" + String(repeating: "var = 1\n", count: 1_000)
        #expect(parse(repeated).diagnostics.count <= 12)
        #expect(GoParser.parse(source: repeated, path: "r.go", allErrors: true).diagnostics.count >= 1_000)
    }

    @Test("empty, whitespace-only and binary inputs return with errors")
    func degenerateInputs() {
        #expect(!parse("").diagnostics.isEmpty)
        #expect(!parse(" \n\t\n").diagnostics.isEmpty)
        let binary = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        #expect(!GoParser.parse(source: binary, path: "bin.go").diagnostics.isEmpty)
    }

    @Test("mutated corpus files (truncated, bytes flipped) always parse to a result")
    func mutationSample() throws {
        // A quick sample for debug builds; scripts/gosyntax-mutation.sh runs 1,000 files.
        var rng = SplitMix64(seed: 42)
        let bases = [
            "package p\nimport \"sync\"\nfunc f(xs []int) (total int) {\n\tvar mu sync.Mutex\n\tvar wg sync.WaitGroup\n\tfor i, x := range xs {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tmu.Lock()\n\t\t\ttotal += x * i\n\t\t\tmu.Unlock()\n\t\t}()\n\t}\n\twg.Wait()\n\treturn\n}\n",
            "package q\ntype S[T any, P *T] struct { a, b T; c map[string][]P `tag:\"x\"` }\nfunc (s *S[T, P]) M() <-chan T { c := make(chan T, 1); select { case c <- s.a: default: }; return c }\n",
            "package r\nconst ( A = iota; B; C = 0x1p-2 + 'x' )\nvar v = []struct{ x int }{{1}, {x: 2}}\nfunc g() { L: for { switch t := v[0].(type) { case int: break L; default: _ = t } } }\n",
        ]
        var sources = bases.map { Array($0.utf8) }
        if let root = goRoot() {
            for path in corpusSample(root: root, count: 20) {
                if let data = FileManager.default.contents(atPath: path) { sources.append([UInt8](data)) }
            }
        }
        for source in sources {
            for _ in 0..<10 {
                var bytes = Array(source.prefix(Int.random(in: 0...source.count, using: &rng)))
                for _ in 0..<Int.random(in: 0...8, using: &rng) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
                let result = GoParser.parse(source: bytes, path: "mutant.go")
                #expect(result.file.pos.offset <= bytes.count)
                let all = GoParser.parse(source: bytes, path: "mutant.go", allErrors: true)
                #expect(all.diagnostics.count >= result.diagnostics.count)
            }
        }
    }

    @Test("parsing is safe from several threads at once")
    func concurrentParsing() async {
        let source = "package p\nfunc f() { go func() { x++ }() }\n"
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { kinds(GoParser.parse(source: source, path: "c.go").file).count }
            }
            var all: [Int] = []
            for await c in group { all.append(c) }
            return all
        }
        #expect(Set(counts).count == 1)
    }
}
