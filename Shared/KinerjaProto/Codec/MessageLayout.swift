internal import CProtobufC

/// The protobuf-c descriptor of a generated message: field offsets, quantifier
/// offsets and types as the C compiler laid the structure out.
public struct MessageLayout: @unchecked Sendable {
    // The descriptors are immutable C constants with static storage duration.
    let descriptor: UnsafePointer<ProtobufCMessageDescriptor>

    init(_ descriptor: UnsafePointer<ProtobufCMessageDescriptor>) {
        self.descriptor = descriptor
    }

    /// The field at `index` in the descriptor's field array (sorted by field number).
    @inline(__always)
    func field(_ index: Int) -> UnsafePointer<ProtobufCFieldDescriptor> {
        descriptor.pointee.fields.advanced(by: index)
    }

    /// The proto field name at `index`, for error messages.
    func fieldName(_ index: Int) -> String {
        String(cString: field(index).pointee.name)
    }
}
