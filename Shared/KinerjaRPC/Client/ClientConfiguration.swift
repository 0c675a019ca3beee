public import KinerjaTLS

/// How a client reaches one service.
public struct ClientConfiguration: Sendable {
    /// Keepalive pings on idle connections.
    public struct Keepalive: Sendable, Hashable {
        /// Ping after this long without a frame; zero turns keepalive off (default 30 s).
        public var interval: Duration = .seconds(30)
        /// Close when no PONG arrives within this long (default 10 s).
        public var timeout: Duration = .seconds(10)
        public init() {}
    }

    /// Host name or address of the server.
    public var host: String
    /// Port of the server.
    public var port: Int
    /// The identity the server's certificate must carry (e.g. `…/service/identity`).
    public var serverIdentity: PeerIdentity
    /// Our certificate, key and CA.
    public var tls: TLSContext
    /// Connections kept to the server; calls are spread over them (default 1: calls multiplex).
    public var connections: Int = 1
    /// How long a connection (TCP + TLS) may take (default 5 s).
    public var connectTimeout: Duration = .seconds(5)
    /// Retries and backoff.
    public var retry = RetryPolicy()
    /// Keepalive.
    public var keepalive = Keepalive()
    /// Protocol limits (frame size, window).
    public var limits = RPCLimits()
    /// Run around every call, in order.
    public var interceptors: [any ClientInterceptor] = []

    /// A configuration with the documented defaults.
    public init(host: String, port: Int, serverIdentity: PeerIdentity, tls: TLSContext) {
        self.host = host
        self.port = port
        self.serverIdentity = serverIdentity
        self.tls = tls
    }
}
