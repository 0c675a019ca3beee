public import Foundation
public import KinerjaTLS
public import Synchronization

/// The development PKI made by `deploy/pki/make-dev-pki.sh` in a temporary directory, once per run.
public enum TestPKI {
    public static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    private static let made = Mutex<String?>(nil)

    public static func directory() throws -> String {
        try made.withLock { made in
            if let made { return made }
            let dir = NSTemporaryDirectory() + "kinerja-identity-pki-\(getpid())"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["\(root)/deploy/pki/make-dev-pki.sh", dir]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw TestFailure("make-dev-pki.sh failed with status \(process.terminationStatus)") }
            made = dir
            return dir
        }
    }

    public static func context(client name: String) throws -> TLSContext {
        let dir = try directory()
        return try TLSContext(configuration: TLSConfiguration(
            certificateChainFile: "\(dir)/client/\(name).pem", privateKeyFile: "\(dir)/client/\(name).key",
            trustRootsFile: "\(dir)/ca.pem"))
    }

    public static func context(service name: String) throws -> TLSContext {
        let dir = try directory()
        return try TLSContext(configuration: TLSConfiguration(
            certificateChainFile: "\(dir)/service/\(name).pem", privateKeyFile: "\(dir)/service/\(name).key",
            trustRootsFile: "\(dir)/ca.pem"))
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
