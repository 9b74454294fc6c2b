import ConcModel
import SwiftSyntax

extension SwiftLowering {
    /// What an `addOperation` call's queue runs work on. A queue the file caps with
    /// `maxConcurrentOperationCount` (anywhere: the limit is often set where another type makes
    /// the queue) runs one operation at a time (a limit of 1) or a bounded number; the main
    /// queue is the main actor's. A queue made here without a limit, or one we cannot see made,
    /// runs its operations concurrently.
    func operationQueueExecutor(_ base: ExprSyntax?) -> (executor: Spawn.Executor, isLimited: Bool) {
        guard let base else { return (.concurrent, false) }
        let text = Self.shortText(base)
        if text == "OperationQueue.main" || text == ".main" { return (.isolated(.globalActor("MainActor")), false) }
        let name = Self.lastName(of: base)
        let limits = operationQueueLimits ?? Self.operationQueueLimits(in: base.root)
        operationQueueLimits = limits
        guard let name, let limit = limits[name] else { return (.concurrent, false) }
        return limit == 1 ? (.serial(text), false) : (.concurrent, true)
    }

    /// The last name of a queue expression: `queue` for `queue`, `self.queue`, `uploader.queue`.
    static func lastName(of expr: ExprSyntax) -> String? {
        if let reference = expr.as(DeclReferenceExprSyntax.self) { return reference.baseName.text }
        if let member = expr.as(MemberAccessExprSyntax.self) { return member.declName.baseName.text }
        return nil
    }

    /// The limit each queue name is given by `name.maxConcurrentOperationCount = n` (`2` for a
    /// limit that is not a literal, such as a core count). An assignment inside a property's
    /// initializer closure (`let queue: OperationQueue = { let q = …; q.max… = 1; return q }()`)
    /// limits the property too.
    static func operationQueueLimits(in root: Syntax) -> [String: Int] {
        let scanner = OperationLimitScanner(viewMode: .sourceAccurate)
        scanner.walk(root)
        return scanner.limits
    }
}

private final class OperationLimitScanner: SyntaxVisitor {
    var limits: [String: Int] = [:]

    override func visit(_ node: SequenceExprSyntax) -> SyntaxVisitorContinueKind {
        let elements = Array(node.elements)
        guard elements.count == 3, elements[1].is(AssignmentExprSyntax.self),
              let member = elements[0].as(MemberAccessExprSyntax.self),
              member.declName.baseName.text == "maxConcurrentOperationCount"
        else { return .visitChildren }
        let limit = elements[2].as(IntegerLiteralExprSyntax.self).flatMap { Int($0.literal.text) } ?? 2
        var names: [String] = []
        if let base = member.base, let name = SwiftLowering.lastName(of: base) { names.append(name) }
        // The property whose initializer this is.
        var parent = node.parent
        while let current = parent {
            if let binding = current.as(PatternBindingSyntax.self), binding.initializer != nil,
               let identifier = binding.pattern.as(IdentifierPatternSyntax.self) {
                names.append(identifier.identifier.text)
                break
            }
            if current.is(FunctionDeclSyntax.self) || current.is(InitializerDeclSyntax.self) { break }
            parent = current.parent
        }
        for name in names { limits[name] = min(limits[name] ?? Int.max, max(limit, 1)) }
        return .visitChildren
    }
}
