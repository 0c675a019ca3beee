// TLSScanServer: a KinerjaTLS echo server for the manual TLS scan in docs/SECURITY.md.
//
//   TLSScanServer --pki DIR [--port 8443] [--tls12] [--no-alpn] [--crl FILE]
//
// Serves DIR/service/identity.pem with the production defaults; --tls12 allows the TLS 1.2
// external-client profile; --no-alpn turns the ALPN requirement off, because scanners do not
// offer kinerja-rpc/1 and would otherwise see every handshake refused. Runs until killed.
import KinerjaTLS
import NIOCore
import NIOPosix

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[$0 + 1] : nil }
}

final class Echo: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.writeAndFlush(data, promise: nil)
    }
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        print("connection refused: \(error)")
        context.close(promise: nil)
    }
}

let pki = option("--pki") ?? ".dev/pki"
let port = option("--port").flatMap(Int.init) ?? 8443
var configuration = TLSConfiguration(
    certificateChainFile: "\(pki)/service/identity.pem", privateKeyFile: "\(pki)/service/identity.key",
    trustRootsFile: "\(pki)/ca.pem"
)
if arguments.contains("--tls12") { configuration.minimumVersion = .tls12 }
if arguments.contains("--no-alpn") { configuration.applicationProtocols = [] }
configuration.revocationListFile = option("--crl")
let context = try TLSContext(configuration: configuration)

let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
    .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(TLSHandler.server(context: context))
            try channel.pipeline.syncOperations.addHandler(Echo())
        }
    }
    .bind(host: "127.0.0.1", port: port)
    .get()
print("TLSScanServer: \(context.localIdentity) on 127.0.0.1:\(port), minimum \(configuration.minimumVersion), ALPN \(configuration.applicationProtocols)")
try await server.closeFuture.get()
