#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Limits how much of the current thread's stack the recursive-descent parser may use.
///
/// ``GoParser/maxNestingDepth`` bounds the depth of the tree, but the stack a nesting level needs
/// differs between builds (a debug build's frames are several times larger) and threads differ in
/// stack size (8 MB for a Linux thread, 512 KB for a secondary thread on macOS). The parser therefore
/// also stops, with the same "exceeded max nesting depth" error, once it has used half of the stack
/// that was left when parsing began, leaving the rest for walking and freeing the tree.
struct StackGuard {
    /// Addresses below this one are out of bounds for the parser (the stack grows down).
    private let limit: UInt

    /// Allows the parser half of the stack that remains below the current frame.
    init() {
        let here = StackGuard.currentAddress()
        let low = StackGuard.threadStackLow() ?? (here > 256 * 1024 ? here - 256 * 1024 : 0)
        limit = here > low ? here - (here - low) / 2 : here
    }

    /// Whether the parser may recurse further.
    @inline(__always)
    func hasRoom() -> Bool { StackGuard.currentAddress() > limit }

    /// An address in the caller's stack frame.
    @inline(__always)
    static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// The lowest address of the current thread's stack, or nil when it cannot be found.
    static func threadStackLow() -> UInt? {
        #if canImport(Darwin)
        let high = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return high > size ? high - size : nil
        #elseif os(Linux)
        // Cached per thread: for the main thread glibc reads /proc/self/maps to answer.
        if let cached = pthread_getspecific(LinuxStack.key) { return UInt(bitPattern: cached) }
        guard let getattr = LinuxStack.getattr else { return nil }
        var attributes = pthread_attr_t()
        guard getattr(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        pthread_setspecific(LinuxStack.key, address)
        return UInt(bitPattern: address)
        #else
        return nil
        #endif
    }
}

#if os(Linux)
/// glibc's `pthread_getattr_np` (not exported to Swift) and the thread-local slot caching its answer.
private enum LinuxStack {
    typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32

    static let getattr: GetAttr? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
        return unsafeBitCast(symbol, to: GetAttr.self)
    }()

    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}
#endif
