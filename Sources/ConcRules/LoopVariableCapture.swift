import ConcModel

/// `loop-variable-capture`: before Go 1.22 a loop has one variable for all its iterations; a
/// goroutine started as the loop body's last statement that reads it sees whatever value the
/// loop has moved on to.
///
/// Follows `go vet`'s loopclosure: only a `go` statement (or `errgroup.Go` / `wg.Go`) that is the
/// last statement of the loop body is checked, since only there is the closure certain to run
/// after the iteration ends.
struct LoopVariableCapture: Rule {
    static let id = "loop-variable-capture"

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        for event in analysis.spawns {
            guard case .spawn(let spawn) = event.step, spawn.endsLoopBody, let body = spawn.body,
                  unit[body].kind == .closure
            else { continue }
            let shared = Set(event.context.loops.last?.variables.filter { !unit[$0].isPerIteration } ?? [])
            guard !shared.isEmpty else { continue }
            var reported = Set<BindingID>()
            for access in analysis.flows[body.index] {
                guard case .access(let read) = access.step, shared.contains(read.binding), !reported.contains(read.binding)
                else { continue }
                reported.insert(read.binding)
                let binding = unit[read.binding]
                findings.append(context.finding(
                    "\(spawn.kind.noun) reads loop variable `\(binding.name)`, which the loop goes on changing (one variable for all iterations before Go 1.22)",
                    at: read.range,
                    related: [
                        RelatedLocation(range: binding.range, message: "`\(binding.name)` declared here"),
                        RelatedLocation(range: spawn.range, message: "\(spawn.kind.noun) started here"),
                    ]).adding(shadowFix(binding, loop: event.context.loops.last, analysis: analysis, context: context)))
            }
        }
    }
}
