// run: clean
import Foundation

func upload(_ report: String) async { print("uploaded", report) }

let uploading = Task.detached {
    await upload("nightly")
}
await uploading.value
print("main done")
