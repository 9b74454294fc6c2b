import ConcModel
import GoFrontend
import Testing

/// Whether a Go receiver is a wait group is decided by its declared type, never by its name: a
/// field named `wg` of a struct the file does not declare is unknown, not guessed a group (a
/// project's own group is declared under `.conclint.yml` `apis:`).
@Suite("Go wait groups by type")
struct GoGroupFactsTests {
    /// The group counts and waits of every function of `text`, as `kind path`.
    private func steps(_ text: String, apis: APIExtensions = .none) -> [String] {
        let unit = GoFrontend.lower(SourceFile(path: "m.go", text: text), languageVersion: nil, extensions: apis, forceLowering: true).unit
        var result: [String] = []
        for function in unit.functions {
            SummaryBuilder.forEachStep(function.body) { step in
                switch step {
                case .wait(let wait): result.append("wait \(wait.kind.rawValue) \(wait.targetPath)")
                case .sync(let sync): result.append("sync \(sync.kind) \(sync.targetPath)")
                default: break
                }
            }
        }
        return result
    }

    private let program = """
        package main

        import "sync"

        type pool struct {
        \tpending sync.WaitGroup
        }

        func (p *pool) run(remote *Remote, wg *sync.WaitGroup) {
        \tp.pending.Add(2)
        \twg.Done()
        \tremote.wg.Add(1)
        \tremote.group.Wait()
        \tremote.wg.Done()
        }

        """

    @Test("a field or parameter typed sync.WaitGroup is a group under any name; a name alone decides nothing")
    func typesDecide() {
        #expect(steps(program) == ["sync groupAdd(Optional(2)) p.pending", "sync groupDone wg"])
    }

    @Test("a project's own group type is declared by role, not guessed from a field's name")
    func declaredGroupRoles() {
        let apis = APIExtensions([.groupAdd: ["remote.wg.Add"], .groupDone: ["remote.wg.Done"], .groupWait: ["remote.group.Wait"]])
        #expect(steps(program, apis: apis) == [
            "sync groupAdd(Optional(2)) p.pending", "sync groupDone wg", "sync groupAdd(Optional(1)) remote.wg",
            "wait group remote.group", "sync groupDone remote.wg",
        ])
    }
}
