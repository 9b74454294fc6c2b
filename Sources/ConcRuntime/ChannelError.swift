/// Why a channel operation did not move a message.
public enum ChannelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The channel is closed: for a send, it was closed or every receiver is gone; for a receive, it
    /// was closed (explicitly or by releasing the last sender) and every buffered message is taken.
    case disconnected
    /// A timeout or deadline passed first.
    case timeout
    /// `trySend` found no room and no waiting receiver.
    case full
    /// `tryReceive` found no message and no waiting sender.
    case empty
    /// The task awaiting an async send or receive was cancelled.
    case cancelled

    /// A short lower-case phrase naming the error.
    public var description: String {
        switch self {
        case .disconnected: "channel disconnected"
        case .timeout: "channel operation timed out"
        case .full: "channel full"
        case .empty: "channel empty"
        case .cancelled: "channel operation cancelled"
        }
    }
}
