import ConcModel

extension UnboundedChannel {
    /// A bounded channel in place of an unbounded one whose API has a bounded sibling (the
    /// rule's metadata names it: ConcRuntime's `Channel.bounded(n)`, whose `send` waits for
    /// space, so nothing is dropped). Always `review`: a full channel now makes the producer
    /// wait, which a producer on a callback or holding a lock may not be able to afford.
    func boundedFix(_ channel: ChannelStep, unit: Unit, context: RuleContext) -> Fix? {
        let file = unit.file
        guard let method = channel.api.split(separator: ".").last.map(String.init),
              let bounded = context.fixText("bounded.\(channel.api)", ["capacity": "64"])
        else { return nil }
        let text = file.text(channel.range)
        guard let found = text.ranges(of: method + "()").last else { return nil }
        let startOffset = channel.range.start.offset + text[..<found.lowerBound].utf8.count
        let range = SourceRange(
            start: file.position(ofOffset: startOffset),
            end: file.position(ofOffset: startOffset + text[found].utf8.count))
        return Fix(
            message: "Bound the channel to 64 values; a full channel makes its sender wait (back-pressure), it drops nothing",
            edits: [TextEdit(range: range, replacement: bounded)],
            applicability: .review)
    }
}
