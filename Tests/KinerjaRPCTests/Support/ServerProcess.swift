import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `kinerja-rpc-testserver` running as a separate process (built with the tests).
final class ServerProcess: Sendable {
    let child: ChildProcess
    let port: Int

    static var binary: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("kinerja-rpc-testserver").path
    }

    private init(child: ChildProcess, port: Int) {
        self.child = child
        self.port = port
    }

    /// Starts the server and waits for its first line, "listening on PORT".
    static func start(pki: String) async throws -> ServerProcess {
        // The server also exits when its standard input closes: when this object goes away or this process dies.
        let child = try ChildProcess(binary, [pki, "0"], input: .lifeline)
        let port = try await child.waitForOutput { output -> Int? in
            guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) else { return nil }
            return Int(line.dropFirst("listening on ".count))
        }
        return ServerProcess(child: child, port: port)
    }

    /// SIGTERM, then the exit status (the server is killed if it has not stopped within `timeout`).
    func stop(timeout: Duration = .seconds(30)) async -> ProgramResult {
        child.signal(SIGTERM)
        return await child.finish(timeout: timeout)
    }
}

/// Runs `body` with the test server started; the server is killed and reaped when `body` returns or throws.
func withServerProcess<T>(pki: String, _ body: (ServerProcess) async throws -> T) async throws -> T {
    let server = try await ServerProcess.start(pki: pki)
    defer { server.child.stop() }
    return try await body(server)
}
