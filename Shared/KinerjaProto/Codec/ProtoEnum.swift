/// An enum of the Kinerja contract. Proto3 enums are open: a number this
/// build does not know decodes to an `unrecognized` case and encodes back unchanged.
public protocol ProtoEnum: Sendable, Hashable {
    /// The value for a wire number; unknown numbers become `unrecognized`.
    init(rawValue: Int32)
    /// The wire number.
    var rawValue: Int32 { get }
    /// The name in `proto/`, e.g. `PREDIKAT_BAIK`; nil for an unrecognized number.
    var protoName: String? { get }
    /// Every value this build knows, in declaration order.
    static var knownCases: [Self] { get }
}
