import Foundation
import KinerjaService
import Testing

@Suite("Loading a service configuration")
struct ConfigurationLoaderTests {
    /// Writes a configuration whose TLS files exist (this test file stands in for them).
    func write(_ json: String) throws -> String {
        let path = NSTemporaryDirectory() + "kinerja-config-\(UUID().uuidString).json"
        try json.replacingOccurrences(of: "$FILE", with: #filePath).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    let valid = """
        { "listen": { "port": 7401 }, "store": { "path": "/tmp/x.sqlite" },
          "tls": { "certificate": "$FILE", "private_key": "$FILE", "trust_roots": "$FILE" },
          "identity": { "demo_seed": 1 } }
        """

    /// A section like a service's own, with a nested key.
    struct Section: ConfigurationSection {
        var demoSeed: UInt64?
        var adminNIP = ""
        static let keys: [ConfigKey<Section>] = [
            .int("demo_seed", \.demoSeed, help: "seed"),
            .object("bootstrap", help: "bootstrap"),
            .string("bootstrap.admin_nip", \.adminNIP, help: "NIP"),
        ]
    }

    func load(_ json: String, environment: [String: String] = [:]) throws -> LoadedConfiguration<Section> {
        try ConfigurationLoader.load(file: try write(json), section: "identity", as: Section.self, environment: environment)
    }

    func error(_ json: String, environment: [String: String] = [:]) -> ConfigurationError? {
        do {
            _ = try load(json, environment: environment)
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            return ConfigurationError(key: "?", "\(error)")
        }
    }

    @Test("a minimal file gets the documented defaults")
    func defaults() throws {
        let c = try load(valid).common
        #expect(c.listen.host == "127.0.0.1")
        #expect(c.limits.maxFrameBytes == 4 << 20)
        #expect(c.limits.maxConcurrentCalls == 256)
        #expect(c.log.level == "info")
        #expect(c.store.busyTimeoutSeconds == 5)
    }

    @Test("an environment variable KINERJA_<PATH> overrides a key, parsed as JSON when it is JSON")
    func overrides() throws {
        let c = try load(valid, environment: ["KINERJA_LISTEN__PORT": "7411", "KINERJA_LOG__LEVEL": "debug",
                                              "KINERJA_PKI": "/elsewhere", "KINERJA_SESSION": "x"]).common
        #expect(c.listen.port == 7411)
        #expect(c.log.level == "debug")
    }

    @Test("an unknown key stops start-up and is named, also inside the service's section")
    func unknownKey() {
        #expect(error(valid.replacingOccurrences(of: "\"port\": 7401", with: "\"port\": 7401, \"prot\": 1"))?.key == "listen.prot")
        #expect(error(valid.replacingOccurrences(of: "\"demo_seed\": 1", with: "\"demo_sed\": 1"))?.key == "identity.demo_sed")
        #expect(error(valid, environment: ["KINERJA_LOG__LEVLE": "debug"])?.key == "log.levle")
    }

    @Test("a missing required key, a wrong type or a value out of range is named")
    func badValues() {
        #expect(error(valid.replacingOccurrences(of: "\"store\": { \"path\": \"/tmp/x.sqlite\" },", with: ""))?.key == "store.path")
        #expect(error(valid.replacingOccurrences(of: "7401", with: "\"seven\""))?.key == "listen.port")
        #expect(error(valid.replacingOccurrences(of: "7401", with: "70000"))?.key == "listen.port")
        #expect(error(valid, environment: ["KINERJA_LOG__LEVEL": "loud"])?.key == "log.level")
        #expect(error(valid, environment: ["KINERJA_LIMITS__MAX_FRAME_BYTES": "10"])?.key == "limits.max_frame_bytes")
        #expect(error(valid, environment: ["KINERJA_PEERS__IDENTITY__ADDRESS": "nowhere", "KINERJA_PEERS__IDENTITY__IDENTITY": "spiffe://kinerja.kupangkota.go.id/service/identity"])?.key == "peers.identity.address")
    }

    @Test("a section that is not an object is an error naming it, not a crash")
    func sectionNotObject() {
        #expect(error(valid.replacingOccurrences(of: "\"identity\": { \"demo_seed\": 1 }", with: "\"identity\": 5"))?.key == "identity")
        #expect(error(valid, environment: ["KINERJA_IDENTITY": "x"])?.key == "identity")
        #expect(error(valid, environment: ["KINERJA_LOG": "5"])?.key == "log")
    }

    @Test("an override of a string key stays a string, and an 18-digit NIP is never a number")
    func digitOverrides() throws {
        let loaded = try load(valid, environment: ["KINERJA_IDENTITY__BOOTSTRAP__ADMIN_NIP": "198705122010011003",
                                                   "KINERJA_STORE__PATH": "12345"])
        #expect(loaded.common.store.path == "12345")
        #expect(loaded.section.adminNIP == "198705122010011003")
    }

    @Test("a TLS file that cannot be read is named")
    func missingFile() {
        #expect(error(valid.replacingOccurrences(of: "\"private_key\": \"$FILE\"", with: "\"private_key\": \"/nonexistent/key.pem\""))?.key == "tls.private_key")
    }

    @Test("each key is declared once: a boolean is not an integer, an integer not a boolean, and a section's range is named")
    func declaredKeys() {
        #expect(error(valid.replacingOccurrences(of: "7401", with: "true"))?.key == "listen.port")
        #expect(error(valid, environment: ["KINERJA_STORE__CHECK_INTEGRITY_AT_OPEN": "1"])?.key == "store.check_integrity_at_open")
        #expect(error(valid.replacingOccurrences(of: "\"demo_seed\": 1", with: "\"demo_seed\": -1"))?.key == "identity.demo_seed")
        #expect(error(valid, environment: ["KINERJA_IDENTITY_CLIENT__CACHE_SECONDS": "0"])?.key == "identity_client.cache_seconds")
        #expect(error(valid.replacingOccurrences(of: "\"demo_seed\": 1", with: "\"bootstrap\": 1"))?.key == "identity.bootstrap")
    }

    @Test("a file that is not JSON, or not an object, is refused with a message")
    func notJSON() {
        #expect(error("{ listen: 1 ")?.message.contains("not valid JSON") == true)
        #expect(error("[1, 2]")?.message.contains("JSON object") == true)
    }
}
