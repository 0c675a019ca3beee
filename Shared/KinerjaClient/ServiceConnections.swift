public import KinerjaProto
import Synchronization

/// The connections of one command (or one gateway): one mutual-TLS client per service it uses, opened on first
/// use (opening loads the certificate; the client connects on its first call) and closed
/// together when the command ends (or the gateway stops).
public final class ServiceConnections: Sendable {
    /// An open transport and how to close it.
    public struct Opened: Sendable {
        public var transport: any ClientTransport
        public var close: @Sendable () async -> Void

        public init(transport: any ClientTransport, close: @escaping @Sendable () async -> Void) {
            self.transport = transport
            self.close = close
        }
    }

    /// Opens a transport to `service` at `address` (tests pass in-memory ones).
    public typealias Opener = @Sendable (_ service: ServiceEndpoint, _ address: ServerAddress) throws -> Opened
    /// Where `service` listens.
    public typealias Addresses = @Sendable (_ service: ServiceEndpoint) throws -> ServerAddress

    private let addresses: Addresses
    private let opener: Opener
    private let opened = Mutex<[ServiceEndpoint: (address: ServerAddress, opened: Opened)]>([:])

    public init(addresses: @escaping Addresses, opener: @escaping Opener) {
        self.addresses = addresses
        self.opener = opener
    }

    /// Where `service` listens (the same answer every time within one command).
    public func address(of service: ServiceEndpoint) throws -> ServerAddress {
        if let known = opened.withLock({ $0[service]?.address }) { return known }
        return try addresses(service)
    }

    /// The transport to `service` and its address, opened now if it is not yet.
    public func transport(to service: ServiceEndpoint) throws -> (transport: any ClientTransport, address: ServerAddress) {
        if let known = opened.withLock({ $0[service] }) { return (known.opened.transport, known.address) }
        let address = try addresses(service)
        let fresh = try opener(service, address)
        let raced = opened.withLock { opened -> (address: ServerAddress, opened: Opened)? in
            if let raced = opened[service] { return raced }
            opened[service] = (address, fresh)
            return nil
        }
        guard let raced else { return (fresh.transport, address) }
        // Another task opened it meanwhile: use that one; this one never connected.
        Task { await fresh.close() }
        return (raced.opened.transport, raced.address)
    }

    /// The generated client of `Client`'s service and the address it talks to.
    public func client<Client: ServiceClient>(_ type: Client.Type) throws -> (client: Client, address: ServerAddress) {
        let (transport, address) = try transport(to: Client.endpoint)
        return (Client(transport: transport), address)
    }

    /// Closes every connection opened so far.
    public func close() async {
        let all = opened.withLock { opened in
            defer { opened.removeAll() }
            return Array(opened.values)
        }
        for entry in all { await entry.opened.close() }
    }

    /// Runs `body` and closes the connections afterwards, whether it succeeded or not.
    public func run<R>(_ body: (ServiceConnections) async throws -> R) async throws -> R {
        do {
            let result = try await body(self)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }
}
