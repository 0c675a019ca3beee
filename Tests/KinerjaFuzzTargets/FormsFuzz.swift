import Foundation
import KinerjaWeb

/// The web gateway's form parsing (`FormGuardMiddleware` runs it on every POST).
///
/// Input: one mode byte, then
/// - mode even: an `application/x-www-form-urlencoded` body. The fields, percent-encoded again,
///   must parse to the same fields in the same order.
/// - mode odd: a `Content-Type` value, a line feed, and a body. When the type has a boundary and
///   the body parses, the boundary is 1–70 characters, no file is empty, and the fields and files
///   (when there are any) written again as a multipart body with the same boundary must parse to
///   the same form.
enum FormsFuzz {
    static func run(_ data: [UInt8]) throws(FuzzFailure) {
        guard let mode = data.first else { return }
        let rest = Array(data.dropFirst())
        if mode & 1 == 0 {
            try urlEncoded(rest)
        } else {
            let split = rest.firstIndex(of: 0x0A) ?? rest.endIndex
            try multipart(contentType: String(decoding: rest[..<split], as: UTF8.self), body: Array(rest[min(split + 1, rest.endIndex)...]))
        }
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986).
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .init(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }

    static func urlEncoded(_ bytes: [UInt8]) throws(FuzzFailure) {
        let text = String(decoding: bytes, as: UTF8.self)
        let form = FormFields.urlEncoded(text)
        var body: [String] = []
        for (name, values) in form.values.sorted(by: { $0.key < $1.key }) {
            for value in values { body.append(encode(name) + "=" + encode(value)) }
        }
        let again = FormFields.urlEncoded(body.joined(separator: "&"))
        try check(again.values == form.values, "URL-encoded fields differ after encoding them again")
        try check(form.files.isEmpty, "a URL-encoded body produced files")
    }

    static func multipart(contentType: String, body: [UInt8]) throws(FuzzFailure) {
        guard let boundary = MultipartForm.boundary(of: contentType) else { return }
        try check((1...70).contains(boundary.count), "a boundary of \(boundary.count) characters")
        guard let form = MultipartForm.parse(body, boundary: boundary) else { return }
        // A form whose every part was an empty file input (what a browser sends for a file not
        // chosen) has nothing left to write again, and a multipart body needs at least one part
        // (RFC 2046): the round trip applies to forms with something in them. (Found by the fuzzer:
        // the target wrote `--boundary--` alone and called the parser wrong for refusing it.)
        guard !form.values.isEmpty || !form.files.isEmpty else { return }
        var out: [UInt8] = []
        func part(_ headers: String, _ content: [UInt8]) {
            out += Array("--\(boundary)\r\n\(headers)\r\n\r\n".utf8) + content + [13, 10]
        }
        for (name, values) in form.values.sorted(by: { $0.key < $1.key }) {
            for value in values { part("Content-Disposition: form-data; name=\"\(name)\"", Array(value.utf8)) }
        }
        for (name, file) in form.files.sorted(by: { $0.key < $1.key }) {
            try check(!file.bytes.isEmpty, "an empty file part was kept")
            part("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: \(file.contentType)", file.bytes)
        }
        out += Array("--\(boundary)--\r\n".utf8)
        guard let again = MultipartForm.parse(out, boundary: boundary) else {
            throw FuzzFailure("the multipart form written again does not parse")
        }
        try check(again.values == form.values, "multipart fields differ after writing them again")
        try check(again.files.mapValues { [$0.fileName, $0.contentType] } == form.files.mapValues { [$0.fileName, $0.contentType] }
                  && again.files.mapValues(\.bytes) == form.files.mapValues(\.bytes), "multipart files differ after writing them again")
    }
}
