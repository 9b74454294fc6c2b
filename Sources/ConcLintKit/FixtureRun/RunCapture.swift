/// What one run of a program left behind: its combined standard output and standard error, and
/// how it ended.
public struct RunCapture: Equatable, Sendable {
    /// How a run ended.
    public enum Ending: Equatable, Sendable {
        /// The program exited with this status.
        case exited(Int32)
        /// The program was ended by this signal (not by the runner).
        case signaled(Int32)
        /// The program was still running at the timeout and the runner killed it.
        case timedOut
    }

    /// Standard output and standard error interleaved as the program wrote them, decoded as
    /// UTF-8 with invalid bytes replaced; at most ``ProcessRunner/maxCapturedBytes`` bytes, the
    /// start of the output.
    public var output: String
    /// How the run ended.
    public var ending: Ending

    /// - Parameters:
    ///   - output: the combined output.
    ///   - ending: how the run ended.
    public init(output: String, ending: Ending) {
        self.output = output
        self.ending = ending
    }
}
