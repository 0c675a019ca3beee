import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl penilai`: who rates whom (the pejabat penilai model).
    struct Penilai: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who rates whom: the pejabat penilai of employees on a day, a penilai's inbox, the history.",
            discussion: """
            The pejabat penilai is the atasan langsung; while a head position is vacant or its holder \
            away, a Plt or Plh appointed by decree (see `kinerjactl acting`); for the Sekretaris Daerah, \
            the Wali Kota (a non-ASN official, identified by NONASN.…). Pengelola kinerja never rate.
            """,
            subcommands: [Show.self, Inbox.self, History.self])
    }
}

/// The pejabat penilai model as text.
enum PenilaiText {
    /// `Atasan langsung`, `Plt`, `Plh`, `Kepala Daerah (non-ASN)`, `none`.
    static func kind(_ kind: Common.PenilaiKind) -> String {
        switch kind {
        case .atasanLangsung: "atasan langsung"
        case .plt: "Plt"
        case .plh: "Plh"
        case .external: "non-ASN (Kepala Daerah)"
        case .none: "NONE"
        default: "—"
        }
    }

    /// One row per answer: NIP, kind, penilai, decree or why not.
    static func table(_ answers: [Identity.PejabatPenilai]) -> Table {
        var table = Table([.init("NIP", maxWidth: 24), .init("PENILAI KIND", maxWidth: 24), .init("PENILAI", maxWidth: 24),
                           .init("NAME", maxWidth: 36), .init("DECREE / WHY", maxWidth: 60)])
        for answer in answers {
            table.append([answer.nip, kind(answer.kind), answer.penilai?.nip ?? "—", answer.penilai?.displayName ?? "",
                          answer.kind == .none ? answer.reason : answer.decreeNumber])
        }
        return table
    }
}
