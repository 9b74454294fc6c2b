/// How many values a channel or stream holds before a send blocks (or a stream drops).
public enum ChannelBuffer: Hashable, Sendable {
    /// Go `make(chan T)`: a send waits for a receiver.
    case unbuffered
    /// Holds at most this many values.
    case bounded(Int)
    /// A buffer whose size is computed at run time.
    case boundedDynamic
    /// Grows without limit (`AsyncStream` default policy, `Channel.unbounded()`).
    case unbounded
    case unknown
}

/// A channel or stream operation.
public struct ChannelStep: Sendable {
    public enum Kind: Hashable, Sendable {
        /// Creation, with the buffer it gets.
        case make(ChannelBuffer)
        case send
        case receive
        /// `close(ch)`, `continuation.finish()`.
        case close
    }

    public var kind: Kind
    /// The channel (for `make`, the binding it is stored in, when any).
    public var channel: BindingID?
    /// For an `AsyncStream.makeStream()` / initializer: the continuation's binding, when bound.
    public var continuation: BindingID?
    /// The channel expression as written.
    public var channelPath: String
    /// The channel as a structured path (`p.updates`), when its root is a binding.
    public var channelPlace: Place?
    /// The API as written (`make`, `AsyncStream`, `<-`, `yield`).
    public var api: String
    /// For `make`: the element type as written (`Int`, `Void`, `struct{}`), when known.
    public var elementType: String?
    public var range: SourceRange

    public init(
        kind: Kind, channel: BindingID?, continuation: BindingID? = nil, channelPath: String,
        api: String, range: SourceRange
    ) {
        self.kind = kind
        self.channel = channel
        self.continuation = continuation
        self.channelPath = channelPath
        self.api = api
        self.range = range
    }

    /// Whether the stream carries jobs (its element is a function type, `() async -> Void`): a
    /// job queue whose every element must run, where dropping is no answer to a lag.
    public var carriesJobs: Bool {
        guard let elementType else { return false }
        return elementType.contains("->")
    }

    /// Whether the channel carries no data (`Void`, `()`, `struct{}`): a signal, not a queue.
    public var carriesNoData: Bool {
        guard let elementType else { return false }
        return ["Void", "()", "struct{}", "Void.self", "().self"].contains(elementType.filter { !$0.isWhitespace })
    }
}

/// A `select` statement: waits on several channel operations at once.
public struct Select: Sendable {
    public struct Case: Sendable {
        public enum Kind: Hashable, Sendable {
            case send
            case receive
            /// `default:` — the select never blocks.
            case `default`
            /// A receive from `time.After`, a timer, or a deadline.
            case timeout
            /// A receive from `ctx.Done()` or a quit / done channel.
            case cancellation
        }

        public var kind: Kind
        public var channel: BindingID?
        public var channelPath: String
        /// The channel as a structured path (`s.shutdownCh`), when its root is a binding.
        public var channelPlace: Place?
        public var body: [Step]
        public var range: SourceRange

        public init(
            kind: Kind, channel: BindingID?, channelPath: String, body: [Step], range: SourceRange
        ) {
            self.kind = kind
            self.channel = channel
            self.channelPath = channelPath
            self.body = body
            self.range = range
        }
    }

    public var cases: [Case]
    public var range: SourceRange

    public init(cases: [Case], range: SourceRange) {
        self.cases = cases
        self.range = range
    }
}
