import ConcModel

extension UnboundedChannel {
    /// A bound for an unbounded channel or stream, spelled by the rule's metadata per API.
    ///
    /// - `bounded.<api>`: the factory replaced by its bounded sibling (ConcRuntime's
    ///   `Channel.unbounded()` → `Channel.bounded(64)`, whose `send` waits for space, so nothing
    ///   is dropped).
    /// - `boundedArgument.<api>` / `boundedTrailing.<api>`: a buffering policy added as the last
    ///   argument, or as the argument list before a trailing closure (`AsyncStream`'s
    ///   `.bufferingNewest(64)`), which drops values when the consumer falls behind: never
    ///   offered for a stream of bytes (`UInt8`, `Data`, `ByteBuffer`) or one fed by a loop
    ///   reading input, whose data must all arrive and which needs back-pressure instead.
    ///
    /// Always `review`: a bound makes the producer wait or drop, and a producer on a callback,
    /// holding a lock, or sending everything before anyone receives cannot afford either.
    func boundedFix(_ channel: ChannelStep, analysis: UnitAnalysis, context: RuleContext) -> Fix? {
        let unit = analysis.unit
        let file = unit.file
        let text = file.text(channel.range)
        let values = ["capacity": "64"]
        if let method = channel.api.split(separator: ".").last.map(String.init),
           let bounded = context.fixText("bounded.\(channel.api)", values),
           let found = text.ranges(of: method + "()").last {
            return Fix(
                message: "Bound the channel to 64 values; a full channel makes its sender wait (back-pressure), it drops nothing",
                edits: [replacing(found, in: text, of: channel, with: bounded, file: file)],
                applicability: .review)
        }
        let element = (channel.elementType ?? "").filter { !$0.isWhitespace }
        guard !["UInt8", "[UInt8]", "Data", "ByteBuffer"].contains(element),
              !fedByInput(channel, analysis: analysis)
        else { return nil }
        let message = "Keep only the newest 64 values; older ones are dropped when the consumer falls behind, so use this only for values a newer one replaces"
        if let argument = context.fixText("boundedArgument.\(channel.api)", values), text.hasSuffix(")"), !text.hasSuffix("()"), !text.contains("bufferingPolicy") {
            let end = file.position(ofOffset: channel.range.end.offset - 1)
            return Fix(message: message, edits: [TextEdit(range: SourceRange(start: end, end: end), replacement: argument)], applicability: .review)
        }
        // `AsyncStream<Int> { … }`: no argument list yet, the closure follows the type.
        if let arguments = context.fixText("boundedTrailing.\(channel.api)", values),
           let brace = text.firstIndex(of: "{"), !text[..<brace].contains("(") {
            let head = text[..<brace]
            let trimmed = head.utf8.count - head.reversed().prefix { $0 == " " }.count
            let at = file.position(ofOffset: channel.range.start.offset + trimmed)
            return Fix(message: message, edits: [TextEdit(range: SourceRange(start: at, end: at), replacement: arguments)], applicability: .review)
        }
        return nil
    }

    /// Whether the stream is fed from a loop that reads input (`while let line = readLine()`,
    /// a socket's reads): its values are data that must all arrive, so dropping is no fix.
    private func fedByInput(_ channel: ChannelStep, analysis: UnitAnalysis) -> Bool {
        let ends = Set([channel.channel, channel.continuation].compactMap { $0 })
        return analysis.flows.joined().contains { event in
            guard case .channel(let step) = event.step, step.kind == .send, let target = step.channel, ends.contains(target)
            else { return false }
            return event.context.loops.contains { $0.domain == .input }
        }
    }

    /// The edit replacing `found` (a range of `text`, the text of `channel`) by `replacement`.
    private func replacing(
        _ found: Range<String.Index>, in text: String, of channel: ChannelStep, with replacement: String, file: SourceFile
    ) -> TextEdit {
        let start = channel.range.start.offset + text[..<found.lowerBound].utf8.count
        return TextEdit(
            range: SourceRange(start: file.position(ofOffset: start), end: file.position(ofOffset: start + text[found].utf8.count)),
            replacement: replacement)
    }
}
