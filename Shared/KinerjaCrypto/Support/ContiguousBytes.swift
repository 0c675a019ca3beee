/// Calls `body` with the bytes of `collection` in one contiguous buffer whose base address is
/// never nil, copying only when the collection does not store its bytes contiguously.
///
/// OpenSSL entry points take a pointer and a length; a nil pointer with length zero is accepted
/// by some and not others, so empty input gets a valid zero-length buffer.
func withContiguousBytes<R, E: Error>(
    _ collection: some Collection<UInt8>,
    _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R
) throws(E) -> R {
    if collection.isEmpty {
        var scratch: UInt8 = 0
        return try withUnsafePointer(to: &scratch) { pointer throws(E) in
            try body(UnsafeBufferPointer(start: pointer, count: 0))
        }
    }
    // withContiguousStorageIfAvailable is `rethrows`, which erases the error type; carry it
    // through a Result instead.
    let outcome: Result<R, E>? = collection.withContiguousStorageIfAvailable { buffer in
        do throws(E) { return .success(try body(buffer)) } catch { return .failure(error) }
    }
    if let outcome { return try outcome.get() }
    return try withContiguousBytes(Array(collection), body)
}
