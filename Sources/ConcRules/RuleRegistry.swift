/// The list of detectors: one type per rule file in this folder, one per `Rules/<id>.yml`.
enum RuleRegistry {
    static let detectors: [any Rule.Type] = [
        LoopVariableCapture.self,
        MissingWait.self,
        SharedMutableCapture.self,
        SleepAsSync.self,
        ThreadPerItem.self,
        UnboundedChannel.self,
    ]
}
