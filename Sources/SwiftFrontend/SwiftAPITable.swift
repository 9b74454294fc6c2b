import ConcModel
import SwiftSyntax

/// Which Swift APIs spawn, wait, lock, sleep or make channels: tables kept as data, and the small
/// classifiers that read declarations against them.
enum SwiftAPITable {
    /// The words without which the lowering marks nothing as concurrency (a spawn, a sleep, a
    /// wait, a lock, a group, a stream or channel, a `for await` loop); a file spelling none of
    /// them is not lowered. Kept beside the tables the lowering reads: a new API recognised there
    /// needs its word here (``ConcModel/ConcurrencyVocabulary``; a test holds the two together).
    static let vocabulary = ConcurrencyVocabulary([
        .init("Thread"), .init("detachNewThread"), .init("Task"), .init("concurrentPerform"),
        .init("async", .member), .init("asyncAfter", .member), .init("addTask"), .init("addTaskUnlessCancelled"),
        .init("addImmediateTask"), .init("addOperation"), .init("spawn", .member), .init("parallelForEach"),
        .init("parallelMap"), .init("parallelFilter"), .init("parallelReduce"),
        .init("await", .after(["for"])), .init("await", .after(["for", "try"])),
        .init("sleep"), .init("usleep"), .init("nanosleep"), .init("fulfillment"), .init("wait", .callPrefix),
        .init("wait", .member), .init("lock", .member), .init("enter", .member), .init("AsyncStream"),
        .init("AsyncThrowingStream"), .init("bounded", .member), .init("unbounded", .member),
        .init("rendezvous", .member), .init("try", .member), .init("tryLock", .member), .init("lockIfAvailable", .member),
        // Scoped locks and serial queues: the package rules read who holds what.
        .init("withLock", .member), .init("withLockUnchecked", .member), .init("withLockedValue", .member), .init("withLockVoid", .member),
        .init("withCriticalRegion", .member), .init("sync", .member),
        // SwiftNIO callbacks that run on an event loop's thread (``eventLoopCallbacks``).
        .init("scheduleTask", .member), .init("scheduleRepeatedTask", .member), .init("scheduleRepeatedAsyncTask", .member),
        .init("flatSubmit", .member), .init("flatScheduleTask", .member), .init("whenComplete", .member),
        .init("whenSuccess", .member), .init("whenFailure", .member), .init("eventLoop"), .init("EventLoop"),
    ])

    /// Type names whose instances are mutual-exclusion locks.
    static let lockTypes: Set<String> = [
        "NSLock", "NSRecursiveLock", "Mutex", "OSAllocatedUnfairLock", "os_unfair_lock", "os_unfair_lock_s",
        "pthread_mutex_t", "NIOLock", "Lock", "ConditionLock", "NSConditionLock", "NSCondition", "UnfairLock",
        "NIOLockedValueBox", "LockedValueBox", "Locked", "LockIsolated", "ManagedCriticalState", "Protected",
        "Synchronized", "Atomic", "ManagedAtomic", "UnsafeAtomic", "ManagedAtomicLazyReference",
    ]
    /// Type names whose instances are atomics (a subset of the above treated as atomic accesses).
    static let atomicTypes: Set<String> = ["Atomic", "ManagedAtomic", "UnsafeAtomic", "ManagedAtomicLazyReference", "NIOAtomic"]
    static let semaphoreTypes: Set<String> = ["DispatchSemaphore", "Semaphore", "AsyncSemaphore"]
    static let groupTypes: Set<String> = [
        "DispatchGroup", "TaskGroup", "ThrowingTaskGroup", "DiscardingTaskGroup", "ThrowingDiscardingTaskGroup",
    ]
    /// Functions whose body closure is handed a task group as its first parameter, and that
    /// group's type: `withTaskGroup(of:) { group in … }` declares no type for `group`, so the
    /// lowering gives it this one (its `next()` and `waitForAll()` are group waits).
    static let taskGroupScopes: [String: String] = [
        "withTaskGroup": "TaskGroup", "withThrowingTaskGroup": "ThrowingTaskGroup",
        "withDiscardingTaskGroup": "DiscardingTaskGroup", "withThrowingDiscardingTaskGroup": "ThrowingDiscardingTaskGroup",
    ]
    static let channelTypes: Set<String> = ["AsyncStream", "AsyncThrowingStream", "AsyncChannel", "AsyncThrowingChannel"]
    static let handleTypes: Set<String> = ["Task", "Thread"]
    /// Stream types whose initializer or `makeStream` makes a channel.
    static let streamTypes: Set<String> = ["AsyncStream", "AsyncThrowingStream"]
    /// Static methods that make a stream or a ConcRuntime channel.
    static let channelFactories: Set<String> = ["makeStream", "bounded", "unbounded", "rendezvous"]
    /// Clocks whose `sleep` really sleeps (a test clock's waits for the test to advance it).
    static let systemClocks: Set<String> = [
        "ContinuousClock", "SuspendingClock", "ContinuousClock()", "SuspendingClock()", ".continuous", ".suspending",
    ]

    /// Methods that mutate the value they are called on.
    static let mutatingMethods: [String: Access.WriteKind] = [
        "append": .append, "insert": .insertRemove, "remove": .remove, "removeAll": .remove,
        "removeFirst": .remove, "removeLast": .remove, "removeValue": .remove,
        "removeSubrange": .remove, "popLast": .remove, "popFirst": .remove,
        "updateValue": .mapStore, "merge": .mutatingCall, "sort": .mutatingCall, "reverse": .mutatingCall,
        "shuffle": .mutatingCall, "swapAt": .mutatingCall, "formUnion": .mutatingCall,
        "formIntersection": .mutatingCall, "subtract": .mutatingCall, "replaceSubrange": .mutatingCall,
        "toggle": .mutatingCall, "negate": .mutatingCall,
    ]

    /// SwiftNIO methods whose closure runs later on the event loop's thread: whatever the
    /// receiver is called, these names belong to event loops and their futures.
    static let eventLoopCallbacks: Set<String> = [
        "scheduleTask", "scheduleRepeatedTask", "scheduleRepeatedAsyncTask", "flatSubmit", "flatScheduleTask",
        "whenComplete", "whenSuccess", "whenFailure",
    ]
    /// Event loop methods with common names (`execute`, `submit`): callbacks only when the receiver
    /// is known to be an event loop, by its declared type or its name (`context.eventLoop`).
    static let eventLoopExecutors: Set<String> = ["execute", "submit"]

    /// Whether a closure handed to `name` runs later on another thread: a SwiftNIO event loop's
    /// scheduling methods and a future's callbacks.
    static func runsCallbackConcurrently(_ name: String, receiverText: String, receiverType: String?) -> Bool {
        if eventLoopCallbacks.contains(name) { return true }
        guard eventLoopExecutors.contains(name) else { return false }
        if receiverType == "EventLoop" || receiverType == "any EventLoop" { return true }
        return receiverText == "eventLoop" || receiverText.hasSuffix(".eventLoop")
    }

    /// Calls whose closure argument runs before the call returns, on the caller's thread.
    static let inPlaceClosureCallees: Set<String> = [
        "forEach", "map", "compactMap", "flatMap", "filter", "reduce", "sorted", "sort", "first", "contains",
        "allSatisfy", "min", "max", "firstIndex", "lastIndex", "last", "drop", "prefix", "partition",
        "removeAll", "withLock", "withLockUnchecked", "withLockedValue", "sync", "withUnsafeMutablePointer",
        "withUnsafePointer", "withUnsafeBufferPointer", "withUnsafeMutableBufferPointer", "withUnsafeBytes",
        "withUnsafeMutableBytes", "autoreleasepool", "withExtendedLifetime", "withTaskGroup",
        "withThrowingTaskGroup", "withDiscardingTaskGroup", "withThrowingDiscardingTaskGroup",
        "withThreadScope", "withCheckedContinuation", "withCheckedThrowingContinuation",
        "withUnsafeContinuation", "withUnsafeThrowingContinuation", "withTaskCancellationHandler",
        "withValue", "withCriticalRegion", "withPermit", "measure", "lazy", "enumerated", "zip",
    ]

    /// `withX(…) { body }`: by Swift convention a `with`-prefixed function runs its (first)
    /// closure once, before it returns (`withGracefulShutdownHandler`, `withSpan`); later
    /// closures (`onCancel:`, `onChange:`) may run elsewhere, later.
    static func isScopedBodyCallee(_ name: String) -> Bool {
        guard name.hasPrefix("with"), let next = name.dropFirst(4).first else { return false }
        return next.isUppercase
    }

    static let sleepFunctions: Set<String> = ["usleep", "sleep", "nanosleep"]

    /// Whether an attribute names a global actor: `@MainActor`, a type the file declares
    /// `@globalActor`, or, by the convention global actors are named by, a capitalized name ending
    /// in `Actor` (`@DatabaseActor`) declared elsewhere.
    static func isGlobalActorAttribute(_ name: String, declared: Set<String>) -> Bool {
        if name == "MainActor" || declared.contains(name) { return true }
        return name.count > 5 && name.hasSuffix("Actor") && name.first?.isUppercase == true
    }
    static let processExitFunctions: Set<String> = ["exit", "fatalError", "abort", "preconditionFailure", "_exit"]
    static let foreverWaitCallees: Set<String> = [
        "dispatchMain", "RunLoop.main.run", "RunLoop.current.run", "CFRunLoopRun", "NSApplicationMain",
        "UIApplicationMain",
    ]

    /// The type name recorded for a `DispatchQueue.global()` value: a concurrent queue that, unlike
    /// a private one, ignores the `.barrier` flag, so the two must stay apart.
    static let globalQueueTypeName = "DispatchQueue.global"

    /// Type facts from a declaration's annotation or initializer.
    static func typeFacts(annotation: TypeSyntax?, initializer: ExprSyntax?) -> TypeFacts {
        var declared = TypeFacts.unknown
        if let annotation {
            let name = baseTypeName(annotation.sourceText)
            if let facts = facts(forTypeNamed: name) { return facts }
            // A type the table does not know still names the declaration the package index has.
            if name.first?.isUppercase == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                declared = TypeFacts(.unknown, name: name)
            }
        }
        guard let initializer else { return declared }
        var expr = initializer
        while true {
            if let t = expr.as(TryExprSyntax.self) { expr = t.expression; continue }
            if let a = expr.as(AwaitExprSyntax.self) { expr = a.expression; continue }
            break
        }
        if let call = expr.as(FunctionCallExprSyntax.self) {
            let callee = call.calledExpression.sourceText
            if callee == "DispatchQueue" {
                let isConcurrent = call.arguments.contains { $0.label?.text == "attributes" && $0.expression.sourceText.contains("concurrent") }
                return TypeFacts(isConcurrent ? .concurrentQueue : .serialQueue, name: "DispatchQueue")
            }
            if callee == "DispatchQueue.global" { return TypeFacts(.concurrentQueue, name: globalQueueTypeName) }
            if callee.hasSuffix(".makeStream") { return TypeFacts(.channel, name: "AsyncStream") }
            if callee.hasPrefix("Task") && call.trailingClosure != nil { return TypeFacts(.taskHandle, name: "Task") }
            if callee.hasPrefix("Thread") && (call.trailingClosure != nil || !call.arguments.isEmpty) {
                return TypeFacts(.taskHandle, name: "Thread")
            }
            if let facts = facts(forTypeNamed: baseTypeName(callee)) { return facts }
            if callee.first?.isUppercase == true { return TypeFacts(.reference, name: callee) }
        }
        if let member = expr.as(MemberAccessExprSyntax.self), member.sourceText == "DispatchQueue.main" {
            return TypeFacts(.serialQueue, name: "DispatchQueue")
        }
        if expr.is(ArrayExprSyntax.self) || expr.is(DictionaryExprSyntax.self) {
            return TypeFacts(.collection)
        }
        if expr.is(IntegerLiteralExprSyntax.self) || expr.is(BooleanLiteralExprSyntax.self)
            || expr.is(FloatLiteralExprSyntax.self) || expr.is(StringLiteralExprSyntax.self) {
            return TypeFacts(.value)
        }
        return declared
    }

    /// `Foo<Bar>?` → `Foo`; `Synchronization.Mutex<Int>` → `Mutex`.
    static func baseTypeName(_ text: String) -> String {
        // On the UTF-8 view: this runs for every type annotation and initializer.
        let bytes = text.utf8
        var end = bytes.firstIndex { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "(") } ?? bytes.endIndex
        while end > bytes.startIndex {
            let last = bytes[bytes.index(before: end)]
            guard last == UInt8(ascii: "?") || last == UInt8(ascii: "!") else { break }
            end = bytes.index(before: end)
        }
        var start = bytes.startIndex
        if let dot = bytes[start..<end].lastIndex(of: UInt8(ascii: ".")) { start = bytes.index(after: dot) }
        return String(text[start..<end])
    }

    static func facts(forTypeNamed name: String) -> TypeFacts? {
        if atomicTypes.contains(name) { return TypeFacts(.atomic, name: name) }
        if lockTypes.contains(name) { return TypeFacts(.lock, name: name) }
        if semaphoreTypes.contains(name) { return TypeFacts(.semaphore, name: name) }
        if groupTypes.contains(name) { return TypeFacts(.group, name: name) }
        if channelTypes.contains(name) { return TypeFacts(.channel, name: name) }
        if name == "Continuation" { return TypeFacts(.continuation, name: name) }
        if handleTypes.contains(name) { return TypeFacts(.taskHandle, name: name) }
        if name == "DispatchQueue" { return TypeFacts(.serialQueue, name: name) }
        return nil
    }

    /// The iteration domain of `for x in sequence`.
    static func forDomain(_ sequence: ExprSyntax) -> Loop.Domain {
        if let sequenceExpr = sequence.as(SequenceExprSyntax.self) {
            let elements = Array(sequenceExpr.elements)
            if elements.count == 3, let op = elements[1].as(BinaryOperatorExprSyntax.self) {
                let text = op.operator.text
                if text == "..<" || text == "..." {
                    if let low = integer(elements[0]), let high = integer(elements[2]) {
                        return .constantCount(max(0, high - low + (text == "..." ? 1 : 0)))
                    }
                    return .count
                }
            }
        }
        if let call = sequence.as(FunctionCallExprSyntax.self), call.calledExpression.sourceText == "stride" {
            let values = call.arguments.map { integer($0.expression) }
            if values.count == 3, let from = values[0], let to = values[1], let by = values[2], by > 0 {
                return .constantCount(max(0, (to - from + by - 1) / by))
            }
            return .count
        }
        if let array = sequence.as(ArrayExprSyntax.self) {
            return .constantCount(array.elements.count)
        }
        if let tuple = sequence.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
            return forDomain(only.expression)
        }
        return .collection
    }

    static func integer(_ expr: ExprSyntax) -> Int? {
        // `UInt8(0)`: a conversion of a literal is still a constant.
        if let call = expr.as(FunctionCallExprSyntax.self), call.arguments.count == 1,
           call.arguments.first?.label == nil, let only = call.arguments.first?.expression {
            return integer(only)
        }
        guard let literal = expr.as(IntegerLiteralExprSyntax.self) else { return nil }
        return Int(String(literal.literal.text.filter { $0 != "_" }))
    }

    /// The iteration domain of a `while` loop.
    static func whileDomain(_ conditions: ConditionElementListSyntax) -> Loop.Domain {
        let text = conditions.sourceText
        if text == "true" { return .forever }
        if text.contains("readLine(") { return .input }
        return .condition
    }

    /// The leftmost identifier of an expression (`a` of `a.b[c].d`), if it is a plain name.
    static func rootName(of expr: ExprSyntax) -> String? {
        var current = expr
        var steps = 0
        while steps < 64 {
            steps += 1
            if let reference = current.as(DeclReferenceExprSyntax.self) { return reference.baseName.text }
            if let member = current.as(MemberAccessExprSyntax.self), let base = member.base { current = base; continue }
            if let subscriptCall = current.as(SubscriptCallExprSyntax.self) { current = subscriptCall.calledExpression; continue }
            if let forced = current.as(ForceUnwrapExprSyntax.self) { current = forced.expression; continue }
            if let optional = current.as(OptionalChainingExprSyntax.self) { current = optional.expression; continue }
            if let call = current.as(FunctionCallExprSyntax.self) { current = call.calledExpression; continue }
            if let awaited = current.as(AwaitExprSyntax.self) { current = awaited.expression; continue }
            if let tried = current.as(TryExprSyntax.self) { current = tried.expression; continue }
            return nil
        }
        return nil
    }
}
