/// A deadline as a frozen value: the time since a fixed origin, as a `Duration`.
///
/// `ContinuousClock.Instant` is resilient, so every copy, nil check or destruction of an `Instant?`
/// is a value-witness call; the blocking channel paths pass their deadline through several frames
/// on every operation, mostly as `nil`. `Deadline?` is two integers and a tag, handled inline; the
/// clock is read (out of line) only when a deadline actually exists.
@usableFromInline
struct Deadline: Sendable {
    /// Time from `origin` to the deadline.
    @usableFromInline let offset: Duration

    @usableFromInline
    init(_ instant: ContinuousClock.Instant) {
        offset = Self.origin.duration(to: instant)
    }

    /// The deadline as an instant of the continuous clock.
    @usableFromInline
    var instant: ContinuousClock.Instant { Self.origin.advanced(by: offset) }

    /// Whether the deadline has passed (reads the clock).
    @usableFromInline
    var hasPassed: Bool { ContinuousClock.now >= instant }

    /// Set on first use; any fixed instant would do.
    private static let origin = ContinuousClock.now
}
