import KinerjaProto

/// The three SKP forms BKPSDM prints (PermenPANRB 6/2022, lampiran), chosen by the jenis
/// jabatan recorded on the SKP; docs/PLANNING.md "The SKP document" says what each follows and
/// where it is inferred.
enum SkpFormLayout: Equatable, Sendable {
    /// Pejabat pimpinan tinggi (JPT): RHK with a Perspektif column.
    case jpt
    /// Jabatan administrasi: administrator, pengawas and pelaksana.
    case administrasi
    /// Jabatan fungsional: RHK with the peran in the intervened result.
    case fungsional

    init(_ jenis: Common.JenisJabatan) {
        switch jenis {
        case .jpt: self = .jpt
        case .fungsional: self = .fungsional
        default: self = .administrasi
        }
    }

    /// The third title line: for whom the form is.
    var audience: String {
        switch self {
        case .jpt: "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
        case .administrasi: "BAGI PEJABAT ADMINISTRASI"
        case .fungsional: "BAGI PEJABAT FUNGSIONAL"
        }
    }

    /// `jpt`, `administrasi`, `fungsional` (for messages and `--json`).
    var name: String {
        switch self {
        case .jpt: "jpt"
        case .administrasi: "administrasi"
        case .fungsional: "fungsional"
        }
    }
}
