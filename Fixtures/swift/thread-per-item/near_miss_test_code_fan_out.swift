// run: skip
import XCTest

// Test code starts one thread per case it wrote itself: a fixed, small number.
final class ParserStressTests: XCTestCase {
    func testParsesConcurrently(_ inputs: [String]) {
        let group = DispatchGroup()
        for input in inputs {
            group.enter()
            Thread {
                XCTAssertFalse(input.isEmpty)
                group.leave()
            }.start()
        }
        group.wait()
    }
}
