import SwiftSyntax

extension SyntaxProtocol {
    /// The node's source text without its outermost leading and trailing trivia: the same string
    /// as swift-syntax's `trimmedDescription`, read from the tree's token bytes.
    ///
    /// `trimmedDescription` builds a trimmed copy of the node (a new tree) before printing it;
    /// names and callee texts are taken for nearly every expression the lowering meets, so that
    /// copy was the lowering's largest cost. Shape: UTF-8 text, invalid bytes replaced by U+FFFD.
    /// One difference: a node that ends in a token the parser supplied as missing ends at the
    /// last present token's text, without the trivia `trimmedDescription` keeps after it.
    var sourceText: String {
        let bytes = syntaxTextBytes
        let base = position.utf8Offset
        let start = positionAfterSkippingLeadingTrivia.utf8Offset - base
        let end = endPositionBeforeTrailingTrivia.utf8Offset - base
        guard start >= 0, start <= end, end <= bytes.count else { return trimmedDescription }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
