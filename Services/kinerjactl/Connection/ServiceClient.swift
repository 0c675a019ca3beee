import KinerjaProto

// `ServiceClient` and the generated stubs' conformances live in KinerjaClient (shared with kinerja-web).

/// The caller types the commands use.
typealias IdentityCaller = SignedInCaller<Identity.IdentityService.Client>
typealias PlanningCaller = SignedInCaller<Planning.PlanningService.Client>
