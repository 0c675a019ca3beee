import Foundation

/// Independent TLS peers: the `openssl` CLI and Python's standard-library `ssl`.
enum Peers {
    static let openssl = "/usr/bin/openssl"
    /// Debian's python3 (the `python3` package), not whatever a version manager puts first on PATH.
    static let python = "/usr/bin/python3"

    /// `openssl s_client` against our server; sends "hello\nQUIT\n" and waits for the server to close.
    static func sClient(
        port: Int, pki: TestPKI, certificate: (certificate: String, key: String)?,
        alpn: String? = "kinerja-rpc/1", extra: [String] = []
    ) async throws -> CommandResult {
        var arguments = ["s_client", "-connect", "127.0.0.1:\(port)", "-CAfile", pki.caFile,
                         "-verify_return_error", "-ign_eof", "-servername", "localhost"]
        if let certificate { arguments += ["-cert", certificate.certificate, "-key", certificate.key] }
        if let alpn { arguments += ["-alpn", alpn] }
        return try await run(openssl, arguments + extra, stdin: "hello\nQUIT\n", timeout: .seconds(60))
    }

    /// Runs `body` with `openssl s_server -rev` (answers each line reversed) presenting `certificate`
    /// and listening on the port passed to `body`; the server is killed and reaped when `body`
    /// returns or throws, or when the wait for its port times out.
    static func withSServer<T>(
        pki: TestPKI, certificate: (certificate: String, key: String), alpn: String? = "kinerja-rpc/1",
        _ body: (_ server: BackgroundCommand, _ port: Int) async throws -> T
    ) async throws -> T {
        var arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", certificate.certificate, "-key", certificate.key,
                         "-CAfile", pki.caFile, "-Verify", "1", "-verify_return_error", "-rev", "-naccept", "1", "-tls1_3"]
        if let alpn { arguments += ["-alpn", alpn] }
        return try await withBackgroundCommand(openssl, arguments) { command in
            let port = try await command.waitForOutput { output -> Int? in
                guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
                      let port = line.split(separator: ":").last else { return nil }
                return Int(port)
            }
            return try await body(command, port)
        }
    }

    /// A Python `ssl` client; prints the version, the ALPN protocol and the echo.
    static func python(
        port: Int, pki: TestPKI, certificate: (certificate: String, key: String)?, alpn: [String] = ["kinerja-rpc/1"]
    ) async throws -> CommandResult {
        let script = """
        import socket, ssl, sys
        port, ca, cert, key = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
        alpn = [p for p in sys.argv[5].split(",") if p]
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.load_verify_locations(ca)
        if cert:
            ctx.load_cert_chain(cert, key)
        if alpn:
            ctx.set_alpn_protocols(alpn)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            with ctx.wrap_socket(raw, server_hostname="localhost") as tls:
                print("version", tls.version(), "alpn", tls.selected_alpn_protocol(), flush=True)
                tls.sendall(b"hello from python\\nQUIT\\n")
                data = b""
                while True:
                    chunk = tls.recv(4096)
                    if not chunk:
                        break
                    data += chunk
                print("echo", data.decode().replace("\\n", "|"), flush=True)
        """
        return try await run(
            python,
            ["-c", script, "\(port)", pki.caFile, certificate?.certificate ?? "", certificate?.key ?? "",
             alpn.joined(separator: ",")],
            timeout: .seconds(60)
        )
    }
}
