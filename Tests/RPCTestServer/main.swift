// A Kinerja RPC server for interoperability tests with independent clients (tools/kinerja_client.py,
// openssl s_client): health, reflection, and an echo service over mutual TLS.
//
//   kinerja-rpc-testserver PKI_DIR [PORT]      prints "listening on PORT", runs until SIGTERM/SIGINT
//                                              or until its standard input closes
import Foundation
import KinerjaProto
import KinerjaRPC
import KinerjaTLS

struct EchoService: RegistrableService {
    static let echo = MethodDescriptor(service: "kinerja.test.v1.EchoService", method: "Echo", kind: .unary,
                                       requestType: RPC.MetadataEntry.protoName, responseType: RPC.MetadataEntry.protoName,
                                       idempotent: true, documentation: "Returns the request.")
    static let repeatEcho = MethodDescriptor(service: "kinerja.test.v1.EchoService", method: "Repeat", kind: .serverStreaming,
                                             requestType: RPC.MetadataEntry.protoName, responseType: RPC.MetadataEntry.protoName,
                                             idempotent: true, documentation: "Streams the request back `value` times.")

    var serviceDescriptor: ServiceDescriptor {
        ServiceDescriptor(name: "kinerja.test.v1.EchoService", methods: [Self.echo, Self.repeatEcho])
    }

    var serverMethods: [ServerMethod] {
        [
            .unary(Self.echo) { (request: RPC.MetadataEntry, _) in request },
            .serverStreaming(Self.repeatEcho) { (request: RPC.MetadataEntry, responses: RPCWriter<RPC.MetadataEntry>, _) in
                for i in 0..<min(Int(request.value) ?? 1, 1_000_000) {
                    try await responses.write(RPC.MetadataEntry(key: request.key, value: String(i)))
                }
            },
        ]
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: kinerja-rpc-testserver PKI_DIR [PORT]\n".utf8))
    exit(2)
}
let pki = arguments[1]
let port = arguments.count > 2 ? Int(arguments[2]) ?? 0 : 0
let tls = try TLSContext(configuration: TLSConfiguration(
    certificateChainFile: "\(pki)/service/planning.pem", privateKeyFile: "\(pki)/service/planning.key",
    trustRootsFile: "\(pki)/ca.pem"))
let server = RPCServer(configuration: .init(port: port, tls: tls), services: [EchoService()])
let bound = try await server.start()
FileHandle.standardOutput.write(Data("listening on \(bound)\n".utf8))

let (stop, stopped) = AsyncStream.makeStream(of: Int32.self)
let sources = [SIGTERM, SIGINT].map { signal in
    Foundation.signal(signal, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
    source.setEventHandler { stopped.yield(signal) }
    source.resume()
    return source
}
// Also stop when standard input closes: a test that crashes must not leave this server behind.
Thread.detachNewThread {
    while !FileHandle.standardInput.availableData.isEmpty {}
    stopped.yield(SIGTERM)
}
for await _ in stop { break }
sources.forEach { $0.cancel() }
await server.shutdown()
