// The connection vocabulary kinerjactl shares with kinerja-web (ServerAddress, ServiceEndpoint,
// ServiceClient, ServiceConnections) lives in KinerjaClient; every file of kinerjactl sees it.
@_exported public import KinerjaClient
