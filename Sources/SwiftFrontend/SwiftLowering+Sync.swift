import ConcModel
import SwiftSyntax

extension SwiftLowering {
    /// Recognises locks, waits, sleeps, group counting, exits and critical sections.
    /// Returns `true` when the call was lowered here.
    func recognizeSync(
        _ callee: Callee, receiver: BindingID?, path: String, facts: TypeFacts, call: FunctionCallExprSyntax,
        closures: [ClosureExprSyntax]
    ) -> Bool {
        let site = range(call)
        let name = callee.name
        let text = callee.text
        // Free functions.
        if callee.base == nil, !callee.isImplicitMember {
            if SwiftAPITable.sleepFunctions.contains(name) {
                mentionsConcurrency = true
                // Inside `extension Task`, `sleep(nanoseconds:)` is `Task.sleep`: awaited, or with
                // a labeled argument, it suspends. The C `sleep` takes one unlabeled count.
                let suspends = Self.isAwaited(call) || call.arguments.contains { $0.label != nil }
                emit(.sleep(Sleep(api: suspends ? "Task.sleep" : name, range: site, suspends: suspends)))
                return true
            }
            if SwiftAPITable.processExitFunctions.contains(name) {
                emit(.exit(Exit(kind: .processExit, range: site)))
                return true
            }
            if name == "fulfillment" || name.hasPrefix("wait") {
                mentionsConcurrency = true
                emit(.wait(Wait(kind: .signal, target: nil, targetPath: name, range: site)))
                return true
            }
            if SwiftAPITable.foreverWaitCallees.contains(name) {
                emit(.wait(Wait(kind: .forever, target: nil, targetPath: name, range: site)))
                return true
            }
            if name.hasSuffix("_lock") || name == "pthread_mutex_lock" || name == "pthread_rwlock_wrlock" || name == "pthread_rwlock_rdlock" {
                let target = lockArgument(call)
                emit(.sync(Sync(kind: .lock, target: target.0, targetPath: target.1, range: site)))
                return true
            }
            if name.hasSuffix("_unlock") {
                let target = lockArgument(call)
                emit(.sync(Sync(kind: .unlock, target: target.0, targetPath: target.1, range: site)))
                return true
            }
            return false
        }
        if SwiftAPITable.foreverWaitCallees.contains(text) {
            emit(.wait(Wait(kind: .forever, target: nil, targetPath: text, range: site)))
            return true
        }
        // A test clock's sleep waits for the test to advance it; only the system clocks sleep.
        if name == "sleep", callee.baseText == "Thread" || callee.baseText == "Task"
            || SwiftAPITable.systemClocks.contains(callee.baseText) || SwiftAPITable.systemClocks.contains(facts.name ?? "") {
            mentionsConcurrency = true
            emit(.sleep(Sleep(api: text, range: site, suspends: callee.baseText != "Thread")))
            return true
        }
        if name == "exit", callee.baseText == "Foundation" || callee.baseText == "Darwin" || callee.baseText == "Glibc" {
            emit(.exit(Exit(kind: .processExit, range: site)))
            return true
        }
        if name.hasPrefix("wait") && name != "wait" || name == "lock" && call.arguments.first?.label?.text == "whenValue" {
            emit(.wait(Wait(kind: .signal, target: receiver, targetPath: path, range: site)))
            return true
        }
        // A lock wrapper's own `withLock…` variant (`withLockSettingWorkAvailable { }` on a
        // condition-lock wrapper) runs its closure holding the lock, like `withLock`. On a lock
        // type itself only the names below lock; `withLockPrimitive` hands out the primitive
        // without locking it.
        if name.hasPrefix("withLock"), !name.hasSuffix("Primitive"), !closures.isEmpty, receiver != nil,
           facts.category != .lock, facts.category != .readWriteLock {
            lowerCritical(kind: Critical.Kind.lock, path: path, closures: closures, site: site)
            return true
        }
        switch name {
        case "lock" where call.arguments.isEmpty && closures.isEmpty:
            mentionsConcurrency = true
            emit(.sync(Sync(kind: .lock, target: receiver, targetPath: path, range: site)))
            return true
        case "unlock" where call.arguments.isEmpty:
            emit(.sync(Sync(kind: .unlock, target: receiver, targetPath: path, range: site)))
            return true
        case "try", "tryLock", "lockIfAvailable":
            mentionsConcurrency = true
            emit(.sync(Sync(kind: .tryLock, target: receiver, targetPath: path, range: site)))
            return true
        case "withLock" where !closures.isEmpty, "withLockUnchecked" where !closures.isEmpty, "withLockVoid" where !closures.isEmpty,
            "withLockedValue" where !closures.isEmpty, "withCriticalRegion" where !closures.isEmpty:
            lowerCritical(kind: Critical.Kind.lock, path: path, closures: closures, site: site)
            return true
        case "sync" where !closures.isEmpty:
            if facts.category == .concurrentQueue && !Self.hasBarrierFlag(call) {
                return false
            }
            lowerCritical(kind: Critical.Kind.serialExecutor, path: path, closures: closures, site: site)
            return true
        // Group and semaphore calls count only on a receiver whose type says it is one
        // (`DispatchGroup`, a task group's closure parameter): a name says nothing, and on real
        // code `group` is as often a NIO `EventLoopGroup`, whose `next()` is no wait.
        case "enter" where facts.category == .group:
            mentionsConcurrency = true
            emit(.sync(Sync(kind: .groupAdd(1), target: receiver, targetPath: path, range: site)))
            return true
        case "leave" where facts.category == .group:
            emit(.sync(Sync(kind: .groupDone, target: receiver, targetPath: path, range: site)))
            return true
        case "signal":
            emit(.sync(Sync(kind: .signal, target: receiver, targetPath: path, range: site)))
            return true
        case "wait":
            mentionsConcurrency = true
            let kind: Wait.Kind
            switch facts.category {
            case .group: kind = .group
            case .semaphore: kind = .semaphore
            default: kind = .signal  // A future's, condition's or unknown `wait()`.
            }
            emit(.wait(Wait(kind: kind, target: receiver, targetPath: path, range: site)))
            return true
        case "acquire":
            emit(.wait(Wait(kind: .semaphore, target: receiver, targetPath: path, range: site)))
            return true
        case "release" where facts.category == .semaphore:
            emit(.sync(Sync(kind: .signal, target: receiver, targetPath: path, range: site)))
            return true
        case "join":
            emit(.wait(Wait(kind: .join, target: receiver, targetPath: path, range: site)))
            return true
        case "cancel" where call.arguments.isEmpty:
            emit(.wait(Wait(kind: .cancel, target: receiver, targetPath: callee.baseText, range: site)))
            return true
        case "waitForAll", "next":
            guard facts.category == .group || name == "waitForAll" else { return false }
            emit(.wait(Wait(kind: .group, target: receiver, targetPath: path, range: site)))
            return true
        case "yield" where callee.baseText != "Task":
            emit(.channel(ChannelStep(kind: .send, channel: receiver, channelPath: path, api: "yield", range: site)))
            return true
        case "finish" where facts.category == .continuation || path.lowercased().contains("continuation"):
            emit(.channel(ChannelStep(kind: .close, channel: receiver, channelPath: path, api: "finish", range: site)))
            return true
        case "send" where facts.category == .channel:
            emit(.channel(ChannelStep(kind: .send, channel: receiver, channelPath: path, api: "send", range: site)))
            return true
        case "receive" where facts.category == .channel:
            emit(.channel(ChannelStep(kind: .receive, channel: receiver, channelPath: path, api: "receive", range: site)))
            return true
        default:
            return false
        }
    }

    /// The binding a C lock function's `&lock` argument names.
    func lockArgument(_ call: FunctionCallExprSyntax) -> (BindingID?, String) {
        guard let first = call.arguments.first?.expression else { return (nil, "") }
        let inner = first.as(InOutExprSyntax.self)?.expression ?? first
        let text = Self.shortText(inner)
        if let member = inner.as(MemberAccessExprSyntax.self), let (id, path) = resolveMemberPath(member) { return (id, path) }
        if let name = SwiftAPITable.rootName(of: inner), let id = resolve(name) { return (id, text) }
        return (nil, text)
    }

    func lowerCritical(kind: Critical.Kind, path: String, closures: [ClosureExprSyntax], site: SourceRange) {
        let body = collect {
            for closure in closures {
                let id = lowerClosure(closure, isolation: currentIsolation, isAsync: false)
                emit(.closure(ClosureUse(function: id, invocation: .inPlace)))
            }
        }
        emit(.critical(Critical(kind: kind, guardPath: path, body: body, range: site)))
    }

    // MARK: Channels

    /// Recognises `AsyncStream` / `AsyncThrowingStream` creation and ConcRuntime channel factories.
    func recognizeChannel(
        _ call: FunctionCallExprSyntax, callee: Callee, closures: [ClosureExprSyntax], handle: Spawn.Handle?
    ) -> Bool {
        let streamNames = SwiftAPITable.streamTypes
        let isStreamInitializer = callee.base == nil && streamNames.contains(callee.name)
        // Most calls are none of these; the base's type name is worked out only for the rest.
        guard isStreamInitializer || SwiftAPITable.channelFactories.contains(callee.name) else {
            return false
        }
        let baseName = SwiftAPITable.baseTypeName(callee.baseText)
        let site = range(call)
        var channel: BindingID?
        if case .bound(let id) = handle { channel = id }
        // `AsyncStream { continuation in … }` and `AsyncStream(Int.self, bufferingPolicy:) { … }`.
        if isStreamInitializer {
            mentionsConcurrency = true
            lowerArguments(call)
            let buffer = bufferingPolicy(call)
            var continuation: BindingID?
            var isUnfolding = false
            for closure in closures {
                // `AsyncStream { continuation in … }` builds once, in place; `AsyncStream { … }`
                // with no parameter is the unfolding form, called once per element.
                let usesParameter = closure.signature?.parameterClause != nil
                    || closure.statements.tokens(viewMode: .sourceAccurate).contains { $0.tokenKind == .dollarIdentifier("$0") }
                isUnfolding = isUnfolding || !usesParameter
                pendingFirstParameterType = TypeFacts(.continuation, name: "Continuation")
                let id = lowerClosure(closure, isolation: currentIsolation, isAsync: false)
                continuation = functions[id.index].parameters.first
                emit(.closure(ClosureUse(function: id, invocation: usesParameter ? .inPlace : .escaping)))
            }
            var step = ChannelStep(kind: .make(isUnfolding ? .unknown : buffer), channel: channel, continuation: continuation, channelPath: callee.name, api: callee.name, range: site)
            step.elementType = elementType(call)
            emit(.channel(step))
            return true
        }
        if streamNames.contains(baseName), callee.name == "makeStream" {
            mentionsConcurrency = true
            lowerArguments(call)
            var continuation: BindingID?
            if let pair = pendingTuple, pair.count == 2 {
                channel = pair[0]
                continuation = pair[1]
                bindings[pair[0].index].type = TypeFacts(.channel, name: baseName)
                bindings[pair[1].index].type = TypeFacts(.continuation, name: "Continuation")
            }
            var step = ChannelStep(kind: .make(bufferingPolicy(call)), channel: channel, continuation: continuation, channelPath: baseName, api: "\(baseName).makeStream", range: site)
            step.elementType = elementType(call)
            emit(.channel(step))
            return true
        }
        if baseName == "Channel", ["bounded", "unbounded", "rendezvous"].contains(callee.name) {
            mentionsConcurrency = true
            if let pair = pendingTuple, pair.count == 2 {
                channel = pair[0]
                bindings[pair[0].index].type = TypeFacts(.channel, name: "Channel")
                bindings[pair[1].index].type = TypeFacts(.channel, name: "Channel")
            }
            lowerArguments(call)
            let buffer: ChannelBuffer
            switch callee.name {
            case "unbounded": buffer = .unbounded
            case "rendezvous": buffer = .unbuffered
            default:
                if let first = call.arguments.first?.expression, let value = SwiftAPITable.integer(first) {
                    buffer = .bounded(value)
                } else {
                    buffer = .boundedDynamic
                }
            }
            emit(.channel(ChannelStep(kind: .make(buffer), channel: channel, channelPath: "Channel", api: "Channel.\(callee.name)", range: site)))
            return true
        }
        return false
    }

    /// The element type of a stream creation: `AsyncStream<Void>`, `makeStream(of: Void.self)`,
    /// `AsyncStream(Void.self) { … }`.
    func elementType(_ call: FunctionCallExprSyntax) -> String? {
        var called = call.calledExpression
        if let member = called.as(MemberAccessExprSyntax.self), let base = member.base { called = base }
        if let generic = called.as(GenericSpecializationExprSyntax.self) {
            return generic.genericArgumentClause.arguments.first?.argument.sourceText
        }
        for argument in call.arguments where argument.label == nil || argument.label?.text == "of" {
            let text = argument.expression.sourceText
            if text.hasSuffix(".self") { return String(text.dropLast(5)) }
        }
        // `let ticks: AsyncStream<Void> = AsyncStream { … }`: the declared type says.
        return pendingStreamElementType
    }

    func bufferingPolicy(_ call: FunctionCallExprSyntax) -> ChannelBuffer {
        guard let policy = call.arguments.first(where: { $0.label?.text == "bufferingPolicy" })?.expression else {
            return .unbounded
        }
        let text = policy.sourceText
        if text.hasSuffix("unbounded") { return .unbounded }
        if let call = policy.as(FunctionCallExprSyntax.self), let first = call.arguments.first?.expression {
            if let value = SwiftAPITable.integer(first) { return .bounded(value) }
            return .boundedDynamic
        }
        return .unknown
    }
}
