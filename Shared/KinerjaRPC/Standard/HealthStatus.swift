public import KinerjaProto
import Synchronization
import KinerjaTLS

/// The serving status of each service on a server, watched by the health service.
public final class HealthStatus: Sendable {
    private struct State {
        var statuses: [String: Bool]
        var watchers: [Int: (service: String, continuation: AsyncStream<RPC.ServingStatus>.Continuation)] = [:]
        var nextWatcher = 0
    }

    private let state: Mutex<State>

    init(services: [String]) {
        var statuses = Dictionary(uniqueKeysWithValues: services.map { ($0, true) })
        statuses[""] = true
        state = Mutex(State(statuses: statuses))
    }

    /// Marks one service (or the server, for "") as serving or not.
    public func set(_ service: String, serving: Bool) {
        let watchers = state.withLock { state -> [AsyncStream<RPC.ServingStatus>.Continuation] in
            guard state.statuses[service] != nil else { return [] }
            state.statuses[service] = serving
            return state.watchers.values.filter { $0.service == service }.map(\.continuation)
        }
        for watcher in watchers { watcher.yield(serving ? .serving : .notServing) }
    }

    /// Marks every service and the server.
    public func setAll(serving: Bool) {
        let services = state.withLock { Array($0.statuses.keys) }
        for service in services { set(service, serving: serving) }
    }

    /// The status of a service.
    public func status(of service: String) -> RPC.ServingStatus {
        state.withLock { state in
            guard let serving = state.statuses[service] else { return .serviceUnknown }
            return serving ? .serving : .notServing
        }
    }

    func watch(_ service: String) -> AsyncStream<RPC.ServingStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: RPC.ServingStatus.self, bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state -> Int in
            let id = state.nextWatcher
            state.nextWatcher += 1
            state.watchers[id] = (service, continuation)
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
        }
        continuation.yield(status(of: service))
        return stream
    }
}

/// `kinerja.rpc.v1.HealthService`, hosted by every server.
struct HealthProvider: RPC.HealthService.ServiceProtocol {
    let status: HealthStatus
    /// The server's TLS context: its certificate's expiry goes with every answer.
    let tls: TLSContext

    func check(_ request: RPC.CheckRequest, context: ServerContext) async throws -> RPC.CheckResponse {
        let serving = status.status(of: request.service)
        guard serving != .serviceUnknown else {
            throw RPCError(.notFound, "this server does not host \(request.service.prefix(256).debugDescription)")
        }
        var response = RPC.CheckResponse(status: serving)
        if let notAfter = tls.certificateNotAfter { response.certificateNotAfter = Common.Timestamp(seconds: notAfter) }
        return response
    }

    func watch(_ request: RPC.WatchRequest, responses: RPCWriter<RPC.WatchResponse>, context: ServerContext) async throws {
        for await serving in status.watch(request.service) {
            try await responses.write(RPC.WatchResponse(status: serving))
            if serving == .serviceUnknown { return }
        }
    }
}
