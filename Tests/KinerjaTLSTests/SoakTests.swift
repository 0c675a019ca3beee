import Foundation
import KinerjaTLS
import NIOCore
import NIOPosix
import Testing

@Suite("Soak: many handshakes and echoes, no errors, no leaked descriptors", .serialized)
struct SoakTests {
    let pki: TestPKI

    init() throws { pki = try TestPKI.shared() }

    @Test("1 000 sequential handshakes and 10 000 echoes over 16 concurrent connections leave no socket open")
    func soak() async throws {
        let server = try await LoopbackServer.start(context: pki.context(pki.service("evaluation")))
        defer { Task { try? await server.stop() } }
        let clientContext = try pki.context(pki.client("hr-portal"))
        let evaluation = try PeerIdentity(kind: .service, name: "evaluation")
        let port = server.port
        let before = try socketsOnPort(port)
        let totalBefore = try openFileDescriptorCount()

        for _ in 0..<1_000 {
            let client = try await LoopbackClient.connect(port: port, context: clientContext, expecting: evaluation)
            _ = try await client.handler.handshake.futureResult.get()
            try await client.close()
        }

        let connections = 16
        let echoesPerConnection = 10_000 / connections
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<connections {
                group.addTask {
                    let client = try await LoopbackClient.connect(port: port, context: clientContext, expecting: evaluation)
                    for echo in 0..<echoesPerConnection {
                        let message = "koneksi \(index) gema \(echo)"
                        guard try await client.echo(message) == message else { throw CommandError("echo mismatch") }
                    }
                    try await client.close()
                    return echoesPerConnection
                }
            }
            let echoes = try await group.reduce(0, +)
            #expect(echoes == 10_000)
        }

        try await server.log.wait(timeout: .seconds(30)) { $0.closedCount == 1_000 + connections }
        #expect(server.log.errors.isEmpty, "\(server.log.errors.prefix(3))")
        #expect(server.log.handshakes.count == 1_000 + connections)
        // Channels close their descriptors on their event loops shortly after close() returns:
        // wait (bounded) for the count to settle rather than sampling a moment.
        var after = try socketsOnPort(port)
        for _ in 0..<2000 where after != before {  // up to 20 s: a TLS close waits up to 5 s for close_notify
            try await Task.sleep(for: .milliseconds(10))
            after = try socketsOnPort(port)
        }
        #expect(after == before, "every connection's descriptors are closed on both sides; open: \(socketStates(port))")
        // The whole process too (other suites run alongside, so allow them a little slack).
        #expect(try openFileDescriptorCount() <= totalBefore + 32)
    }

    /// How many of this process's descriptors are TCP sockets with `port` at either end.
    /// The /proc/net/tcp lines of this process's sockets on `port` (for a failure message).
    func socketStates(_ port: Int) -> [String] {
        var lines: [String] = []
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let data = FileHandle(forReadingAtPath: table)?.readDataToEndOfFile() else { continue }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 9 else { continue }
                let ports = [fields[1], fields[2]].compactMap { $0.split(separator: ":").last.flatMap { Int($0, radix: 16) } }
                if ports.contains(port) && fields[9] != "0" { lines.append("\(fields[1]) \(fields[2]) st=\(fields[3]) inode=\(fields[9])") }
            }
        }
        return lines
    }

    func socketsOnPort(_ port: Int) throws -> Int {
        var inodes = Set<String>()
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            // procfs reports size 0: read to EOF rather than trusting a stat-sized read.
            guard let data = FileHandle(forReadingAtPath: table)?.readDataToEndOfFile() else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 9 else { continue }
                let ports = [fields[1], fields[2]].compactMap { $0.split(separator: ":").last.flatMap { Int($0, radix: 16) } }
                if ports.contains(port) { inodes.insert(String(fields[9])) }
            }
        }
        var count = 0
        for fd in try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
                  target.hasPrefix("socket:[") else { continue }
            if inodes.contains(String(target.dropFirst(8).dropLast())) { count += 1 }
        }
        return count
    }
}
