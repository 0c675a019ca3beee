/// The protocol's limits (docs/PROTOCOL.md, section 5), with their documented defaults.
public struct RPCLimits: Sendable, Hashable {
    /// 4 MiB.
    public static let defaultMaxFrameSize = 4 << 20
    /// Messages each side may send on a call before the receiver grants more. A constant of the
    /// protocol (both sides must agree before any frame is exchanged), not a setting.
    public static let initialWindow = 32

    /// Largest frame payload accepted (default 4 MiB).
    public var maxFrameSize: Int = RPCLimits.defaultMaxFrameSize
    /// Largest encoded `CallHeader` accepted (default 16 KiB).
    public var maxMetadataSize: Int = 16 << 10
    /// Calls open at once on one connection (default 256); the excess gets RESOURCE_EXHAUSTED.
    public var maxConcurrentCalls: Int = 256
    /// Received message bytes waiting for handlers before the server stops reading (default 8 MiB).
    public var maxBufferedInboundBytes: Int = 8 << 20
    /// Pings answered per second on average (default 1).
    public var pingsPerSecond: Double = 1
    /// Pings answered in a burst (default 10).
    public var pingBurst: Double = 10
    /// A connection with no open call and no frame for this long is closed (default 5 minutes).
    public var idleTimeout: Duration = .seconds(300)
    /// How long a draining server waits for calls in flight (default 30 s).
    public var drainGracePeriod: Duration = .seconds(30)

    /// The documented defaults.
    public init() {}
}
