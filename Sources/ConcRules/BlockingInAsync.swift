import ConcModel

/// `blocking-in-async`: a call that blocks its thread (a semaphore or group wait, a thread sleep,
/// a join, a blocking channel operation) inside an `async` body, where it parks a thread of the
/// cooperative pool.
struct BlockingInAsync: Rule {
    static let id = "blocking-in-async"

    /// Sleeps that block the calling thread (`Task.sleep` and clocks suspend instead).
    private static let blockingSleeps: Set<String> = ["Thread.sleep", "usleep", "sleep", "nanosleep"]

    func check(_ analysis: UnitAnalysis, context: RuleContext, into findings: inout [Finding]) {
        let unit = analysis.unit
        for function in unit.functions where function.isAsync && function.kind != .topLevel {
            guard analysis.flowOwner[function.id.index] == function.id else { continue }
            let flow = analysis.flows[function.id.index]
            // An awaited call suspends rather than blocks, whatever it is named.
            let awaited = flow.compactMap { event -> SourceRange? in
                if case .wait(let wait) = event.step, wait.kind == .suspension { return wait.range }
                return nil
            }
            for event in flow {
                guard let description = blockingCall(event.step, unit: unit) else { continue }
                if awaited.contains(where: { $0.contains(event.range.start) }) { continue }
                let where_ = function.kind == .closure ? "an async closure" : "async function `\(function.name)`"
                findings.append(context.finding(
                    "\(description) blocks a thread of the cooperative pool inside \(where_); other tasks may never run to release it",
                    at: event.range))
            }
        }
    }

    /// What the step blocks on, for the message, when it blocks its thread.
    private func blockingCall(_ step: Step, unit: Unit) -> String? {
        switch step {
        case .wait(let wait):
            switch wait.kind {
            case .semaphore: return "`\(wait.targetPath).wait()` on a semaphore"
            case .group:
                guard isDispatchGroup(wait.target, unit: unit) else { return nil }
                return "`\(wait.targetPath).wait()` on a dispatch group"
            case .join: return "`\(wait.targetPath).join()`"
            default: return nil
            }
        case .sleep(let sleep):
            return !sleep.suspends && Self.blockingSleeps.contains(sleep.api) ? "`\(sleep.api)`" : nil
        case .channel(let channel):
            guard channel.api == "receive" || channel.api == "send" else { return nil }
            return "a blocking `\(channel.channelPath).\(channel.api)()`"
        default:
            return nil
        }
    }

    /// A task group's `waitForAll()` / `next()` is awaited; only a dispatch group's `wait()` blocks.
    private func isDispatchGroup(_ target: BindingID?, unit: Unit) -> Bool {
        guard let target else { return false }
        return unit[target].type.category == .group && unit[target].type.name == "DispatchGroup"
    }
}
