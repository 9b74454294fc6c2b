import Foundation
import GoSyntax

/// A deterministic pseudo-random generator (SplitMix64), so a mutation run can be repeated by seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The `mutate` command: parses mutants of every listed file (truncated at a random point, random
/// bytes replaced, or both) and reports how many were parsed. A crash kills the process (the last
/// `mutating` line on standard error names the file and seed); the calling script adds a timeout
/// against hangs.
func mutate(_ options: Options) {
    let seed = UInt64(options.values["--seed"] ?? "1") ?? 1
    let perFile = Int(options.values["--mutants"] ?? "3") ?? 3
    var rng = SplitMix64(state: seed)
    var mutants = 0
    var withErrors = 0
    var slowest = (0.0, "")
    let clock = ContinuousClock()
    for path in options.paths {
        guard let source = read(path), !source.isEmpty else { continue }
        for k in 0..<perFile {
            var bytes = source
            if k % 3 != 1 {  // truncate
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
            }
            if k % 3 != 0, !bytes.isEmpty {  // flip bytes
                for _ in 0..<Int.random(in: 1...16, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            FileHandle.standardError.write(Data("mutating \(path) #\(k)\n".utf8))
            var errors = 0
            let t = seconds(clock.measure { errors = GoParser.parse(source: bytes, path: path).diagnostics.count })
            mutants += 1
            if errors > 0 { withErrors += 1 }
            if t > slowest.0 { slowest = (t, "\(path) #\(k)") }
        }
    }
    write("mutants \(mutants) with-errors \(withErrors) crashes 0 seed \(seed)\n")
    write(String(format: "slowest %.4f s %@\n", slowest.0, slowest.1))
}
