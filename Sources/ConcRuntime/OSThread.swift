#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A joinable OS thread running a closure (`pthread_create` / `pthread_join`).
struct OSThread: @unchecked Sendable {
    private let handle: pthread_t

    /// Starts `body` on a new thread; `nil` if the system refused (e.g. `EAGAIN`: too many threads).
    /// `stackSize` 0 keeps the system default.
    static func start(
        stackSize: Int = 0, errorCode: inout Int32, _ body: @escaping @Sendable () -> Void
    ) -> OSThread? {
        let box = Unmanaged.passRetained(ThreadBody(body))
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        if stackSize > 0 { pthread_attr_setstacksize(&attributes, stackSize) }
        #if canImport(Darwin)
        var handle: pthread_t?
        #else
        var handle = pthread_t()
        #endif
        let result = pthread_create(&handle, &attributes, { argument in
            #if canImport(Darwin)
            let body = Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue()
            #else
            guard let argument else { return nil }
            let body = Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue()
            #endif
            body.run()
            return nil
        }, box.toOpaque())
        guard result == 0 else {
            errorCode = result
            box.release()
            return nil
        }
        #if canImport(Darwin)
        guard let handle else { return nil }
        #endif
        return OSThread(handle: handle)
    }

    /// Blocks until the thread has finished.
    func join() {
        pthread_join(handle, nil)
    }

    /// Lets the thread's resources go when it finishes, without joining.
    func detach() {
        pthread_detach(handle)
    }
}

private final class ThreadBody {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
