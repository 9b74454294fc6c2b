/// The stable text form of a package model, for `conclint dump-model` and golden tests: what a
/// rule sees. One line per type, field, function, summary event and package fact; positions as
/// `line:column`; no addresses or hash-ordered output.
public enum ModelDump {
    /// The package's types, functions with their summaries, and its lock facts.
    public static func text(of package: PackageModel, facts: LockFacts) -> String {
        var out = "package \(String(package.name.map { $0 == "\u{0}" ? " " : $0 }))\n"
        for unit in package.units { out += "  file \(unit.path)\n" }
        for name in package.types.keys.sorted() {
            guard let type = package.types[name] else { continue }
            var traits = [type.kind.rawValue]
            if type.isUncheckedSendable { traits.append("@unchecked Sendable") } else if type.isSendable { traits.append("Sendable") }
            if type.isolation != .nonisolated { traits.append("isolation \(isolation(type.isolation))") }
            out += "  type \(name) (\(traits.joined(separator: ", ")))\n"
            for field in type.fields {
                var parts = ["field \(field.name)", field.type.name ?? "?", field.type.category.rawValue]
                if field.isEmbedded { parts.append("embedded") }
                if !field.isMutable { parts.append("immutable") }
                if field.isIsolated { parts.append("isolated") }
                if let guardedBy = field.guardedBy { parts.append("guarded by \(guardedBy)") }
                out += "    " + parts.joined(separator: " ") + "\n"
            }
        }
        for (index, summary) in package.summaries.enumerated() {
            var traits: [String] = [summary.kind == .closure ? "closure \(summary.closureRole.rawValue)" : "\(summary.kind)"]
            if summary.isExported { traits.append("exported") }
            if summary.isInitializer { traits.append("initializer") }
            if summary.isTestCode { traits.append("test code") }
            if summary.requiresHeldLock { traits.append("caller holds lock") }
            if summary.entry != .none { traits.append("entry \(summary.entry.rawValue)") }
            if summary.isolation != .nonisolated { traits.append("isolation \(isolation(summary.isolation))") }
            out += "  func \(summary.key) (\(traits.joined(separator: ", "))) \(summary.path):\(position(summary.range.start))\n"
            for event in summary.events { out += "    " + describe(event) + "\n" }
            if !summary.heldAtCreation.isEmpty { out += "    written holding \(held(summary.heldAtCreation))\n" }
            if !summary.heldOnExit.isEmpty { out += "    held on exit \(held(summary.heldOnExit))\n" }
            for repeated in summary.repeatedReleases {
                out += "    releases again \(repeated.lock)\(repeated.isRead ? " read" : "") \(repeated.second.kind.rawValue) @\(position(repeated.second.range.start))"
                    + " after \(repeated.first.kind.rawValue) @\(position(repeated.first.range.start))\n"
            }
            if !facts.acquisitions[index].isEmpty {
                let locks = facts.acquisitions[index].map {
                    "\($0.lock)\($0.chain.count > 1 ? " via \($0.chain.count - 1) call(s)" : "")\($0.isParameterGated ? " gated" : "")"
                }
                out += "    acquires " + locks.joined(separator: ", ") + "\n"
            }
            if let callers = facts.heldByCallers[index] { out += "    callers hold {\(callers.sorted().joined(separator: ", "))}\n" }
        }
        return out
    }

    static func describe(_ event: SummaryEvent) -> String {
        let at = "@" + position(event.range.start)
        let heldText = event.held.isEmpty ? "" : " held \(held(event.held))"
        switch event {
        case .acquire(let lock):
            let gated = lock.isParameterGated ? " gated" : ""
            return "acquire\(lock.isRead ? " read" : "")\(lock.isTry ? " try" : "")\(lock.isExecutor ? " executor" : "")\(gated) \(lock.lock)\(heldText) \(at)"
        case .release(let lock):
            return "release\(lock.isRead ? " read" : "") \(lock.lock)\(heldText) \(at)"
        case .access(let access):
            return "\(access.isWrite ? "write" : "read")\(access.isAtomic ? " atomic" : "") \(access.target)\(heldText) \(at)"
        case .call(let call):
            let receiver = call.isOnSelf ? " on self" : call.receiver.map { " on \($0)" } ?? ""
            let decided = call.decidedBy.isEmpty ? "" : " decided by " + call.decidedBy.map { tested in
                "@" + position(tested.range.start) + (tested.results.map { "#" + $0.map(String.init).joined(separator: ",") } ?? "")
            }.joined(separator: ", ")
            return "call\(call.isParameterGated ? " gated" : "") \(call.name)\(receiver)\(heldText)\(decided) \(at)"
        case .blocking(let blocking):
            return "block \(blocking.kind.rawValue)\(blocking.isRangeLoop ? " range" : "") \(blocking.target.map(\.description) ?? blocking.text)\(heldText) \(at)"
        case .spawn(let spawn):
            return "spawn \(spawn.bodyKey ?? spawn.callee ?? "?")\(heldText) \(at)"
        }
    }

    static func held(_ locks: [HeldLock]) -> String {
        "[" + locks.map { "\($0.lock)\($0.isRead ? " read" : "")\($0.isDefinite ? "" : " maybe")" }.joined(separator: ", ") + "]"
    }

    static func position(_ position: SourcePosition) -> String { "\(position.line):\(position.column)" }

    static func isolation(_ isolation: Isolation) -> String {
        switch isolation {
        case .nonisolated: "nonisolated"
        case .actor(let name): "actor \(name)"
        case .globalActor(let name): "@\(name)"
        }
    }
}
