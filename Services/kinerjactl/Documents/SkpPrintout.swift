import KinerjaProto

/// Everything an SKP printout shows: the version as stored, and the people on it as the
/// form names them (looked up in identity by `skp print`, constructed directly in tests).
struct SkpPrintout: Sendable {
    /// The SKP version printed.
    var skp: Planning.Skp
    /// The pegawai yang dinilai.
    var pegawai: PrintedPerson
    /// The pejabat penilai kinerja; nil when nobody is recorded or known yet.
    var penilai: PrintedPerson?
    /// As which kind of penilai (the approval's, else the one recorded at submission).
    var penilaiKind: Common.PenilaiKind
    /// The Plt/Plh decree number, if any.
    var penilaiDecree: String = ""
    /// For a Plt/Plh: the title of the head position they act for (empty when unknown).
    var penilaiActingFor: String = ""
    /// The instansi line of the form.
    var instansi: String = "PEMERINTAH KOTA KUPANG"
    /// The place before the date of the signatures.
    var place: String = "Kupang"
    /// The version in force (0 when none is approved).
    var approvedVersion: UInt32 = 0
    /// The SHA-256 of the stored body recomputed when printing; nil when not computed.
    var recomputedBodySHA256: String?

    /// The penilai's jabatan as printed (`Plt. Kepala Bidang …` for an acting official).
    var penilaiJabatan: PenilaiJabatan {
        PenilaiJabatan(kind: penilaiKind, own: penilai?.jabatan ?? "", actingFor: penilaiActingFor, decree: penilaiDecree)
    }
}

/// A person as the identity block and the signatures print them.
struct PrintedPerson: Sendable, Equatable {
    /// Name with gelar, as printed on letters.
    var name: String
    /// NIP, or the identifier of a non-ASN official.
    var identifier: String
    /// False for a non-ASN official (the Kepala Daerah): the NIP line then reads `NON ASN`.
    var isASN: Bool = true
    /// Golongan (PNS `III/b`, PPPK `IX`); empty for a non-ASN.
    var golongan: String = ""
    /// Jabatan.
    var jabatan: String = ""
    /// Unit kerja.
    var unit: String = ""

    /// `NIP. 19750315…`; nil for an official outside the civil service, who has no NIP.
    var nipLine: String? {
        isASN ? (identifier.isEmpty ? "NIP. —" : "NIP. \(identifier)") : nil
    }

    /// True for the identifier identity gives a non-ASN official (`NONASN.WALIKOTA.KUPANG`).
    static func isNonASNIdentifier(_ identifier: String) -> Bool {
        identifier.hasPrefix("NONASN.")
    }

    /// The NIP cell of the identity block.
    var nipCell: String {
        isASN ? (identifier.isEmpty ? "—" : identifier) : "NON ASN"
    }

    /// The PANGKAT/GOL. RUANG cell.
    var pangkatCell: String {
        isASN ? Pangkat.line(golongan: golongan) : "—"
    }
}
