import KinerjaDocuments
import KinerjaProto

extension SkpDocument {
    /// The approval stamp: who approved as which kind of pejabat penilai, when, which version,
    /// and the SHA-256 of the signed body, with how to check it; or a notice that the version is
    /// not approved (belum disetujui) or carries no stamp.
    static func stamp(_ printout: SkpPrintout) -> Stamp {
        let skp = printout.skp
        let keyWidth = 118.0
        let style = TextStyle(size: 8)
        guard let approval = skp.approval, let hash = mark(printout).bodySHA256 else {
            let approvedWithoutStamp = skp.state == .disetujui || skp.state == .diganti
            let status = approvedWithoutStamp
                ? "SKP versi \(skp.version) berstatus \(SkpFormVocabulary.state(skp.state).lowercased()) tanpa cap persetujuan: tidak ada hash isi SKP yang dapat diperiksa."
                : "SKP versi \(skp.version) belum disetujui (status: \(SkpFormVocabulary.state(skp.state)))."
            var lines: [(key: RichText, value: RichText)] = [(key: "Status", value: RichText(status))]
            if approvedWithoutStamp, let decided = skp.decided {
                // What planning recorded of the decision, without a hash to check it by.
                lines.append((key: "Diputuskan oleh", value: RichText(decided.principal.isEmpty ? "—" : decided.principal)))
                lines.append((key: "Waktu", value: RichText(IndonesianDate.instant(decided.at))))
            }
            lines.append((key: "SKP", value: .monospace(skp.skpID) + RichText(", versi \(skp.version)")))
            return Stamp(
                title: approvedWithoutStamp ? "TANPA CAP PERSETUJUAN" : "BELUM DISETUJUI",
                lines: KeyValueList(lines, keyWidth: keyWidth, style: style),
                note: approvedWithoutStamp
                    ? "Keaslian cetakan ini tidak dapat diperiksa: layanan planning tidak mencatat cap persetujuan (hash isi SKP) untuk versi ini."
                    : "Cetakan ini bukan dokumen SKP yang berlaku: tidak memuat persetujuan pejabat penilai kinerja.",
                color: notApprovedColor)
        }
        let penilai = approval.penilai
        let who = penilai?.penilai
        var approver = who.map { ref in ref.displayName.isEmpty ? ref.nip : ref.displayName } ?? "—"
        if let penilai, !penilai.isAsn || PrintedPerson.isNonASNIdentifier(who?.nip ?? "") {
            approver += " (NON ASN)"
        } else if let nip = who?.nip, !nip.isEmpty {
            approver += " (NIP. \(nip))"
        }
        // As which kind of penilai, and in which position: the printout's penilai is the approver.
        var role = SkpFormVocabulary.penilaiKind(penilai?.kind ?? .unspecified)
        let title = printout.penilaiJabatan.title
        if !title.isEmpty { role += " — \(title)" }
        if let decree = penilai?.decreeNumber, !decree.isEmpty { role += "; \(decree)" }
        var lines: [(key: RichText, value: RichText)] = [
            (key: "Disetujui oleh", value: RichText(approver)),
            (key: "Sebagai", value: RichText(role)),
            (key: "Waktu persetujuan", value: RichText(IndonesianDate.instant(approval.at))),
            (key: "Versi SKP", value: RichText("\(approval.version)") + RichText(skp.state == .diganti ? " (telah diganti oleh versi yang lebih baru)" : "")),
            (key: "ID SKP", value: .monospace(skp.skpID)),
            (key: "SHA-256 isi SKP", value: .monospace(hash)),
        ]
        if let recomputed = printout.recomputedBodySHA256, recomputed != hash {
            lines.append((key: "Peringatan", value: .bold("isi yang tersimpan tidak sesuai dengan hash pada cap (\(recomputed))")))
        }
        return Stamp(
            title: "PERSETUJUAN ELEKTRONIK",
            lines: KeyValueList(lines, keyWidth: keyWidth, style: style),
            note: "Keaslian cetakan dapat diperiksa dengan perintah: kinerjactl skp verify-print <berkas.pdf> — hash isi SKP dihitung ulang dari versi yang tersimpan di layanan planning dan dibandingkan dengan hash di atas.")
    }
}
