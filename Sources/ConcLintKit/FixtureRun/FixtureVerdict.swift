/// What running a fixture shows, as its first-line header `// run: <verdict>` states it and as
/// ``VerdictClassifier`` reads it off a run.
public enum FixtureVerdict: String, CaseIterable, Sendable {
    /// The race detector reports a data race (ThreadSanitizer for Swift, `-race` for Go).
    case race
    /// The program exits with status 0 and nothing reports a race or a leak.
    case clean
    /// The program hangs (it is still running at the timeout, or the Go runtime reports that all
    /// goroutines are asleep) or prints a line starting with `LEAK:`.
    case leak
    /// The runtime stops the program with a fatal error that names the misuse: Go's `fatal
    /// error: …` (`sync: unlock of unlocked mutex`, `concurrent map writes`) other than the
    /// all-goroutines-asleep deadlock, which is a leak.
    case crash
    /// The fixture is not run (it needs a test harness, a module that is not vendored, or its
    /// outcome depends on timing). Only a header says this; a run never does.
    case skip
}
