internal import CProtobufC

/// Writes Swift values into one protobuf-c message structure (used by generated code).
public struct MessageEncoder {
    let arena: EncodeArena
    let base: UnsafeMutableRawPointer
    let layout: MessageLayout

    init(arena: EncodeArena, base: UnsafeMutableRawPointer, layout: MessageLayout) {
        self.arena = arena
        self.base = base
        self.layout = layout
    }

    @inline(__always) private func slot(_ index: Int) -> UnsafeMutableRawPointer {
        base + Int(layout.field(index).pointee.offset)
    }

    @inline(__always) private func quantifier(_ index: Int) -> UnsafeMutableRawPointer {
        base + Int(layout.field(index).pointee.quantifier_offset)
    }

    private func typeName() -> String { String(cString: layout.descriptor.pointee.name) }

    /// Marks field `index` as the chosen member of its oneof.
    mutating func oneofCase(_ index: Int) {
        quantifier(index).storeBytes(of: layout.field(index).pointee.id, as: UInt32.self)
    }

    /// Stores a fixed-size scalar (integers, floats, enum numbers).
    mutating func scalar<T: BitwiseCopyable>(_ index: Int, _ value: T) {
        slot(index).storeBytes(of: value, as: T.self)
    }

    /// Stores a bool as protobuf-c's `protobuf_c_boolean` (a C int).
    mutating func bool(_ index: Int, _ value: Bool) {
        slot(index).storeBytes(of: Int32(value ? 1 : 0), as: Int32.self)
    }

    /// Stores a string; the empty string keeps protobuf-c's default.
    mutating func string(_ index: Int, _ value: String) throws(ProtoError) {
        if value.isEmpty { return }
        let pointer = try arena.cString(value, field: { layout.fieldName(index) }, type: typeName())
        slot(index).storeBytes(of: pointer, as: UnsafeMutablePointer<CChar>.self)
    }

    /// Stores a string even when empty (a oneof member must point at something).
    mutating func oneofString(_ index: Int, _ value: String) throws(ProtoError) {
        let pointer = try arena.cString(value, field: { layout.fieldName(index) }, type: typeName())
        slot(index).storeBytes(of: pointer, as: UnsafeMutablePointer<CChar>.self)
    }

    /// Stores bytes as `ProtobufCBinaryData`.
    mutating func bytes(_ index: Int, _ value: [UInt8]) {
        if value.isEmpty { return }
        let data = ProtobufCBinaryData(len: value.count, data: arena.copy(value).assumingMemoryBound(to: UInt8.self))
        slot(index).storeBytes(of: data, as: ProtobufCBinaryData.self)
    }

    /// Stores a nested message; nil leaves the field absent.
    mutating func message<M: ProtoMessage>(_ index: Int, _ value: M?) throws(ProtoError) {
        guard let value else { return }
        let child = try arena.build(value)
        slot(index).storeBytes(of: child, as: UnsafeMutablePointer<ProtobufCMessage>.self)
    }

    private mutating func repeated(_ index: Int, count: Int, elementSize: Int) -> UnsafeMutableRawPointer? {
        guard count > 0 else { return nil }
        let array = arena.allocate(count * elementSize)
        quantifier(index).storeBytes(of: count, as: Int.self)
        slot(index).storeBytes(of: array, as: UnsafeMutableRawPointer.self)
        return array
    }

    /// Stores a repeated fixed-size scalar field.
    mutating func repeatedScalar<T: BitwiseCopyable>(_ index: Int, _ values: [T]) {
        guard let array = repeated(index, count: values.count, elementSize: MemoryLayout<T>.stride) else { return }
        values.withUnsafeBytes { array.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
    }

    /// Stores a repeated bool field as C ints.
    mutating func repeatedBool(_ index: Int, _ values: [Bool]) {
        guard let array = repeated(index, count: values.count, elementSize: 4) else { return }
        for (i, value) in values.enumerated() {
            array.storeBytes(of: Int32(value ? 1 : 0), toByteOffset: i * 4, as: Int32.self)
        }
    }

    /// Stores a repeated enum field as C ints.
    mutating func repeatedEnum<E: ProtoEnum>(_ index: Int, _ values: [E]) {
        guard let array = repeated(index, count: values.count, elementSize: 4) else { return }
        for (i, value) in values.enumerated() {
            array.storeBytes(of: value.rawValue, toByteOffset: i * 4, as: Int32.self)
        }
    }

    /// Stores a repeated string field.
    mutating func repeatedString(_ index: Int, _ values: [String]) throws(ProtoError) {
        let stride = MemoryLayout<UnsafeMutablePointer<CChar>>.stride
        guard let array = repeated(index, count: values.count, elementSize: stride) else { return }
        for (i, value) in values.enumerated() {
            let pointer = try arena.cString(value, field: { layout.fieldName(index) }, type: typeName())
            array.storeBytes(of: pointer, toByteOffset: i * stride, as: UnsafeMutablePointer<CChar>.self)
        }
    }

    /// Stores a repeated bytes field.
    mutating func repeatedBytes(_ index: Int, _ values: [[UInt8]]) {
        let stride = MemoryLayout<ProtobufCBinaryData>.stride
        guard let array = repeated(index, count: values.count, elementSize: stride) else { return }
        for (i, value) in values.enumerated() {
            let data = value.isEmpty
                ? ProtobufCBinaryData(len: 0, data: nil)
                : ProtobufCBinaryData(len: value.count, data: arena.copy(value).assumingMemoryBound(to: UInt8.self))
            array.storeBytes(of: data, toByteOffset: i * stride, as: ProtobufCBinaryData.self)
        }
    }

    /// Stores a repeated message field.
    mutating func repeatedMessage<M: ProtoMessage>(_ index: Int, _ values: [M]) throws(ProtoError) {
        let stride = MemoryLayout<UnsafeMutablePointer<ProtobufCMessage>>.stride
        guard let array = repeated(index, count: values.count, elementSize: stride) else { return }
        for (i, value) in values.enumerated() {
            let child = try arena.build(value)
            array.storeBytes(of: child, toByteOffset: i * stride, as: UnsafeMutablePointer<ProtobufCMessage>.self)
        }
    }
}
