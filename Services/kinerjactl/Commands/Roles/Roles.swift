import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl roles`: role grants.
    struct Roles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Grant, list and revoke roles.",
                                                        subcommands: [Grant.self, List.self, Revoke.self])

        /// A role that can be granted (pegawai is implicit for every account).
        enum GrantableRole: String, ExpressibleByArgument, CaseIterable {
            case pengelolaKinerja = "pengelola-kinerja"
            case pimpinan
            case admin
            case auditor

            var role: Common.Role {
                switch self {
                case .pengelolaKinerja: .pengelolaKinerja
                case .pimpinan: .pimpinan
                case .admin: .admin
                case .auditor: .auditor
                }
            }
        }
    }
}
