import ArgumentParser

/// `--expected-revision` of the draft writes.
struct ExpectedRevisionOption: ParsableArguments {
    @Option(help: ArgumentHelp("Draft revision you read; the write fails with ABORTED when the SKP changed since.",
                               valueName: "revision"))
    var expectedRevision: UInt64?

    var value: UInt64 { expectedRevision ?? 0 }
}
