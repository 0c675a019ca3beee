/// Whose address a sign-in attempt counts against in the per-address limit.
///
/// Normally the TCP peer's host. The web gateway (`client/web`) signs in every browser user from
/// its own address, so it sends the browser's address in the call's `client-address` metadata;
/// that value is believed **only** from the gateway's certificate (any other caller sending it is
/// ignored), and only when it looks like an IPv4 or IPv6 address. It is kept apart from real peer
/// addresses (`web/…`), so a browser's bucket is never a machine client's.
public enum SignInAddress {
    /// The client whose `client-address` metadata is trusted.
    public static let trustedClient = "web"

    /// The per-address limiter's key for an attempt from `remoteAddress` (`host:port`) by a peer
    /// that is the client `clientName` (nil for a service or an unknown peer), which sent `forwarded`.
    public static func key(remoteAddress: String?, clientName: String?, forwarded: String?) -> String {
        if clientName == trustedClient, let forwarded, isAddress(forwarded) { return "web/" + forwarded.lowercased() }
        let address = remoteAddress ?? "unknown"
        // A client's source port changes with every connection: the host only.
        let host = address.split(separator: ":").dropLast().joined(separator: ":")
        return host.isEmpty ? address : host
    }

    /// An IPv4 or IPv6 address as text: hex digits, dots and colons, 2–45 characters.
    static func isAddress(_ text: String) -> Bool {
        (2...45).contains(text.utf8.count) && text.contains(where: { $0 == "." || $0 == ":" })
            && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) || $0 == "." || $0 == ":" }
    }
}
