import Foundation

/// Writes what a test rendered to `$KINERJA_DOCUMENTS_PREVIEW/NAME` when that variable names a
/// folder, so that a person can look at the pages (`pdftoppm -png`); does nothing otherwise.
enum Preview {
    static func write(_ name: String, _ bytes: [UInt8]) {
        guard let folder = ProcessInfo.processInfo.environment["KINERJA_DOCUMENTS_PREVIEW"], !folder.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }
}
