/// The list of detectors: one type per rule file in this folder, one per `Rules/<id>.yml`.
enum RuleRegistry {
    static let detectors: [any Rule.Type] = [
        BlockingInAsync.self,
        BlockingSendLeak.self,
        CallbackRace.self,
        GoroutinePerElement.self,
        LockWithoutUnlock.self,
        LoopVariableCapture.self,
        MissingWait.self,
        RangeWithoutClose.self,
        SharedMutableCapture.self,
        SleepAsSync.self,
        ThreadPerItem.self,
        UnboundedChannel.self,
        UnclosedChannel.self,
        WaitgroupAddInSpawn.self,
        WaitgroupUnbalanced.self,
    ]

    /// The detectors that read a whole package's summaries.
    static let packageDetectors: [any PackageRule.Type] = [
        BlockingUnderLock.self,
        CallerMustHold.self,
        CheckThenAct.self,
        DoubleLock.self,
        DoubleUnlock.self,
        LockOrderInversion.self,
        UnguardedField.self,
    ]
}
