/// One arm of a ``select(_:)``: a receive, a send, or a cancellation token, with the code to run
/// when that arm is chosen. `Result` is what every arm of one `select` returns.
///
/// Build arms with ``receive(_:_:)``, ``send(_:_:_:)`` and ``cancelled(_:_:)``. An arm is ready when
/// its operation can complete now — including when its channel is disconnected, so a `select` over
/// closed channels returns at once instead of hanging.
public struct SelectCase<Result> {
    /// Performs the operation if it needs no waiting; returns the arm's result, or `nil` if not ready.
    let attempt: () -> Result?
    /// Queues the waiter (with the given operation id) unless ready now; `true` means "ready, not queued".
    let register: (Waiter, Int) -> Bool
    /// Removes the waiter from the arm's queues.
    let unregister: (Waiter) -> Void
    /// Called when a counterpart selected this arm and already completed the operation (a handoff).
    let completed: () -> Result?
    /// For timers: when the arm becomes ready by itself.
    let readyAt: () -> ContinuousClock.Instant?

    /// Receives from `receiver`. `body` gets the message, or `nil` if the channel is closed and drained.
    public static func receive<Element>(
        _ receiver: Receiver<Element>, _ body: @escaping (Element?) -> Result
    ) -> SelectCase {
        switch receiver.flavor {
        case .queue(let state):
            let packet = Packet<Element>()
            return SelectCase(
                attempt: {
                    switch state.tryReceive() {
                    case .value(let value): return body(value)
                    case .disconnected: return body(nil)
                    case .empty: return nil
                    }
                },
                register: { waiter, operation in
                    state.registerReceive(waiter, operation: operation, packet: packet)
                },
                unregister: { state.unregister($0) },
                completed: { packet.value.map(body) },
                readyAt: { nil })
        case .ring(let ring):
            return SelectCase(
                attempt: {
                    switch ring.tryReceive() {
                    case .value(let value): return body(value)
                    case .disconnected: return body(nil)
                    case .empty: return nil
                    }
                },
                register: { waiter, operation in ring.registerReceive(waiter, operation: operation) },
                unregister: { ring.receivers.unregister($0) },
                completed: { nil },
                readyAt: { nil })
        case .timer(let timer):
            return SelectCase(
                attempt: {
                    if case .value(let value) = timer.tryReceive() { return body(value) }
                    return nil
                },
                register: { _, _ in false },
                unregister: { _ in },
                completed: { nil },
                readyAt: { timer.readyAt })
        }
    }

    /// Sends `value` on `sender`. `body` gets `true` when the message was delivered, `false` when the
    /// channel is disconnected (the message was not sent).
    public static func send<Element>(
        _ sender: Sender<Element>, _ value: Element, _ body: @escaping (Bool) -> Result
    ) -> SelectCase {
        switch sender.flavor {
        case .queue(let state):
            let packet = Packet(value)
            return SelectCase(
                attempt: {
                    switch state.trySend(value) {
                    case .sent: return body(true)
                    case .disconnected: return body(false)
                    case .full: return nil
                    }
                },
                register: { waiter, operation in
                    state.registerSend(waiter, operation: operation, packet: packet)
                },
                unregister: { state.unregister($0) },
                completed: { body(true) },
                readyAt: { nil })
        case .ring(let ring):
            return SelectCase(
                attempt: {
                    switch ring.trySend(value) {
                    case .sent: return body(true)
                    case .disconnected: return body(false)
                    case .full: return nil
                    }
                },
                register: { waiter, operation in ring.registerSend(waiter, operation: operation) },
                unregister: { ring.senders.unregister($0) },
                completed: { nil },
                readyAt: { nil })
        case .timer:
            return SelectCase(
                attempt: { body(false) }, register: { _, _ in true }, unregister: { _ in },
                completed: { nil }, readyAt: { nil })
        }
    }

    /// Ready once `token` is cancelled (its source's `cancel()` ran or the source was released).
    public static func cancelled(_ token: CancellationToken, _ body: @escaping () -> Result) -> SelectCase {
        receive(token.receiver) { _ in body() }
    }
}
