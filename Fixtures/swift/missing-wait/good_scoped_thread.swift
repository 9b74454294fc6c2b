// run: clean
import ConcRuntime

withThreadScope { scope in
    scope.spawn { print("flushing caches") }
}
print("exiting")
