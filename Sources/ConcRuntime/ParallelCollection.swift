/// Data-parallel operations on random-access collections, after rayon's `par_iter`: the collection
/// is split adaptively into chunks run by the calling thread and a ``ThreadPool`` (``ThreadPool/shared``
/// unless given). Results keep the collection's order. Closures run concurrently on several threads,
/// hence `@Sendable`.
///
/// The operations are `@inlinable` so that, specialised in the caller, the per-element closure is
/// inlined into the chunk loop (a plain loop per chunk, no call per element).
///
/// Blocks on: every chunk finishing. Throws: the first error a closure threw (in time); once an error
/// is seen no new chunks start, and chunks under way finish.
extension RandomAccessCollection where Self: Sendable, Element: Sendable {
    /// The elements transformed by `transform`, in order.
    /// Memory: the result array, written in place (no per-element allocation).
    @inlinable
    public func parallelMap<T: Sendable, E: Error>(
        on pool: ThreadPool = .shared, _ transform: @Sendable (Element) throws(E) -> T
    ) throws(E) -> [T] {
        let count = self.count
        guard count > 0 else { return [] }
        let results = ChunkResults<Range<Int>, E>()
        var outcome: Swift.Result<Void, E> = .success(())
        let mapped = [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            guard let base = buffer.baseAddress else { return }
            let output = SendablePointer(base)
            forEachChunk(count: count, on: pool) { range in
                var failedAt = range.lowerBound
                do throws(E) {
                    try self.withElements(in: range) { offset, element throws(E) in
                        do throws(E) {
                            (output.pointer + offset).initialize(to: try transform(element))
                        } catch {
                            failedAt = offset
                            throw error
                        }
                    }
                    results.add(range.lowerBound, range)
                    return true
                } catch {
                    (output.pointer + range.lowerBound).deinitialize(count: failedAt - range.lowerBound)
                    results.fail(error)
                    return false
                }
            }
            switch results.collect() {
            case .success:
                initializedCount = count
            case .failure(let error):
                // Chunks that completed are initialised; release them and return an empty array.
                for range in results.values {
                    (output.pointer + range.lowerBound).deinitialize(count: range.count)
                }
                initializedCount = 0
                outcome = .failure(error)
            }
        }
        try outcome.get()
        return mapped
    }

    /// Calls `body` on every element, concurrently and in no particular order.
    @inlinable
    public func parallelForEach<E: Error>(
        on pool: ThreadPool = .shared, _ body: @Sendable (Element) throws(E) -> Void
    ) throws(E) {
        let results = ChunkResults<Void, E>()
        forEachChunk(count: count, on: pool) { range in
            do throws(E) {
                try self.withElements(in: range) { _, element throws(E) in try body(element) }
                return true
            } catch {
                results.fail(error)
                return false
            }
        }
        if case .failure(let error) = results.collect() { throw error }
    }

    /// The elements for which `isIncluded` holds, in order.
    /// Memory: one array per chunk, then the result.
    @inlinable
    public func parallelFilter<E: Error>(
        on pool: ThreadPool = .shared, _ isIncluded: @Sendable (Element) throws(E) -> Bool
    ) throws(E) -> [Element] {
        let results = ChunkResults<[Element], E>()
        forEachChunk(count: count, on: pool) { range in
            var kept: [Element] = []
            do throws(E) {
                try self.withElements(in: range) { _, element throws(E) in
                    if try isIncluded(element) { kept.append(element) }
                }
                results.add(range.lowerBound, kept)
                return true
            } catch {
                results.fail(error)
                return false
            }
        }
        switch results.collect() {
        case .success(let chunks): return Array(chunks.joined())
        case .failure(let error): throw error
        }
    }

    /// Folds the elements with `combine`, which must be associative (it need not be commutative:
    /// chunk results are combined in order); `identity` must satisfy `combine(identity, x) == x`.
    /// An empty collection gives `identity`.
    @inlinable
    public func parallelReduce<E: Error>(
        on pool: ThreadPool = .shared, _ identity: Element,
        _ combine: @Sendable (Element, Element) throws(E) -> Element
    ) throws(E) -> Element {
        try parallelReduce(on: pool, identity, accumulate: combine, combine: combine)
    }

    /// Map-reduce: each chunk folds its elements into a `T` starting from `identity` with `accumulate`;
    /// the chunk results are folded in order with the associative `combine`.
    @inlinable
    public func parallelReduce<T: Sendable, E: Error>(
        on pool: ThreadPool = .shared, _ identity: T,
        accumulate: @Sendable (T, Element) throws(E) -> T,
        combine: @Sendable (T, T) throws(E) -> T
    ) throws(E) -> T {
        let results = ChunkResults<T, E>()
        forEachChunk(count: count, on: pool) { range in
            var partial = identity
            do throws(E) {
                try self.withElements(in: range) { _, element throws(E) in
                    partial = try accumulate(partial, element)
                }
                results.add(range.lowerBound, partial)
                return true
            } catch {
                results.fail(error)
                return false
            }
        }
        switch results.collect() {
        case .success(let partials):
            var total = identity
            for partial in partials { total = try combine(total, partial) }
            return total
        case .failure(let error):
            throw error
        }
    }

    /// Calls `body` with each integer offset in `range` and the element there, through contiguous
    /// storage when the collection has it.
    @inlinable
    func withElements<E: Error>(in range: Range<Int>, _ body: (Int, Element) throws(E) -> Void) throws(E) {
        let contiguous: Swift.Result<Void, E>? = withContiguousStorageIfAvailable { buffer in
            do throws(E) {
                for offset in range { try body(offset, buffer[offset]) }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if let contiguous {
            try contiguous.get()
            return
        }
        var index = self.index(startIndex, offsetBy: range.lowerBound)
        for offset in range {
            try body(offset, self[index])
            formIndex(after: &index)
        }
    }
}

/// An output pointer shared by the chunks of one `parallelMap`; each chunk writes a disjoint range.
@usableFromInline
struct SendablePointer<T>: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<T>
    @inlinable init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
