import Foundation

/// The fields of a submitted form (URL-encoded or multipart), and its files.
/// Package-visible so that the fuzz targets (Tests/KinerjaFuzzTargets) parse arbitrary bodies.
package struct FormFields: Sendable {
    /// Field name → values, in the order sent.
    package var values: [String: [String]] = [:]
    /// Field name → uploaded file.
    package var files: [String: UploadedFile] = [:]

    /// One file part of a multipart form.
    package struct UploadedFile: Sendable {
        package var fileName: String
        package var contentType: String
        package var bytes: [UInt8]
    }

    subscript(_ name: String) -> String? { values[name]?.first }

    /// Every value of `name` (checkboxes).
    func all(_ name: String) -> [String] { values[name] ?? [] }

    mutating func append(_ name: String, _ value: String) { values[name, default: []].append(value) }

    /// Parses `application/x-www-form-urlencoded`.
    package static func urlEncoded(_ text: String) -> FormFields {
        var form = FormFields()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            form.append(name, value)
        }
        return form
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
