import Foundation
import KinerjaASN
import KinerjaCrypto
import KinerjaDemo
import KinerjaProto
import KinerjaRPC
import KinerjaReporting
import NIOCore

/// The hand-made seeds of each target: small valid inputs that reach past the first checks.
/// `Fuzz/Corpus/<target>/seed-<name>` holds them (written by the replay test with
/// `KINERJA_UPDATE_FUZZ_SEEDS=1`); the fuzzer adds what it finds next to them.
public enum FuzzSeeds {
    /// Seed name → bytes, for `target`.
    public static func seeds(for target: FuzzTarget) -> [String: [UInt8]] {
        switch target {
        case .frames: frames()
        case .codec: codec()
        case .token: token()
        case .csv: csv()
        case .skpcsv: skpcsv()
        case .evidence: evidence()
        case .forms: forms()
        }
    }

    static func bytes(_ message: some ProtoMessage) -> [UInt8] { (try? message.serializedBytes()) ?? [] }

    static func stream(_ frames: [Frame]) -> [UInt8] {
        var buffer = ByteBuffer()
        for frame in frames { buffer.writeFrame(frame) }
        return Array(buffer.readableBytesView)
    }

    static func frame(_ type: FrameType, _ callID: UInt32, flags: FrameFlags = [], _ payload: [UInt8] = []) -> Frame {
        Frame(type, flags: flags, callID: callID, payload: ByteBuffer(bytes: payload))
    }

    static func frames() -> [String: [UInt8]] {
        let header = bytes(RPC.CallHeader(method: "/kinerja.identity.v1.IdentityService/GetEmployee", timeoutMs: 5_000,
                                          metadata: [RPC.MetadataEntry(key: "authorization", value: "Bearer x")]))
        let window = [UInt8]([0, 0, 0, 16])
        return [
            "unary": [0x13] + stream([frame(.settings, 0, bytes(RPC.Settings(maxFrameSize: 1 << 20, maxConcurrentCalls: 64))),
                                      frame(.headers, 1, header), frame(.message, 1, flags: .endStream, [0x0A, 0x03, 0x31, 0x32, 0x33])]),
            "streaming": [0x21] + stream([frame(.headers, 1, header), frame(.message, 1, [1]), frame(.message, 1, [2]),
                                          frame(.windowUpdate, 1, window), frame(.endStream, 1), frame(.headers, 3, flags: .endStream, header),
                                          frame(.cancel, 3), frame(.ping, 0, [1, 2, 3, 4, 5, 6, 7, 8]), frame(.pong, 0, [8, 7, 6, 5, 4, 3, 2, 1])]),
            "goaway": [0x02] + stream([frame(.headers, 5, flags: .endStream, header), frame(.goAway, 0, bytes(RPC.GoAway(lastCallID: 0, code: 0))),
                                       frame(.headers, 7, header)]),
            "too-large": [0x40] + stream([frame(.ping, 0, [0, 0, 0, 0, 0, 0, 0, 0])]) + [0x00, 0x10, 0x00, 0x01, 0x02, 0, 0, 0, 0, 9],
        ]
    }

    static func codec() -> [String: [UInt8]] {
        func seed(_ message: some ProtoMessage) -> (String, [UInt8]) {
            let index = KinerjaContract.messageTypes.firstIndex { $0.protoName == type(of: message).protoName } ?? 0
            return (type(of: message).protoName, [UInt8(index >> 8), UInt8(index & 0xFF)] + bytes(message))
        }
        let demo = KupangDemo().syntheticEmployees(count: 2, unitCodes: ["KPG.DINKES"], today: KupangDemo.referenceDate)
        let pairs: [(String, [UInt8])] = [
            seed(RPC.CallHeader(method: "/kinerja.planning.v1.PlanningService/SubmitSkp", timeoutMs: 30_000,
                                metadata: [RPC.MetadataEntry(key: "idempotency-key", value: "0f3c")])),
            seed(RPC.GoAway(lastCallID: 9, code: 1, reason: "protocol error")),
            seed(TokenFuzz.claims()),
            seed(demo[0].importRow),
            seed(Identity.ImportEmployeesRequest(item: .row(demo[1].importRow))),
            seed(Reporting.EvidenceUploadHeader(sha256: [UInt8](repeating: 0xAB, count: 32), sizeBytes: 2_048,
                                                fileName: "foto kegiatan.jpg", mediaType: "image/jpeg")),
            seed(Common.DateRange(startDate: Common.Date(year: 2026, month: 1, day: 1), endDate: Common.Date(year: 2026, month: 12, day: 31))),
        ]
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    static func token() -> [String: [UInt8]] {
        let claims = TokenFuzz.claims()
        let token = (try? AccessTokenSigner(keyID: TokenFuzz.keyID, privateKey: TokenFuzz.privateKey).sign(claims)) ?? ""
        return ["valid-token": [0x00] + Array(token.utf8), "valid-claims": [0x07] + bytes(claims)]
    }

    static func csv() -> [String: [UInt8]] {
        let demo = KupangDemo().syntheticEmployees(count: 3, unitCodes: ["KPG.DINKES", "KPG.BAPPEDA"], today: KupangDemo.referenceDate)
        var quoted = EmployeeCSV.csv([demo[0].importRow])
        quoted += "\"\(demo[1].employee.nip)\",\"Maria, S.\"\"Kes\"\"\",,, PNS ,PELAKSANA,\"Analis\r\nData\",III/a,KPG.DINKES,,1990-05-01,P,2015-03-01,AKTIF,,\r\n"
        return ["demo": Array(KupangDemo.csv(demo).utf8), "quoted": Array(quoted.utf8)]
    }

    static func evidence() -> [String: [UInt8]] {
        let header = Reporting.EvidenceUploadHeader(sha256: [UInt8](repeating: 0x5A, count: 32), sizeBytes: 40_000,
                                                    fileName: "surat tugas.pdf", mediaType: "application/pdf")
        return [
            "jpeg": [0] + [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] + Array("JFIF".utf8),
            "png": [0] + [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8),
            "pdf": [0] + Array("%PDF-1.7\n%âãÏÓ\n".utf8),
            "webp": [0] + Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8),
            "heic": [0] + [0, 0, 0, 0x18] + Array("ftypmif1".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8),
            "file-name": [1] + Array("Laporan harian — 12 Januari.pdf".utf8),
            "header": [2, 0x0A, 0x20, 0, 0, 0, 0, 0, 0x10, 0, 0, 4, 0, 0, 0, 0, 0] + bytes(header),
            "urn": [3] + Array((EvidenceHash.urnPrefix + String(repeating: "0a", count: 32)).utf8),
        ]
    }

    static func forms() -> [String: [UInt8]] {
        let boundary = "----kinerjaFormBoundary7MA4YWxk"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nc0ffee\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"uraian\"\r\n\r\nRapat koordinasi, 50% selesai\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"bukti\"; filename=\"foto.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
            + "\u{FF}\u{D8}\u{FF}data\r\n--\(boundary)--\r\n"
        return [
            "urlencoded": [0] + Array("csrf=c0ffee&uraian=Rapat+koordinasi%2C+50%25+selesai&hari=senin&hari=selasa&kosong=".utf8),
            "multipart": [1] + Array("multipart/form-data; boundary=\"\(boundary)\"\n".utf8) + Array(body.utf8),
        ]
    }

    /// An SKP file as the guide shows it, a semicolon file with quoted cells and a line break in
    /// one, and a week of reports with weekday names.
    static func skpcsv() -> [String: [UInt8]] {
        let skp = """
            rhk_kind,rhk_text,aspek,indicator,target,unit,tw1,tw2,tw3,tw4
            utama,Terlayaninya dokumen kependudukan,kuantitas,Jumlah KTP-el diterbitkan,1200,dokumen,300,300,300,300
            utama,"Meningkatnya ""kepuasan"" masyarakat",kualitas,Indeks kepuasan,85,indeks,,,,85

            """
        let semicolon = "\u{FEFF}rhk_kind;rhk_text;aspek;indicator\r\nutama;\"Teks dengan\r\nbaris baru; dan titik koma\";kuantitas;Jumlah\r\n"
        let week = "date,iki,value,description,minutes\nsen,1.1,3,Pelayanan KTP-el,120\n2026-12-01,1.2,1,\"Rapat, koordinasi\",60\n"
        return ["skp": Array(skp.utf8), "semicolon": Array(semicolon.utf8), "week": Array(week.utf8)]
    }
}
