import Foundation
import Hummingbird
import KinerjaProto
import NIOCore

/// `/bukti/SHA256`: an evidence file attached to a report, fetched from reporting as the signed-in
/// user (reporting decides who may read it: the reporter, the verifier, overseers in scope). Images
/// are shown inline with their own type; anything else is a download. Never cached, never sniffed,
/// and the Content-Security-Policy of every answer stays on it.
extension WebApp {
    /// Images a browser may show inline; the type is the one reporting sniffed at upload.
    static let inlineImageTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]
    /// The largest file the gateway passes on (the week form's upload limit).
    static let maxEvidenceBytes = 8 << 20

    func addEvidenceRoutes(to router: Router<WebRequestContext>) {
        router.get("/bukti/:hash") { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let hex = context.parameters.get("hash") ?? ""
            guard let digest = Self.sha256(hex: hex) else { return ErrorPage.response(status: .notFound, message: "Bukti tidak ditemukan.") }
            let reporting = try gateway.client(Reporting.ReportingService.Client.self)
            do {
                let (link, bytes) = try await asUser(session) { options in
                    try await reporting.downloadEvidence(.init(sha256: digest), options: options) { parts in
                        var link = Common.EvidenceLink()
                        var bytes: [UInt8] = []
                        for try await part in parts {
                            switch part.item {
                            case .evidence(let value)?: link = value
                            case .chunk(let chunk)?:
                                guard bytes.count + chunk.count <= Self.maxEvidenceBytes else { throw RPCError(.resourceExhausted, "evidence too large for the web") }
                                bytes += chunk
                            default: break
                            }
                        }
                        return (link, bytes)
                    }
                }
                return Self.evidenceResponse(bytes, mediaType: link.mediaType)
            } catch let error as RPCError {
                let status: HTTPResponse.Status = switch error.code {
                case .notFound, .invalidArgument: .notFound
                case .permissionDenied: .forbidden
                default: .serviceUnavailable
                }
                return ErrorPage.response(status: status, message: status == .notFound ? "Bukti tidak ditemukan." : StatusMessage.text(error))
            }
        }
    }

    static func evidenceResponse(_ bytes: [UInt8], mediaType: String) -> Response {
        let type = mediaType.lowercased()
        var headers = HTTPFields()
        if inlineImageTypes.contains(type) {
            headers[.contentType] = type
            headers[.contentDisposition] = "inline"
        } else {
            headers[.contentType] = "application/octet-stream"
            headers[.contentDisposition] = "attachment; filename=\"bukti\""
        }
        headers[.cacheControl] = "private, no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// 64 hexadecimal digits as 32 bytes; nil for anything else.
    static func sha256(hex: String) -> [UInt8]? {
        guard hex.utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
