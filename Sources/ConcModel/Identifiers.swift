/// Identifies a ``Function`` within its ``Unit``: an index into ``Unit/functions``.
public struct FunctionID: Hashable, Comparable, Sendable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: FunctionID, rhs: FunctionID) -> Bool { lhs.index < rhs.index }
}

/// Identifies a ``Binding`` within its ``Unit``: an index into ``Unit/bindings``.
public struct BindingID: Hashable, Comparable, Sendable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: BindingID, rhs: BindingID) -> Bool { lhs.index < rhs.index }
}
