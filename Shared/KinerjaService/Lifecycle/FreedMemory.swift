import Synchronization

/// Gives memory the allocator holds but no longer uses back to the system (glibc's `malloc_trim`),
/// and lets caches drop what an idle service does not need.
///
/// Bulk work (the demo seeding at start, an employee import, an export) leaves freed pages in the
/// allocator's arenas: a reporting service measured 132 MiB resident after seeding and 43 MiB after
/// a restart on the same store, of which 6.5 MiB anonymous. The host trims once its preparation
/// steps are done and every five minutes; handlers of bulk work call it when they finish. When the
/// service has been quiet for 15–30 s (IdleMemory) the host also empties SQLite's page caches
/// (`Store.releaseMemory`) and asks every registered ``IdleReleasable`` to let go (`releaseIdle`).
public enum FreedMemory {
    /// Returns freed memory to the system; cheap when there is little to return.
    public static func release() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }

    private final class Registration: Sendable {
        weak let object: (any IdleReleasable)?
        init(_ object: any IdleReleasable) { self.object = object }
    }

    private static let registry = Mutex<[Registration]>([])

    /// Asks `object` to drop what it keeps for speed whenever the service is idle; held weakly.
    public static func register(_ object: any IdleReleasable) {
        registry.withLock { list in
            list.removeAll { $0.object == nil }
            list.append(Registration(object))
        }
    }

    /// Calls `releaseIdle()` on every registered object still alive.
    public static func releaseIdle() {
        let objects = registry.withLock { list -> [any IdleReleasable] in
            list.removeAll { $0.object == nil }
            return list.compactMap(\.object)
        }
        for object in objects { object.releaseIdle() }
    }
}

/// Something that keeps memory for speed and can let it go when the service is idle (a cache).
public protocol IdleReleasable: AnyObject, Sendable {
    /// Drops what is not needed while no calls come (expired entries, spare capacity).
    func releaseIdle()
}

#if os(Linux)
/// `int malloc_trim(size_t pad)` from glibc's <malloc.h>, which the Glibc module does not export.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
