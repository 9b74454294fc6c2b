/// A visitor over the AST, in the style of `go/ast.Visitor` and swift-syntax's `SyntaxVisitor`.
///
/// ``walk(_:_:)`` calls ``visit(_:)`` on a node before its children (return `false` to skip the
/// children) and ``visitPost(_:)`` after them. Keep state in the visitor's own stored properties.
public protocol ASTVisitor {
    /// Called before the children of `node`; returns whether to visit them.
    mutating func visit(_ node: Node) -> Bool
    /// Called after the children of `node` (also when they were skipped).
    mutating func visitPost(_ node: Node)
}

extension ASTVisitor {
    /// Does nothing.
    public mutating func visitPost(_ node: Node) {}
}

/// Walks the tree rooted at `node` depth-first, in source order (the order of `go/ast.Walk`).
public func walk<V: ASTVisitor>(_ node: Node, _ visitor: inout V) {
    if visitor.visit(node) {
        node.forEachChild { child in walk(child, &visitor) }
    }
    visitor.visitPost(node)
}

extension Node {
    /// Calls `body` on this node and every descendant, depth-first in source order, as
    /// `go/ast.Inspect`; when `body` returns `false` the node's children are skipped.
    public func inspect(_ body: (Node) -> Bool) {
        if body(self) {
            forEachChild { $0.inspect(body) }
        }
    }
}
