/// The list of detectors: one type per rule file in this folder.
enum RuleRegistry {
    static let detectors: [any Rule.Type] = []
}
