/// The implementation behind a ``Sender`` / ``Receiver``: a queued channel (rendezvous, bounded,
/// unbounded) or a timer. Dispatch is a switch, so the hot paths stay statically specialisable.
/// The blocking and non-blocking paths are `@inlinable` so that clients specialise them (see
/// ``RingChannel``); the async paths, closing and queries stay out of line.
@usableFromInline
enum ChannelFlavor<Element: Sendable>: Sendable {
    case queue(ChannelState<Element>)
    case ring(RingChannel<Element>)
    case timer(TimerState<Element>)

    @inlinable
    func send(_ value: Element, deadline: Deadline?) throws(ChannelError) {
        switch self {
        case .queue(let state):
            switch state.send(value, deadline: deadline) {
            case .sent: return
            case .timeout: throw .timeout
            case .disconnected: throw .disconnected
            }
        case .ring(let ring):
            switch ring.send(value, deadline: deadline) {
            case .sent: return
            case .timeout: throw .timeout
            case .disconnected: throw .disconnected
            }
        case .timer:
            throw .disconnected
        }
    }

    @inlinable
    func trySend(_ value: Element) -> SendAttempt {
        switch self {
        case .queue(let state): state.trySend(value)
        case .ring(let ring): ring.trySend(value)
        case .timer: .disconnected
        }
    }

    func sendAsync(_ value: Element) async throws(ChannelError) {
        switch self {
        case .queue(let state):
            switch await state.sendAsync(value) {
            case .sent: return
            case .timeout: throw .cancelled
            case .disconnected: throw .disconnected
            }
        case .ring(let ring):
            switch await ring.sendAsync(value) {
            case .sent: return
            case .timeout: throw .cancelled
            case .disconnected: throw .disconnected
            }
        case .timer:
            throw .disconnected
        }
    }

    @inlinable
    func receive(deadline: Deadline?) throws(ChannelError) -> Element {
        let outcome: ReceiveOutcome<Element>
        switch self {
        case .queue(let state): outcome = state.receive(deadline: deadline)
        case .ring(let ring): outcome = ring.receive(deadline: deadline)
        case .timer(let timer): outcome = timer.receive(deadline: deadline?.instant)
        }
        switch outcome {
        case .value(let value): return value
        case .timeout: throw .timeout
        case .disconnected: throw .disconnected
        }
    }

    @inlinable
    func tryReceive() -> ReceiveAttempt<Element> {
        switch self {
        case .queue(let state): state.tryReceive()
        case .ring(let ring): ring.tryReceive()
        case .timer(let timer): timer.tryReceive()
        }
    }

    func receiveAsync() async throws(ChannelError) -> Element {
        let outcome: ReceiveOutcome<Element>
        switch self {
        case .queue(let state): outcome = await state.receiveAsync()
        case .ring(let ring): outcome = await ring.receiveAsync()
        case .timer(let timer): outcome = await timer.receiveAsync()
        }
        switch outcome {
        case .value(let value): return value
        case .timeout: throw .cancelled
        case .disconnected: throw .disconnected
        }
    }

    func close() {
        switch self {
        case .queue(let state): state.close()
        case .ring(let ring): ring.close()
        case .timer: break
        }
    }

    func closeReceivingSide() {
        switch self {
        case .queue(let state): state.closeReceivingSide()
        case .ring(let ring): ring.closeReceivingSide()
        case .timer: break
        }
    }

    var isClosed: Bool {
        switch self {
        case .queue(let state): state.isClosed
        case .ring(let ring): ring.isDisconnected
        case .timer: false
        }
    }

    var count: Int {
        switch self {
        case .queue(let state): state.count
        case .ring(let ring): ring.count
        case .timer: 0
        }
    }

    var capacity: Int {
        switch self {
        case .queue(let state): state.capacity
        case .ring(let ring): ring.capacity
        case .timer: 1
        }
    }
}
