// run: skip
import XCTest

// Waiting on an expectation the task fulfils is waiting for the task.
final class UploadTests: XCTestCase {
    func testUploadFinishes() async {
        let finished = expectation(description: "finished")
        Task {
            try? await Task.sleep(nanoseconds: 1_000)
            finished.fulfill()
        }
        await fulfillment(of: [finished], timeout: 1)
    }
}
