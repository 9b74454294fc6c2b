// run: clean
import ConcRuntime
import Foundation

func persist(_ event: Int) { usleep(1_000) }

let events = Array(0..<200)
events.parallelForEach { event in persist(event) }
print("persisted", events.count)
