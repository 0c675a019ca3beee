import KinerjaTLS
import Testing

@Suite("Peer identity: the single SPIFFE URI SAN of a leaf")
struct PeerIdentityTests {
    @Test("a service URI parses into kind service and its name")
    func service() throws {
        let identity = try PeerIdentity(uri: "spiffe://kinerja.kupangkota.go.id/service/planning")
        #expect(identity.kind == .service)
        #expect(identity.name == "planning")
        #expect(identity.trustDomain == "kinerja.kupangkota.go.id")
        #expect(identity == (try PeerIdentity(kind: .service, name: "planning")))
    }

    @Test("a client URI parses into kind client and its name")
    func client() throws {
        let identity = try PeerIdentity(uri: "spiffe://kinerja.kupangkota.go.id/client/hr-portal")
        #expect(identity.kind == .client && identity.name == "hr-portal")
        #expect(identity.description == "spiffe://kinerja.kupangkota.go.id/client/hr-portal")
    }

    @Test("anything but spiffe://<our trust domain>/(service|client)/<name> is refused", arguments: [
        "https://kinerja.kupangkota.go.id/service/planning",
        "spiffe://example.org/service/planning",
        "spiffe://kinerja.kupangkota.go.id.evil.example/service/planning",
        "spiffe://kinerja.kupangkota.go.id/admin/planning",
        "spiffe://kinerja.kupangkota.go.id/service/",
        "spiffe://kinerja.kupangkota.go.id/service/planning/extra",
        "spiffe://kinerja.kupangkota.go.id/service/Planning",
        "spiffe://kinerja.kupangkota.go.id/service/-planning",
        "spiffe://kinerja.kupangkota.go.id/service/plan ning",
        "spiffe://kinerja.kupangkota.go.id/service/planning?x=1",
        "spiffe://kinerja.kupangkota.go.id/service/plan\u{0}ning",
        "spiffe://kinerja.kupangkota.go.id/service/" + String(repeating: "a", count: 64),
    ])
    func refused(uri: String) {
        #expect(throws: TLSError.self) { try PeerIdentity(uri: uri) }
    }

    @Test("an agency may use its own trust domain")
    func otherTrustDomain() throws {
        let identity = try PeerIdentity(uri: "spiffe://bkpsdm.kupangkota.go.id/client/operator", trustDomain: "bkpsdm.kupangkota.go.id")
        #expect(identity.name == "operator")
    }
}
