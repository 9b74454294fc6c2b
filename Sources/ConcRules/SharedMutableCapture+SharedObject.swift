import ConcModel

extension SharedMutableCapture {
    /// Whether the body, after its write (later, or in a `defer`), calls a method of an object
    /// that the creator then uses before its access — calls a method of it, of an object made together with it (`client,
    /// server := pipe()`) or derived from it, or hands it to a call (`http.Post(url, ct, r)` with
    /// `r, w := io.Pipe()`).
    ///
    /// Both sides talk through that object (a pool the body checks a connection into and the
    /// creator checks one out of, a pipe or connection pair, a transport's reply), and what the
    /// object does is unknown: it may well hand the data over, as a pool, a pipe or a request and
    /// its reply do. Unknown code is harmless, so the two accesses are not shown to race. The
    /// creator's own parameters (a test's `t`) and the written variable itself do not count.
    func talksThrough(
        _ access: FlowEvent, after spawn: FlowEvent, in creatorFlow: [FlowEvent], from write: FlowEvent, in bodyFlow: [FlowEvent],
        creator: FunctionID, written: BindingID, analysis: UnitAnalysis
    ) -> Bool {
        guard case .spawn(let spawned) = spawn.step else { return false }
        var bodyObjects = Set<BindingID>()
        // What the body does after its write: later in its flow or in its `defer`s (not in a
        // later round of a loop around it: `for { err = s.Write(…) }` against the creator's
        // `err = s.Read(…)` is two unordered uses of one stream). Also under a branch: the reply
        // the creator waits for may be the conditional one (`if r.WantReply { r.Reply(…) }`).
        for event in bodyFlow where event.order > write.order || event.context.inDefer {
            if case .call(let call) = event.step, let receiver = call.receiver { bodyObjects.insert(receiver) }
        }
        // The body's parameters are the creator's arguments (`go func(w io.Writer) { … }(w)`).
        if let body = spawned.body {
            for (index, parameter) in analysis.unit[body].parameters.enumerated() where bodyObjects.contains(parameter) {
                if index < spawned.argumentPlaces.count, let place = spawned.argumentPlaces[index] { bodyObjects.insert(place.root) }
            }
        }
        bodyObjects.remove(written)
        guard !bodyObjects.isEmpty else { return false }
        var creatorObjects = Set<BindingID>()
        for event in creatorFlow where event.order > spawn.order && event.order < access.order && event.function == access.function
            && event.context.branchDepth <= access.context.branchDepth {
            // A call the access itself stores the result of (`err = s.Read(buf)`) does not come
            // before it.
            guard case .call(let call) = event.step, !call.range.contains(access.range.start) else { continue }
            if let receiver = call.receiver { creatorObjects.insert(receiver) }
            for place in call.argumentPlaces { if let place { creatorObjects.insert(place.root) } }
        }
        guard !creatorObjects.isEmpty else { return false }
        var excluded = Set(analysis.unit[creator].parameters)
        excluded.insert(written)
        return analysis.areCoordinated(bodyObjects, creatorObjects, excluding: excluded)
    }
}
