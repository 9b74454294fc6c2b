import ConcModel

/// Code that cannot run concurrently with anything: a lock handed to a goroutine by its creator,
/// a loop that runs no times.
extension SharedMutableCapture {
    /// Whether the write comes before an unlock of a lock the goroutine never takes itself: the
    /// creator locked it and hands it over (Go panics on unlocking an unlocked mutex), so the
    /// write is made holding it, and whoever locks it next comes after.
    func holdsHandedLock(_ write: FlowEvent, flow: [FlowEvent]) -> Bool {
        var taken: Set<String> = []
        for event in flow {
            guard case .sync(let sync) = event.step else { continue }
            switch sync.kind {
            case .lock, .readLock, .tryLock:
                taken.insert(sync.targetPath)
            case .unlock, .readUnlock:
                if event.order > write.order, !taken.contains(sync.targetPath), Self.alwaysRunsBefore(write, event) {
                    return true
                }
            default:
                break
            }
        }
        return false
    }

    /// Whether the event sits in a loop that runs no times (`for i := 0; i < 0; i++`).
    static func neverRuns(_ event: FlowEvent) -> Bool {
        event.context.loops.contains { $0.domain == .constantCount(0) }
    }
}
