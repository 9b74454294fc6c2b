/// A growable ring buffer: amortised O(1) `append` and `popFirst`. Not thread-safe; every use in
/// ConcRuntime is guarded by a mutex. Memory: capacity grows to the largest count seen, as a power of two.
struct Deque<Element> {
    private var storage: [Element?] = []
    private var head = 0
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        storage[(head + count) & (storage.count - 1)] = element
        count += 1
    }

    mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head].take()
        head = (head + 1) & (storage.count - 1)
        count -= 1
        return element
    }

    var first: Element? {
        count > 0 ? storage[head] : nil
    }

    /// Whether some element satisfies `predicate`. O(count).
    func contains(where predicate: (Element) -> Bool) -> Bool {
        for offset in 0..<count {
            if let element = storage[(head + offset) & (storage.count - 1)], predicate(element) { return true }
        }
        return false
    }

    /// Removes every element for which `predicate` holds, keeping the order of the rest. O(count).
    mutating func removeAll(where predicate: (Element) -> Bool) {
        var kept = Deque()
        while let element = popFirst() {
            if !predicate(element) { kept.append(element) }
        }
        self = kept
    }

    mutating func removeAll() {
        storage = []
        head = 0
        count = 0
    }

    private mutating func grow() {
        let newCapacity = max(4, storage.count * 2)
        var newStorage = [Element?](repeating: nil, count: newCapacity)
        for index in 0..<count {
            newStorage[index] = storage[(head + index) & (storage.count - 1)].take()
        }
        storage = newStorage
        head = 0
    }
}
