// run: clean
import ConcRuntime

// Joining the thread replaces the sleep: the scope returns once the thread is done, and its
// handle hands the result back.
let ready = try withThreadScope { scope in
    let loader = scope.spawn { () -> Bool in
        // Loading the configuration.
        true
    }
    return try loader.join()
}
print("ready:", ready)
