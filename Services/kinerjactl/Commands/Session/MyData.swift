import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl my-data`.
    struct MyData: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "my-data",
            abstract: "Write everything Kinerja holds about you (or, with --nip and --reason, about someone you administer) to one archive.",
            discussion: """
            UU 27/2022 (PDP), the right of access. Asks each of the five services for the person's records \
            (ExportPersonalData) and writes one tar file, mode 0600: a JSON-lines file per service, EXPORT.json \
            (whose data, by whom, why, record counts) and MANIFEST (SHA-256 of each file, `sha256sum -c` format). \
            Your own data needs no reason. On someone else's behalf (pengelola kinerja in scope, admin) give \
            --nip and --reason; every export is audited by every service. Evidence files are listed by hash, \
            not copied. docs/PRIVACY.md describes every record kind.
            """)

        @OptionGroup var connection: ConnectionOptions
        @Option(name: [.short, .customLong("out")], help: ArgumentHelp("The archive to write.", valueName: "file.tar")) var out: String
        @Option(help: "The person (default: you).") var nip: String?
        @Option(help: "Why you export someone else's data (required with --nip of another person; audited).") var reason: String?
        @Flag(help: "Replace the file if it exists.") var force = false

        func validate() throws {
            if out.isEmpty { throw CLIError.invalidArguments("-o needs a file name") }
            if let nip, !PersonIdentifier.isValid(nip) { throw CLIError.invalidArguments("--nip must be an 18-digit NIP") }
        }

        func run() async throws {
            if !force, FileManager.default.fileExists(atPath: out) {
                throw CLIError.invalidArguments("\(out) exists: give --force to replace it")
            }
            let store = try CommandEnvironment.sessionStore(environment: connection.environment)
            guard let stored = try store.load() else { throw CLIError.notSignedIn }
            let archive = try await CommandEnvironment.withConnections(connection, session: stored) { connections in
                let session = try SignedInSession(store: store, connections: connections, policy: connection.policy)
                let me = try session.signedInNIP()
                let person = nip ?? me
                let why = person == me ? "" : (reason ?? "")
                let records = try await PersonalDataCollection.collect { service in
                    let options = try await session.options()
                    return try await PersonalDataCollection.export(service, nip: person, reason: why, options: options) { name in
                        guard let endpoint = ServiceEndpoint.all.first(where: { $0.name == name }) else { throw CLIError(.failure, "no service \(name)") }
                        return try connections.transport(to: endpoint).transport
                    }
                }
                return PersonalDataArchive(nip: person, exportedBy: me, reason: why, exportedAt: Int64(Date().timeIntervalSince1970), records: records)
            }
            let bytes = try archive.tar()
            guard FileManager.default.createFile(atPath: out, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                throw CLIError(.failure, "cannot write \(out)")
            }
            let counts = PersonalDataArchive.services.map { "\($0) \(archive.records[$0]?.count ?? 0)" }.joined(separator: ", ")
            print("Wrote \(out): the data of \(archive.nip) (\(counts) records).")
        }
    }
}
