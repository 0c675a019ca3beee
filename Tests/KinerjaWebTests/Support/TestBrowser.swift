import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A browser over the test client: keeps cookies, reads the CSRF token of the last page, posts
/// forms URL-encoded or multipart, and sends what a same-origin browser sends.
struct TestBrowser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    /// The `csrf` field of the last page that had one.
    var csrf = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var location: String? { headers[.location] }
    }

    mutating func get(_ path: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// Posts `fields` URL-encoded, with the current CSRF token unless `csrf` says otherwise.
    mutating func post(_ path: String, _ fields: [(String, String)], csrf token: String? = nil, headers: HTTPFields = [:]) async throws -> Page {
        var all = fields
        if let field = token ?? (csrf.isEmpty ? nil : csrf), !field.isEmpty { all.append(("csrf", field)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        if headers[HTTPField.Name("Sec-Fetch-Site")!] == nil && headers[.origin] == nil { headers[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin" }
        return try await send(path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form: `fields`, and `files` as (field, file name, content type, bytes).
    mutating func postMultipart(_ path: String, _ fields: [(String, String)], files: [(String, String, String, [UInt8])] = [],
                                includeCSRF: Bool = true) async throws -> Page {
        let boundary = "----kinerja-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        var all = fields
        if includeCSRF { all.append(("csrf", csrf)) }
        for (name, value) in all {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for (name, fileName, type, bytes) in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: \(type)\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
        return try await send(path, method: .post, headers: headers, body: body)
    }

    mutating func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || field.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let text = String(buffer: response.body)
        if let token = Self.csrfField(in: text) { csrf = token }
        return Page(status: response.status, headers: response.headers, body: text)
    }

    /// Signs in through the form, as a person would.
    mutating func signIn(nip: String, password: String) async throws -> Page {
        _ = try await get("/masuk")
        return try await post("/masuk", [("nip", nip), ("password", password)])
    }

    static func csrfField(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

/// A 1×1 PNG: what a phone camera would send, only smaller.
let onePixelPNG: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41,
    0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x56, 0xC7, 0x2F, 0x0D, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
]
