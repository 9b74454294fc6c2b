import ConcModel

/// How many goroutines send on a leaking channel: what its buffer must hold.
struct SenderCount {
    /// The number of sends, when constant.
    var constant: Int?
    /// Each sender goroutine's spawn and its (first) send.
    var events: [(spawn: FlowEvent, send: FlowEvent)]
    /// The collections the loops between the make and the spawns range over.
    var loopSources: [BindingID?] = []
}

extension BlockingSendLeak {
    /// The fix real projects used: a buffer with room for every sender, so the sender whose
    /// receiver gave up completes its send and ends. `safe` when the count of senders is a
    /// constant and each send is the last thing its goroutine does (then nothing after it could
    /// have relied on the receiver having taken the value); with a count known only at run time
    /// (`len(items)` of the collection the loop ranges over) it is `review`.
    func bufferFix(_ make: ChannelStep, senders: SenderCount, analysis: UnitAnalysis, context: RuleContext) -> Fix? {
        let unit = analysis.unit
        guard let element = make.elementType, !senders.events.isEmpty else { return nil }
        let capacity: String
        let provenSafe: Bool
        if let constant = senders.constant {
            capacity = String(max(1, constant))
            provenSafe = senders.events.allSatisfy { endsBody($0.spawn, with: $0.send, analysis: analysis) }
        } else if senders.events.count == 1, senders.loopSources.count == 1, let source = senders.loopSources[0],
                  [.local, .parameter, .global].contains(unit[source].kind),
                  let length = context.fixText("lengthOf", ["collection": unit[source].name]) {
            capacity = length
            provenSafe = false
        } else {
            return nil
        }
        guard let text = context.fixText("buffered", ["element": element, "capacity": capacity]) else { return nil }
        return Fix(
            message: "Give the channel a buffer of \(capacity) so every sender completes even when nobody receives",
            edits: [TextEdit(range: make.range, replacement: text)],
            applicability: .safe
        ).proven(provenSafe)
    }

    /// Whether `send` is the last event of the goroutine `spawn` starts, with no `defer` in it.
    private func endsBody(_ spawn: FlowEvent, with send: FlowEvent, analysis: UnitAnalysis) -> Bool {
        guard case .spawn(let started) = spawn.step, let body = started.body else { return false }
        let flow = analysis.flows[body.index]
        // Reads of the sent value may be recorded after the send itself.
        let after = flow.filter { $0.order > send.order }
        return after.allSatisfy { event in
            if case .access(let access) = event.step, !access.kind.isWrite { return send.range.contains(access.range.start) }
            return false
        } && !flow.contains { $0.context.inDefer }
    }
}
