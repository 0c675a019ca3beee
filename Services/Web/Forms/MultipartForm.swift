/// A small `multipart/form-data` parser (RFC 7578) for the gateway's own forms: fields and files,
/// nothing nested. Returns nil for a body that is not well formed.
package enum MultipartForm {
    /// The boundary of a `multipart/form-data; boundary=…` content type.
    package static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return (1...70).contains(value.count) ? value : nil
            }
        }
        return nil
    }

    package static func parse(_ body: [UInt8], boundary: String) -> FormFields? {
        let delimiter = Array("--\(boundary)".utf8)
        var form = FormFields()
        var positions: [Int] = []
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        guard positions.count >= 2 else { return nil }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            // Skip the CRLF after the delimiter; the part ends before the CRLF preceding the next one.
            guard partStart + 2 <= end, body[partStart] == 13, body[partStart + 1] == 10 else { return nil }
            partStart += 2
            let partEnd = end - 2
            guard partEnd >= partStart, body[partEnd] == 13, body[partEnd + 1] == 10 else { return nil }
            let part = Array(body[partStart..<partEnd])
            guard let headerEnd = find([13, 10, 13, 10], in: part, from: 0) else { return nil }
            let headers = String(decoding: part[..<headerEnd], as: UTF8.self)
            let content = Array(part[(headerEnd + 4)...])
            var name: String?, fileName: String?, contentType = "application/octet-stream"
            for line in headers.split(separator: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = parameter("name", in: String(line))
                    fileName = parameter("filename", in: String(line))
                } else if lower.hasPrefix("content-type:") {
                    contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name else { return nil }
            if let fileName {
                if !content.isEmpty { form.files[name] = .init(fileName: fileName, contentType: contentType, bytes: content) }
            } else {
                form.append(name, String(decoding: content, as: UTF8.self))
            }
        }
        return form
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count, from <= haystack.count - needle.count else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

import Foundation
