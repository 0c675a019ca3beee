import Foundation
import KinerjaProto

/// How kinerjactl makes every call, to whichever service: a deadline of `timeout`, a fresh
/// `request-id` (so an operator can find the call in the service's log), the bearer token when
/// signed in, and for writes an `idempotency-key`, which also lets the client retry the call.
struct CallPolicy: Sendable {
    /// How long each call may take (sent to the server as the call's timeout).
    var timeout: Duration
    /// Makes the request id of each call; tests replace it.
    var requestID: @Sendable () -> String = CallPolicy.randomRequestID

    init(timeout: Duration) {
        self.timeout = timeout
    }

    /// The options of one call.
    func options(accessToken: String? = nil, idempotencyKey: String? = nil) -> CallOptions {
        var metadata = Metadata()
        metadata[Metadata.WellKnownKey.requestID] = requestID()
        if let accessToken { metadata[Metadata.WellKnownKey.authorization] = "Bearer \(accessToken)" }
        if let idempotencyKey { metadata[Metadata.WellKnownKey.idempotencyKey] = idempotencyKey }
        return CallOptions(timeout: timeout, metadata: metadata, idempotent: idempotencyKey != nil)
    }

    /// `ctl-` and 16 random hex digits.
    static func randomRequestID() -> String {
        let hex = String(UInt64.random(in: .min ... .max), radix: 16)
        return "ctl-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A fresh idempotency key for one write: `<operation>-<random UUID>`, e.g. `skp-approve-…`.
    static func idempotencyKey(_ operation: String) -> String {
        "\(operation)-\(UUID().uuidString.lowercased())"
    }
}
