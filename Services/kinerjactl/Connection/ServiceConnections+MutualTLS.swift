import KinerjaClient

extension ServiceConnections {
    /// Connections with the operator's certificate from `pki`, each checking that the server's
    /// certificate names the service it was asked for.
    static func mutualTLS(addresses: @escaping Addresses, pki: String, certificateName: String) -> ServiceConnections {
        ServiceConnections(addresses: addresses) { service, address in
            let client = try MutualTLSClient.open(server: address, serverIdentityURI: service.identityURI, pki: pki,
                                                  certificateName: certificateName)
            return Opened(transport: client, close: { await client.close() })
        }
    }
}
