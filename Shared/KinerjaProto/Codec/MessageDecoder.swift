internal import CProtobufC
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Reads Swift values out of one unpacked protobuf-c message structure (used by generated code).
public struct MessageDecoder {
    let base: UnsafeRawPointer
    let layout: MessageLayout

    init(_ base: UnsafeRawPointer, _ layout: MessageLayout) {
        self.base = base
        self.layout = layout
    }

    @inline(__always) private func slot(_ index: Int) -> UnsafeRawPointer {
        base + Int(layout.field(index).pointee.offset)
    }

    @inline(__always) private func count(_ index: Int) -> Int {
        (base + Int(layout.field(index).pointee.quantifier_offset)).load(as: Int.self)
    }

    private func typeName() -> String { String(cString: layout.descriptor.pointee.name) }

    /// The field number of the oneof member that is set (0 when none), read through member `index`.
    func oneofCase(_ index: Int) -> UInt32 {
        (base + Int(layout.field(index).pointee.quantifier_offset)).load(as: UInt32.self)
    }

    /// Reads a fixed-size scalar.
    func scalar<T: BitwiseCopyable>(_ index: Int) -> T {
        slot(index).load(as: T.self)
    }

    /// Reads a bool stored as a C int.
    func bool(_ index: Int) -> Bool {
        slot(index).load(as: Int32.self) != 0
    }

    /// Reads an enum number.
    func enumeration<E: ProtoEnum>(_ index: Int) -> E {
        E(rawValue: slot(index).load(as: Int32.self))
    }

    private func decodeString(_ pointer: UnsafePointer<CChar>?, _ index: Int) throws(ProtoError) -> String {
        guard let pointer, pointer.pointee != 0 else { return "" }
        // protobuf-c's strings are NUL-terminated and WireScanner refused any NUL inside one, so the
        // C string is the whole field. `String(validatingCString:)` is not generic: the generic
        // `String(validating:as:)` looked up its metadata on every string (a tenth of a decode).
        guard let string = String(validatingCString: pointer) else {
            throw ProtoError(.invalidUTF8, typeName(), "field \(layout.fieldName(index)) is not valid UTF-8")
        }
        return string
    }

    /// Reads a string, validating UTF-8.
    func string(_ index: Int) throws(ProtoError) -> String {
        try decodeString(slot(index).load(as: UnsafePointer<CChar>?.self), index)
    }

    /// Reads bytes.
    func bytes(_ index: Int) -> [UInt8] {
        let data = slot(index).load(as: ProtobufCBinaryData.self)
        guard data.len > 0, let pointer = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: data.len))
    }

    /// Reads a nested message; nil when absent.
    func message<M: ProtoMessage>(_ index: Int) throws(ProtoError) -> M? {
        guard let child = slot(index).load(as: UnsafeRawPointer?.self) else { return nil }
        return try M(_decoding: MessageDecoder(child, M._layout))
    }

    private func array(_ index: Int) -> (UnsafeRawPointer, Int)? {
        let n = count(index)
        guard n > 0, let array = slot(index).load(as: UnsafeRawPointer?.self) else { return nil }
        return (array, n)
    }

    /// Reads a repeated fixed-size scalar field.
    func repeatedScalar<T: BitwiseCopyable>(_ index: Int) -> [T] {
        guard let (array, n) = array(index) else { return [] }
        return Array(UnsafeBufferPointer(start: array.assumingMemoryBound(to: T.self), count: n))
    }

    /// Reads a repeated bool field.
    func repeatedBool(_ index: Int) -> [Bool] {
        guard let (array, n) = array(index) else { return [] }
        return (0..<n).map { array.load(fromByteOffset: $0 * 4, as: Int32.self) != 0 }
    }

    /// Reads a repeated enum field.
    func repeatedEnum<E: ProtoEnum>(_ index: Int) -> [E] {
        guard let (array, n) = array(index) else { return [] }
        return (0..<n).map { E(rawValue: array.load(fromByteOffset: $0 * 4, as: Int32.self)) }
    }

    /// Reads a repeated string field.
    func repeatedString(_ index: Int) throws(ProtoError) -> [String] {
        guard let (array, n) = array(index) else { return [] }
        var result: [String] = []
        result.reserveCapacity(n)
        let stride = MemoryLayout<UnsafePointer<CChar>?>.stride
        for i in 0..<n {
            result.append(try decodeString(array.load(fromByteOffset: i * stride, as: UnsafePointer<CChar>?.self), index))
        }
        return result
    }

    /// Reads a repeated bytes field.
    func repeatedBytes(_ index: Int) -> [[UInt8]] {
        guard let (array, n) = array(index) else { return [] }
        let stride = MemoryLayout<ProtobufCBinaryData>.stride
        return (0..<n).map { i in
            let data = array.load(fromByteOffset: i * stride, as: ProtobufCBinaryData.self)
            guard data.len > 0, let pointer = data.data else { return [] }
            return Array(UnsafeBufferPointer(start: pointer, count: data.len))
        }
    }

    /// Reads a repeated message field.
    func repeatedMessage<M: ProtoMessage>(_ index: Int) throws(ProtoError) -> [M] {
        guard let (array, n) = array(index) else { return [] }
        var result: [M] = []
        result.reserveCapacity(n)
        let stride = MemoryLayout<UnsafeRawPointer?>.stride
        for i in 0..<n {
            guard let child = array.load(fromByteOffset: i * stride, as: UnsafeRawPointer?.self) else { continue }
            result.append(try M(_decoding: MessageDecoder(child, M._layout)))
        }
        return result
    }
}
