/// A mistake in a `.conclint.yml` file, or a configuration file that cannot be found or read.
/// The command line prints ``description`` and exits with status 2.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The configuration file.
    public var path: String
    /// 1-based line of the offending key or value; `nil` when the whole file is meant.
    public var line: Int?
    /// 1-based column (characters); `nil` when the whole file is meant.
    public var column: Int?
    /// What is wrong, lower-case start, no full stop.
    public var message: String
    /// How to fix it: the accepted keys or values, or the closest spelling.
    public var hint: String?

    /// An error at `line`:`column` of `path`.
    public init(path: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `path:line:column: error: message`, then `  hint: …` on a second line when there is a hint.
    public var description: String {
        var location = path
        if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(location): error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
