// run: clean
import ConcRuntime

try withThreadScope { scope in
    _ = scope.spawn { print("flushing caches") }
}
print("exiting")
