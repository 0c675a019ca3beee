/// Deterministic, realistic values shared by both fixtures, so that KinerjaProto and swift-protobuf
/// encode exactly the same messages (checked at start-up, see `main.swift`).
enum SampleData {
    static let names = [
        "Yohanes Nahak", "Maria Goreti Bria", "Fransiskus Xaverius Lelan", "Yuliana Tefa",
        "Agustinus Sinlae", "Ni Luh Putu Ariani", "Dominggus Manafe", "Margaretha Ndun",
        "Imanuel Benu", "Siti Aminah Lado", "Petrus Fanggidae", "Ursula Mesakh",
    ]
    static let jabatan = [
        "Analis Kebijakan Ahli Muda", "Pranata Komputer Ahli Pertama", "Kepala Bidang Perencanaan",
        "Verifikator Keuangan", "Pengelola Data Kependudukan", "Sekretaris Dinas",
    ]
    static let units = [
        "unit-bappelitbangda", "unit-dukcapil-kec-oebobo", "unit-dinkes-puskesmas-oepoi",
        "unit-bkpsdm-bidang-pengembangan", "unit-diskominfo-aplikasi",
    ]
    static let rhkTexts = [
        "Meningkatnya kualitas pelayanan administrasi kependudukan di Kecamatan Oebobo",
        "Tersusunnya dokumen perencanaan kinerja perangkat daerah secara tepat waktu dan akuntabel",
        "Terlaksananya pengembangan kompetensi ASN melalui pelatihan teknis dan fungsional",
        "Meningkatnya cakupan imunisasi dasar lengkap pada bayi di wilayah kerja Puskesmas Oepoi",
        "Tersedianya layanan aplikasi pemerintahan berbasis elektronik yang andal dan aman",
        "Terwujudnya pengelolaan keuangan perangkat daerah yang tertib dan sesuai ketentuan",
        "Meningkatnya kepuasan masyarakat terhadap pelayanan publik di Kota Kupang",
        "Terlaksananya monitoring dan evaluasi capaian kinerja triwulanan unit kerja",
    ]
    static let indicators = [
        "Persentase dokumen kependudukan yang diterbitkan dalam 1 hari kerja",
        "Jumlah dokumen perencanaan yang ditetapkan tepat waktu",
        "Indeks kepuasan masyarakat terhadap layanan unit kerja",
        "Persentase ASN yang mengikuti pengembangan kompetensi minimal 20 JP",
    ]
    static let reportTexts = [
        "Melakukan verifikasi berkas permohonan KTP-el sebanyak 25 berkas di loket pelayanan Kecamatan Oebobo",
        "Menyusun draf laporan capaian kinerja triwulan I dan mengirimkannya kepada atasan langsung untuk direviu",
        "Mengikuti rapat koordinasi penyusunan Rencana Kerja Perangkat Daerah tahun anggaran berikutnya",
        "Melaksanakan pemeliharaan server aplikasi e-Kinerja dan memastikan pencadangan data harian berjalan",
    ]
    static let units_ = ["persen", "dokumen", "indeks", "orang"]

    /// An 18-digit PNS NIP: birth date, TMT CPNS (year, month), sex digit, sequence.
    static func nip(_ i: Int) -> String {
        let year = 1970 + i % 25, month = 1 + i % 12, day = 1 + i % 28
        let tmtYear = year + 22 + i % 5, tmtMonth = 1 + (i * 7) % 12
        return pad(year, 4) + pad(month, 2) + pad(day, 2) + pad(tmtYear, 4) + pad(tmtMonth, 2)
            + String(1 + i % 2) + pad(1 + i % 999, 3)
    }

    static func name(_ i: Int) -> String { names[i % names.count] }
    static func jabatanName(_ i: Int) -> String { jabatan[i % jabatan.count] }
    static func unit(_ i: Int) -> String { units[i % units.count] }
    static func rhkText(_ i: Int) -> String { rhkTexts[i % rhkTexts.count] }
    static func indicator(_ i: Int) -> String { indicators[i % indicators.count] }
    static func reportText(_ i: Int) -> String { reportTexts[i % reportTexts.count] }
    static func measureUnit(_ i: Int) -> String { units_[i % units_.count] }
    /// Seconds since the epoch in 2025 (WITA working hours).
    static func timestamp(_ i: Int) -> Int64 { 1_736_380_800 + Int64(i) * 3_607 }
    static func sha256(_ i: Int) -> [UInt8] { (0..<32).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i &* 17) } }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
