// run: clean
import Foundation

enum InputValue {
    case uninitialized
    case initialized(Int)
}

/// `.initialized(v)` inside the locked closure builds an enum case of the contextual type; it
/// does not call the `initialized` property, which takes the lock.
final class Option: @unchecked Sendable {
    private let lock = NSLock()
    private var value: InputValue = .uninitialized

    var initialized: Bool {
        lock.lock()
        defer { lock.unlock() }
        if case .initialized = value { return true }
        return false
    }

    func load(_ input: Int) {
        lock.lock()
        defer { lock.unlock() }
        value = .initialized(input)
    }
}

let option = Option()
let group = DispatchGroup()
DispatchQueue.global().async(group: group) { option.load(7) }
DispatchQueue.global().async(group: group) { _ = option.initialized }
group.wait()
print("initialized:", option.initialized)
