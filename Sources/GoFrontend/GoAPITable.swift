import ConcModel
import GoSyntax

/// Which Go APIs lock, wait, sleep, spawn or end the process: tables kept as data.
enum GoAPITable {
    /// Import paths whose packages' APIs the lowering recognises as concurrency.
    static let concurrencyImports: Set<String> = ["sync", "sync/atomic", "golang.org/x/sync/errgroup"]

    /// The code words (and operator) without which the lowering marks nothing as concurrency:
    /// `go`, channels, `select`, `time.Sleep` and `time.AfterFunc`, the sync types (bare inside
    /// package sync), and the import paths above as string literals (a renamed import). A file
    /// whose code spells none of them is not lowered (``ConcModel/ConcurrencyVocabulary``; a
    /// test holds the two together).
    static let vocabulary = ConcurrencyVocabulary(
        [
            .init("go"), .init("chan"), .init("select"), .init("Sleep"), .init("AfterFunc"), .init("sync"),
            .init("atomic"), .init("errgroup"), .init("semaphore"), .init("WaitGroup"), .init("Mutex"),
            .init("RWMutex"),
        ],
        operators: ["<-"], reading: .goCode(literals: concurrencyImports))

    /// Package-qualified type names and the category of their values.
    static let typeCategories: [String: TypeFacts.Category] = [
        "sync.Mutex": .lock, "sync.RWMutex": .readWriteLock, "sync.WaitGroup": .group,
        "errgroup.Group": .group, "sync.Cond": .semaphore, "semaphore.Weighted": .semaphore,
        "atomic.Int32": .atomic, "atomic.Int64": .atomic, "atomic.Uint32": .atomic, "atomic.Uint64": .atomic,
        "atomic.Uintptr": .atomic, "atomic.Bool": .atomic, "atomic.Value": .atomic, "atomic.Pointer": .atomic,
        "sync.Map": .atomic, "sync.Once": .value, "sync.Pool": .atomic,
    ]

    /// Constructors and the type of what they return (`semaphore.NewWeighted(n)`).
    static let constructors: [String: String] = ["semaphore.NewWeighted": "semaphore.Weighted", "sync.NewCond": "sync.Cond"]

    /// `sync/atomic` functions whose first argument (`&x`) they write.
    static let atomicWriters: Set<String> = [
        "AddInt32", "AddInt64", "AddUint32", "AddUint64", "AddUintptr", "StoreInt32", "StoreInt64",
        "StoreUint32", "StoreUint64", "StoreUintptr", "StorePointer", "SwapInt32", "SwapInt64", "SwapUint32",
        "SwapUint64", "SwapUintptr", "SwapPointer", "CompareAndSwapInt32", "CompareAndSwapInt64",
        "CompareAndSwapUint32", "CompareAndSwapUint64", "CompareAndSwapUintptr", "CompareAndSwapPointer",
        "AndInt32", "AndInt64", "AndUint32", "AndUint64", "OrInt32", "OrInt64", "OrUint32", "OrUint64",
        "LoadInt32", "LoadInt64", "LoadUint32", "LoadUint64", "LoadUintptr", "LoadPointer",
    ]

    /// Calls that serve until the process ends (or the server is shut down): whoever makes them
    /// blocks for good, and a goroutine started for one is a daemon.
    static let serveForeverCalls: Set<String> = ["http.ListenAndServe", "http.ListenAndServeTLS", "http.Serve", "http.ServeTLS"]
    /// Server methods that do the same (`srv.ListenAndServe()`, `grpcServer.Serve(lis)`).
    static let serveForeverMethods: Set<String> = ["ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"]

    static func servesForever(package: String?, receiverIsValue: Bool, name: String) -> Bool {
        if let package { return serveForeverCalls.contains("\(package).\(name)") }
        return receiverIsValue && serveForeverMethods.contains(name)
    }

    /// Calls that return a collection as long as their input (lines, fields, directory entries).
    /// Not `flag.Args`: the arguments a person typed are few (a tool fed thousands by `xargs`
    /// gets them in batches).
    static let inputCollectionCalls: Set<String> = [
        "strings.Split", "strings.SplitN", "strings.SplitAfter", "strings.Fields", "strings.FieldsFunc",
        "bytes.Split", "bytes.SplitN", "bytes.Fields", "os.ReadDir", "ioutil.ReadDir", "filepath.Glob",
    ]

    /// Calls that look at the running goroutines: a count, stacks, a goroutine profile, a leak
    /// checker (package `goleak`).
    static let goroutineInspectionCalls: Set<String> = [
        "runtime.NumGoroutine", "runtime.Stack", "pprof.Lookup", "goleak.Find", "goleak.VerifyNone",
        "goleak.VerifyTestMain", "goleak.IgnoreCurrent",
    ]

    /// Calls that arm a check that the goroutines started afterwards have ended, run when the
    /// function value they return is called: `defer leaktest.Check(t)()` (fortytw2/leaktest),
    /// `report := test.CheckRoutines(t); defer report()` (pion/transport's `test` package).
    static let leakCheckArmingCalls: Set<String> = [
        "leaktest.Check", "leaktest.CheckTimeout", "leaktest.CheckContext", "test.CheckRoutines",
    ]

    /// Calls that end the process or the goroutine's test.
    static let processExits: Set<String> = [
        "os.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln",
        "runtime.Goexit", "syscall.Exit",
    ]

    /// Callees whose function-literal argument runs before they return.
    static let inPlaceCallees: Set<String> = [
        "Do", "Run", "Slice", "SliceStable", "Sort", "SortFunc", "SortStableFunc", "Walk", "WalkDir",
        "Map", "Range", "Search", "ContainsFunc", "IndexFunc", "DeleteFunc", "Inspect", "Fields",
        "FieldsFunc", "TrimFunc", "TrimLeftFunc", "TrimRightFunc", "Collect", "All", "Backward",
        "Seq", "Values", "Keys", "Helper", "Synctest", "Test",
    ]

    static let integerTypes: Set<String> = [
        "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte", "rune",
    ]

    /// Calls that return an integer count (so ranging over their result counts iterations).
    static let integerCalls: Set<String> = [
        "len", "cap", "runtime.NumCPU", "runtime.GOMAXPROCS", "runtime.NumGoroutine", "int", "int64", "uint",
        // Spelled bare in package runtime's own tests (`. "runtime"`) and in runtime itself.
        "NumCPU", "GOMAXPROCS", "min", "max",
    ]

    /// Method names on a wait group / errgroup / cond.
    static let groupWaits: Set<String> = ["Wait"]

    /// The category of a type expression.
    /// Calls that assert the caller holds a lock (the runtime's lock ranking): a function that
    /// starts with one is under the caller-holds convention.
    static let heldLockAssertions: Set<String> = ["assertLockHeld", "assertRWLockHeld", "assertWLockHeld", "assertRLockHeld"]

    /// Name prefixes of plain functions that build and return a value of their package's type
    /// (`NewServer`, `newConn`, `Open` for a `*DB`, `makeTable`, `createStore`).
    static let constructorPrefixes: [String] = ["New", "new", "Open", "open", "Make", "make", "Create", "create"]

    static func facts(ofType type: Expr?, imports: [String: String]) -> TypeFacts {
        guard var type else { return .unknown }
        if let star = type as? StarExpr { type = star.x }
        if let index = type as? IndexExpr { type = index.x }
        if let indexList = type as? IndexListExpr { type = indexList.x }
        if type is ChanType { return TypeFacts(.channel, name: "chan") }
        if type is MapType { return TypeFacts(.collection, name: "map") }
        if let array = type as? ArrayType {
            // `[N]T` has a length fixed at compile time (even when N is another package's constant).
            return TypeFacts(.collection, name: array.len == nil || array.len is Ellipsis ? "slice" : "array")
        }
        if let selector = type as? SelectorExpr, let package = selector.x as? Ident {
            let qualified = "\(imports[package.name] ?? package.name).\(selector.sel.name)"
            if let category = typeCategories[qualified] { return TypeFacts(category, name: qualified) }
            return TypeFacts(.unknown, name: qualified)
        }
        if let ident = type as? Ident, integerTypes.contains(ident.name) {
            return TypeFacts(.value, name: ident.name)
        }
        if let ident = type as? Ident {
            // Inside package sync itself the types are spelled bare.
            if let category = typeCategories["sync." + ident.name], imports["sync"] == nil, ["WaitGroup", "Mutex", "RWMutex"].contains(ident.name) {
                return TypeFacts(category, name: "sync." + ident.name)
            }
            return TypeFacts(.unknown, name: ident.name)
        }
        return .unknown
    }
}
