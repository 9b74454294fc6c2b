// run: clean
import ConcRuntime

// Each element's result comes back from parallelMap instead of being appended to a shared array.
let names = (0..<1_000).map { "file-\($0).txt" }
let sizes = names.parallelMap { name in name.utf8.count }
print("total size:", sizes.reduce(0, +))
