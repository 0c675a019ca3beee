import Foundation
import KinerjaTLS
import Synchronization

/// Certificates for the tests, made once per test run with the `openssl` CLI in a temporary directory:
/// the development set from `deploy/pki/make-dev-pki.sh` plus deliberately bad leaves.
struct TestPKI: Sendable {
    let directory: String

    var caFile: String { "\(directory)/ca.pem" }
    var otherCAFile: String { "\(directory)/other/ca.pem" }
    /// The CRL of our CA, listing `bad("revoked")`.
    var revocationListFile: String { "\(directory)/crl.pem" }

    func service(_ name: String) -> (certificate: String, key: String) {
        ("\(directory)/service/\(name).pem", "\(directory)/service/\(name).key")
    }

    func client(_ name: String) -> (certificate: String, key: String) {
        ("\(directory)/client/\(name).pem", "\(directory)/client/\(name).key")
    }

    /// One of: expired, not-yet-valid, other-ca, ca-leaf, key-cert-sign, two-uris, no-uri, foreign-domain, revoked.
    func bad(_ name: String) -> (certificate: String, key: String) {
        ("\(directory)/bad/\(name).pem", "\(directory)/bad/\(name).key")
    }

    func configuration(_ files: (certificate: String, key: String), trust: String? = nil) -> TLSConfiguration {
        TLSConfiguration(certificateChainFile: files.certificate, privateKeyFile: files.key, trustRootsFile: trust ?? caFile)
    }

    func context(_ files: (certificate: String, key: String), _ adjust: (inout TLSConfiguration) -> Void = { _ in }) throws -> TLSContext {
        var configuration = configuration(files)
        adjust(&configuration)
        return try TLSContext(configuration: configuration)
    }

    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    private static let cache = Mutex<TestPKI?>(nil)

    /// The shared PKI, made on first use.
    static func shared() throws -> TestPKI {
        try cache.withLock { cached in
            if let cached { return cached }
            let made = try make()
            cached = made
            return made
        }
    }

    static func make() throws -> TestPKI {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-tls-pki-\(UUID().uuidString)").path
        let result = try runBlocking("/bin/bash", ["-c", script, "make-test-pki", directory, repositoryRoot])
        guard result.status == 0 else { throw CommandError("making the test PKI failed: \(result)") }
        return TestPKI(directory: directory)
    }

    private static let script = #"""
    set -euo pipefail
    d="$1"; repo="$2"
    bash "$repo/deploy/pki/make-dev-pki.sh" "$d" >/dev/null
    cd "$d"
    mkdir -p bad other caroot/new
    : > caroot/index.txt
    td=kinerja.kupangkota.go.id
    newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
    newkey other/ca.key
    openssl req -new -x509 -key other/ca.key -days 30 -subj "/CN=Some Other CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -out other/ca.pem 2>/dev/null
    cat > caroot/ca.cnf <<CONF
    [ca]
    default_ca = test
    [test]
    database = $d/caroot/index.txt
    new_certs_dir = $d/caroot/new
    rand_serial = yes
    default_md = sha256
    policy = any
    unique_subject = no
    copy_extensions = none
    [any]
    commonName = supplied
    CONF
    now_minus_day=$(date -u -d '-1 day' +%Y%m%d%H%M%SZ)
    in_30_days=$(date -u -d '+30 days' +%Y%m%d%H%M%SZ)
    # leaf NAME SIGNER START END BASIC KEYUSAGE SAN
    leaf() {
        local name=$1 signer=$2 start=$3 end=$4 basic=$5 ku=$6 san=$7
        newkey "bad/$name.key"
        openssl req -new -key "bad/$name.key" -subj "/CN=$name" -out "bad/$name.csr" 2>/dev/null
        printf 'basicConstraints=critical,%s\nkeyUsage=critical,%s\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=%s\n' \
            "$basic" "$ku" "$san" > "bad/$name.ext"
        openssl ca -batch -notext -config caroot/ca.cnf -cert "$signer/ca.pem" -keyfile "$signer/ca.key" \
            -startdate "$start" -enddate "$end" -extfile "bad/$name.ext" -in "bad/$name.csr" -out "bad/$name.pem" 2>/dev/null
        rm -f "bad/$name.csr" "bad/$name.ext"
    }
    mkdir -p dev && ln -sf ../ca.pem dev/ca.pem && ln -sf ../ca.key dev/ca.key
    uri() { echo "URI:spiffe://$td/client/$1,DNS:localhost,IP:127.0.0.1"; }
    leaf expired         dev   20200101000000Z 20200201000000Z   CA:FALSE digitalSignature "$(uri expired)"
    leaf not-yet-valid   dev   20990101000000Z 20991231000000Z   CA:FALSE digitalSignature "$(uri not-yet-valid)"
    leaf other-ca        other "$now_minus_day" "$in_30_days"    CA:FALSE digitalSignature "$(uri other-ca)"
    leaf ca-leaf         dev   "$now_minus_day" "$in_30_days"    CA:TRUE  digitalSignature,keyCertSign "$(uri ca-leaf)"
    leaf key-cert-sign   dev   "$now_minus_day" "$in_30_days"    CA:FALSE digitalSignature,keyCertSign "$(uri key-cert-sign)"
    leaf two-uris        dev   "$now_minus_day" "$in_30_days"    CA:FALSE digitalSignature "URI:spiffe://$td/client/a,URI:spiffe://$td/client/b"
    leaf no-uri          dev   "$now_minus_day" "$in_30_days"    CA:FALSE digitalSignature "DNS:localhost"
    leaf foreign-domain  dev   "$now_minus_day" "$in_30_days"    CA:FALSE digitalSignature "URI:spiffe://example.org/client/x"
    leaf revoked         dev   "$now_minus_day" "$in_30_days"    CA:FALSE digitalSignature "$(uri revoked)"
    bash "$repo/deploy/pki/make-dev-pki.sh" --revoke "$d/bad/revoked.pem" "$d" >/dev/null
    """#
}
