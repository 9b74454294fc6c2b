import ConcModel

/// A channel with room for one value used as a lock: `mtx <- struct{}{}` takes it (the send
/// blocks while another holder's value fills the buffer) and `<-mtx` releases it.
extension SharedMutableCapture {
    /// Whether `event` comes after a send on a one-slot channel, with no receive on it between,
    /// and before a receive on it that releases it, in the same flow.
    func holdsChannelLock(_ event: FlowEvent, flow: [FlowEvent], analysis: UnitAnalysis) -> Bool {
        var held: Set<BindingID> = []
        for candidate in flow where candidate.order < event.order {
            guard case .channel(let channel) = candidate.step, let id = channel.channel else { continue }
            if channel.kind == .send, Self.alwaysRunsBefore(candidate, event) {
                held.insert(id)
            } else if channel.kind == .receive {
                held.remove(id)
            }
        }
        return held.contains { id in
            buffer(of: id, analysis: analysis) == .bounded(1)
                && flow.contains { $0.order > event.order && Self.isReceive($0, on: id) }
        }
    }
}
