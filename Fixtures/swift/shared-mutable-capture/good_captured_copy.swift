// run: clean
import ConcRuntime
import Foundation

// Each thread gets its own copy through the capture list; results come back through the scope.
let base = 10
let results = try withThreadScope { scope in
    try (0..<4).map { index in
        scope.spawn { [base] in base + index }
    }.map { try $0.join() }
}
print(results)
