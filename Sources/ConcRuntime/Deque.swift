/// A growable ring buffer: amortised O(1) `append` and `popFirst`. Not thread-safe; every use in
/// ConcRuntime is guarded by a mutex. Memory: capacity grows to the largest count seen, as a power of two.
///
/// `@inlinable` so that ``ChannelState``'s inlinable paths specialise it in client modules.
@usableFromInline
struct Deque<Element> {
    @usableFromInline var storage: [Element?] = []
    @usableFromInline var head = 0
    @usableFromInline var count = 0

    @inlinable init() {}

    @inlinable
    var isEmpty: Bool { count == 0 }

    @inlinable
    mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        storage[(head + count) & (storage.count - 1)] = element
        count += 1
    }

    @inlinable
    mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head].take()
        head = (head + 1) & (storage.count - 1)
        count -= 1
        return element
    }

    @inlinable
    var first: Element? {
        count > 0 ? storage[head] : nil
    }

    /// Whether some element satisfies `predicate`. O(count).
    @inlinable
    func contains(where predicate: (Element) -> Bool) -> Bool {
        for offset in 0..<count {
            if let element = storage[(head + offset) & (storage.count - 1)], predicate(element) { return true }
        }
        return false
    }

    /// Removes every element for which `predicate` holds, keeping the order of the rest. O(count).
    @inlinable
    mutating func removeAll(where predicate: (Element) -> Bool) {
        var kept = Deque()
        while let element = popFirst() {
            if !predicate(element) { kept.append(element) }
        }
        self = kept
    }

    @inlinable
    mutating func removeAll() {
        storage = []
        head = 0
        count = 0
    }

    @usableFromInline
    mutating func grow() {
        let newCapacity = max(4, storage.count * 2)
        var newStorage = [Element?](repeating: nil, count: newCapacity)
        for index in 0..<count {
            newStorage[index] = storage[(head + index) & (storage.count - 1)].take()
        }
        storage = newStorage
        head = 0
    }
}
