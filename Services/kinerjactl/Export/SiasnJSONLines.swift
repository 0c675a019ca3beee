import KinerjaProto

/// `eval siasn`'s file: one JSON object a line (JSON Lines), each the proto3 JSON of one
/// `ExportSiasnResponse` with every scalar field printed, so the `kinerjaperiodik` or `skp22`
/// object carries exactly SIASN's field names (docs/SIASN.md) even when a value is empty.
enum SiasnJSONLines {
    /// One record as a line, ending with "\n".
    static func line(_ response: Evaluation.ExportSiasnResponse) -> String {
        response.jsonString(pretty: false, includingDefaults: true) + "\n"
    }
}
