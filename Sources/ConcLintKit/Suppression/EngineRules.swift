/// Rules the engine checks itself, with a `Rules/<id>.yml` entry but no detector in ConcRules:
/// `invalid-suppression` and `unused-suppression` (``SuppressionFilter``). They are enabled,
/// disabled and re-graded like any other rule.
public enum EngineRules {
    /// Their ids.
    public static let ids: Set<String> = [SuppressionFilter.invalidID, SuppressionFilter.unusedID]
}
