import KinerjaFuzzTargets

/// libFuzzer's entry point for the `skpcsv` target (Tests/KinerjaFuzzTargets).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.skpcsv.runOrCrash(data, size)
    return 0
}
