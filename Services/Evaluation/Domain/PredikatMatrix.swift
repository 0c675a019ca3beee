public import KinerjaProto

/// The predikat matrix: Hasil Kerja (rows) × Perilaku Kerja (columns) → Predikat Kinerja, as data.
///
/// DOMAIN.md (PermenPANRB 6/2022; the layout several independent implementations agree on):
///
/// | HK \ Perilaku | Di Atas         | Sesuai          | Di Bawah          |
/// |---------------|-----------------|-----------------|-------------------|
/// | Di Atas       | Sangat Baik     | Baik            | Kurang/Misconduct |
/// | Sesuai        | Baik            | Baik            | Kurang/Misconduct |
/// | Di Bawah      | Butuh Perbaikan | Butuh Perbaikan | Sangat Kurang     |
///
/// The kuadran is the cell number 1–9, row-major (`evaluation.proto` EmployeeEvaluation.kuadran).
public enum PredikatMatrix {
    /// The scale in row (and column) order: Di Atas, Sesuai, Di Bawah.
    public static let scale: [Common.Rating] = [.diAtasEkspektasi, .sesuaiEkspektasi, .diBawahEkspektasi]

    /// The nine cells, row by row; `table[row][column]`.
    public static let table: [[Common.Predikat]] = [
        [.sangatBaik, .baik, .kurang],
        [.baik, .baik, .kurang],
        [.butuhPerbaikan, .butuhPerbaikan, .sangatKurang],
    ]

    /// The predikat for the two ratings; PREDIKAT_UNSPECIFIED while either is not rated.
    public static func predikat(hasilKerja: Common.Rating, perilaku: Common.Rating) -> Common.Predikat {
        guard let row = hasilKerja.rank, let column = perilaku.rank else { return .unspecified }
        return table[row][column]
    }

    /// The kuadran 1–9 for the two ratings; 0 while either is not rated.
    public static func kuadran(hasilKerja: Common.Rating, perilaku: Common.Rating) -> UInt32 {
        guard let row = hasilKerja.rank, let column = perilaku.rank else { return 0 }
        return UInt32(row * 3 + column + 1)
    }

    /// All nine cells, row-major, as `GetPredikatMatrix` returns them.
    public static var cells: [Evaluation.PredikatMatrixCell] {
        scale.flatMap { row in
            scale.map { column in
                Evaluation.PredikatMatrixCell(
                    hasilKerja: row, perilakuKerja: column,
                    predikat: predikat(hasilKerja: row, perilaku: column),
                    kuadran: kuadran(hasilKerja: row, perilaku: column))
            }
        }
    }
}
