import CProtobufC
@testable import KinerjaProto

/// A message type with a repeated field of its own type (e.g. a unit tree node), and that field's number.
func selfNestingField() -> (any ProtoMessage.Type, UInt32)? {
    for type in KinerjaContract.messageTypes {
        let descriptor = type._layout.descriptor
        for i in 0..<Int(descriptor.pointee.n_fields) {
            let field = descriptor.pointee.fields[i]
            if field.type == PROTOBUF_C_TYPE_MESSAGE, UnsafeRawPointer(descriptor) == field.descriptor {
                return (type, field.id)
            }
        }
    }
    return nil
}

/// A message type with a repeated message field, and that field's number.
func repeatedMessageField() -> (any ProtoMessage.Type, UInt32)? {
    for type in KinerjaContract.messageTypes {
        let descriptor = type._layout.descriptor
        for i in 0..<Int(descriptor.pointee.n_fields) {
            let field = descriptor.pointee.fields[i]
            if field.type == PROTOBUF_C_TYPE_MESSAGE, field.label == PROTOBUF_C_LABEL_REPEATED {
                return (type, field.id)
            }
        }
    }
    return nil
}
