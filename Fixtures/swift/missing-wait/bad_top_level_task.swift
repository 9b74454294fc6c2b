// run: clean
import Foundation

func upload(_ report: String) async { print("uploaded", report) }

Task.detached { // want "missing-wait"
    await upload("nightly")
}
print("main done")
