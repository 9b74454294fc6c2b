/// ANSI SGR escape sequences for the text report; a no-op when disabled.
struct TerminalStyle: Sendable {
    /// The colours and weights the text report uses.
    enum Color: String, Sendable {
        case bold = "1"
        case red = "1;31"
        case yellow = "1;33"
        case cyan = "1;36"
        case green = "1;32"
    }

    /// Whether to emit escape sequences at all.
    var enabled: Bool

    /// `text` wrapped in the escape sequence for `color` and a reset, or `text` unchanged.
    func paint(_ text: String, _ color: Color) -> String {
        enabled ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
