import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Predikat matrix (Hasil Kerja rows × Perilaku columns)")
struct PredikatMatrixTests {
    typealias F = Fixtures

    @Test("each of the nine cells gives the predikat of DOMAIN.md's table, kuadran row-major 1-9", arguments: [
        (F.atas, F.atas, Common.Predikat.sangatBaik, UInt32(1)),
        (F.atas, F.sesuai, .baik, 2),
        (F.atas, F.bawah, .kurang, 3),
        (F.sesuai, F.atas, .baik, 4),
        (F.sesuai, F.sesuai, .baik, 5),
        (F.sesuai, F.bawah, .kurang, 6),
        (F.bawah, F.atas, .butuhPerbaikan, 7),
        (F.bawah, F.sesuai, .butuhPerbaikan, 8),
        (F.bawah, F.bawah, .sangatKurang, 9),
    ])
    func cell(hasilKerja: Common.Rating, perilaku: Common.Rating, predikat: Common.Predikat, kuadran: UInt32) {
        #expect(PredikatMatrix.predikat(hasilKerja: hasilKerja, perilaku: perilaku) == predikat)
        #expect(PredikatMatrix.kuadran(hasilKerja: hasilKerja, perilaku: perilaku) == kuadran)
    }

    @Test("Perilaku Di Bawah with Hasil Kerja Di Atas or Sesuai is Kurang/Misconduct, whatever the results")
    func misconduct() {
        #expect(PredikatMatrix.predikat(hasilKerja: F.atas, perilaku: F.bawah) == .kurang)
        #expect(PredikatMatrix.predikat(hasilKerja: F.sesuai, perilaku: F.bawah) == .kurang)
    }

    @Test("no predikat and kuadran 0 while either rating is missing")
    func unrated() {
        #expect(PredikatMatrix.predikat(hasilKerja: .unspecified, perilaku: F.atas) == .unspecified)
        #expect(PredikatMatrix.predikat(hasilKerja: F.sesuai, perilaku: .unspecified) == .unspecified)
        #expect(PredikatMatrix.predikat(hasilKerja: .unrecognized(7), perilaku: F.sesuai) == .unspecified)
        #expect(PredikatMatrix.kuadran(hasilKerja: .unspecified, perilaku: .unspecified) == 0)
    }

    @Test("GetPredikatMatrix's nine cells are the table, row-major, each kuadran once")
    func cells() {
        let cells = PredikatMatrix.cells
        #expect(cells.count == 9)
        #expect(cells.map(\.kuadran) == Array(1...9))
        for cell in cells {
            #expect(cell.predikat == PredikatMatrix.predikat(hasilKerja: cell.hasilKerja, perilaku: cell.perilakuKerja))
        }
        #expect(cells[0].hasilKerja == F.atas && cells[0].perilakuKerja == F.atas)
        #expect(cells[8].hasilKerja == F.bawah && cells[8].perilakuKerja == F.bawah)
    }
}
