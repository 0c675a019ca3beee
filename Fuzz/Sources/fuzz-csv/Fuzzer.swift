import KinerjaFuzzTargets

/// libFuzzer's entry point for the `csv` target (Tests/KinerjaFuzzTargets).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.csv.runOrCrash(data, size)
    return 0
}
