import Foundation
import KinerjaIdentity
import KinerjaProto
import KinerjaService
import KinerjaTestSupport
import Testing

@Suite("Files a service writes are private")
struct FileModeTests {
    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("with umask 022, the store, its -wal and -shm, the log pseudonym secret and a backup are 0600, their folders 0700")
    func privateFiles() async throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        try await withIdentity { f in
            // A write, so the WAL holds something.
            _ = try await f.signIn("pegawai")
            let store = f.runtime.configuration.store.path
            for file in [store, store + "-wal", store + "-shm", f.directory + "/log-pseudonym.secret"] {
                #expect(try mode(file) == 0o600, "\(file)")
            }
            let backups = f.directory + "/backups/nested"
            let line = try OperatorCommands.backup(configuration: f.runtime.configuration, to: backups + "/identity.sqlite")
            #expect(line.contains("integrity ok"))
            #expect(try mode(backups + "/identity.sqlite") == 0o600)
            #expect(try mode(backups) == 0o700)
        }
    }
}
