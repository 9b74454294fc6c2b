// run: skip
extension Watcher {
    func shutdown() {
        listener?.cancel()
    }
}
