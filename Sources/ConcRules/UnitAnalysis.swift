import ConcModel

/// Products computed once per unit and shared by every rule.
public final class UnitAnalysis: Sendable {
    public let unit: Unit

    public init(_ unit: Unit) {
        self.unit = unit
    }
}
