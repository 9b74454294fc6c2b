/// The owner's side of a cancellation signal, after crossbeam's drop-to-cancel idiom and Go's
/// `context.WithCancel`.
///
/// Hand ``token`` to every worker. ``cancel()`` — or releasing the last reference to the source —
/// is seen by every holder of the token at once: blocked ``CancellationToken/wait()`` calls return,
/// and ``SelectCase/cancelled(_:_:)`` arms become ready.
///
/// ```swift
/// let source = CancellationSource()
/// let token = source.token
/// scope.spawn {
///     let ticks = tick(every: .milliseconds(10))
///     while select(.cancelled(token) { false }, .receive(ticks) { _ in true }) { work() }
/// }
/// source.cancel()
/// ```
///
/// Memory: constant (a closed rendezvous channel underneath).
public final class CancellationSource: Sendable {
    private let sender: Sender<Never>
    /// The token to hand out; copies all observe this source.
    public let token: CancellationToken

    /// A source that is not yet cancelled.
    public init() {
        let (sender, receiver) = Channel<Never>.rendezvous()
        self.sender = sender
        self.token = CancellationToken(receiver: receiver)
    }

    /// Cancels: every token holder sees it. Idempotent; never blocks.
    public func cancel() {
        sender.close()
    }

    /// Whether ``cancel()`` has run.
    public var isCancelled: Bool { sender.isClosed }
}

/// The observer's side of a ``CancellationSource``: a value type, cheap to copy and `Sendable`.
public struct CancellationToken: Sendable {
    let receiver: Receiver<Never>

    /// Whether the source was cancelled or released. Never blocks.
    public var isCancelled: Bool {
        if case .disconnected = receiver.flavor.tryReceive() { return true }
        return false
    }

    /// Throws `CancellationError` if cancelled — for polling at safe points in long loops.
    public func throwIfCancelled() throws(CancellationError) {
        if isCancelled { throw CancellationError() }
    }

    /// Blocks the thread until cancelled.
    public func wait() {
        _ = try? receiver.receive()
    }

    /// Blocks at most `timeout`; returns whether the token was cancelled.
    public func wait(timeout: Duration) -> Bool {
        do {
            // A `Receiver<Never>` never yields a value: it only throws, `.disconnected` once cancelled.
            _ = try receiver.receive(timeout: timeout)
        } catch {
            return error == .disconnected
        }
    }

    /// Suspends the task until cancelled (or until the task itself is cancelled).
    public func wait() async {
        _ = try? await receiver.receive()
    }
}
