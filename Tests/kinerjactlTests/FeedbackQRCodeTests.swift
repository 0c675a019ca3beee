import Foundation
import Testing
@testable import kinerjactl

/// The QR encoder against vectors made by an independent encoder: python-qrcode 8.2, with
/// `qrcode.QRCode(version=…, error_correction=ERROR_CORRECT_M, mask_pattern=…, border=0)` and
/// `add_data(text.encode(), optimize=0)` (one byte-mode segment). Each matrix is its rows of
/// modules (1 = dark) as one bit string in hex. (segno 1.6.6 was tried first: it adds a whole
/// 0x00 codeword of "padding bits" when the data ends on a byte boundary, which the standard does
/// not, so its symbols differ in the pad codewords and everything after.)
@Suite("QR codes for citizen tickets")
struct FeedbackQRCodeTests {
    static let link = "https://kinerja.kupangkota.go.id/nilai/K7QMX3XHD92PBQR"
    /// Version 4 with each of the eight masks.
    static let linkMasks: [String] = [
        "fe07b33fc161e8906e9dc46bb741ddf5dbabe85aec13dd8907faaaaafe004aca00aa54cd092c226478eaae9894f01adab51ea62a8651e19cee954e17a966880def721fffcfe06ce14478d9a9b2a0a293d2972361d01a580ad8cd3e3d99307e9ba6ca63bf86c4f9806036c6ff8c086af04baf910baf0a6fc5d12f1056eb6e182b0449ac12fedbd5c98",
        "fed2e63fc10b42106ea8912bb74b7755dba6bd0aec15772107faaaaafe00e06000a30198128688ced27ffbcdc1bab0701fbbf37fd3034b36443c1b42fc3222a745d84aaa9ab5464beed24cfce7f5e839783d8634854f0aa072679768cc652a310c60c9ead391fc804a9c447fb95d2bb0410531aba25f3f95d385bafeea3b4d7f04e306b8fe8e809c8",
        "fe643d3fc12fd0506ea527ebb75253c5dbadd0baec173e0507faaaaafe01722900be37433e4eac5c9b64967b1ac8b9548dfd281265dfc97f60adad99918502350cfc271c41d88e6f7c9b5791512e9a305cafc0efe8f9d6223b4306de17089d119e29ed87654af9006e0e457f94ebead05821b1eba9328fcdd5cc9e6eeae020c904714f9cfeb85bf10",
        "fee43d3fc14266906e9e4a4bb75253c5dba06662ec1053b107faaaaafe01c4f200b75af5a5ceac5c9b49a0a0777394e2569d281265da6fa40d1ac82f4ae902350cfc93c72c6e62d9a7f6d791512e8cab31191d79339466223b43040d7abe46a345445b87654af90043b8c63faf866a105821b1eba4845fa5d6a128b6eae020c904c794f1fed5ed2a0",
        "fea3213fc10c5e506e8b1f0bb7554fb5dba9a17aec1506e507faaaaafe0103ee008bf05f7cf64fd2a3879843f9593e48fc3a3463a2c4474783239d7a1fbc1a44cbe056db5da9368cf2a3b49f69cd0bb740de07f3993ecdac03a088eef486a409efeef1f6a256f8804d8045bfbad32b504f3dd12bad434fd5d3f47de2e803aef104008880feff47808",
        "fe52e63fc14f52506ea527ebb75e2205dba5d0baec11362507faaaaafe01f0210082b7436752dd9b8724967b1acab1740ffbf37fd3074b77402dad99918573f2108d271c41d8864ffe934cfce7f5f8387c2dc0efe8f9d7e52732c2de17089d311c21cdead391fc804e8c457f94ebead0445071fba1328fcdd3c4beeee83b4d7f04f347bcfeb85bf10",
        "fed2e63fc14c5e506eac036bb74e2205dbacf42aec10b03d07faaaaafe00fc11009f93d14bd2dd9b872db2e953eb376c6e7bf37fd30447478320890bd8a173f2108d038e08fc00579f154cfce7f5f408bf21f47da1dd47e52732c24c5e2c0f297da7d5ead391fc804d8045bfbdcf6a90545071fba8161f85d642a68ee83b4d7f04ff777ffe9cc9b80",
        "fe07b33fc133a1906e99562bb741ddf5dba1a17aec174fc107faaaaafe0003ee0096c684502c226478f8e7bc06b48893918ea62a8653a8b87cdddc5e8df4880def7256db5da97ea860ea99a9b2a0abb740de0128f488100ad8cd3f190b795ad282582abf86c4f980727fc67f889a2bd05baf910ba5434fd5d5bd5972e96e182b04008880fec99ced0"
    ]
    /// The independent encoder's own choice for the link (lowest penalty).
    static let linkChoice = (version: 4, mask: 3)
    static let version7 = (text: "Penerbitan KTP-el, Loket 3, Dinas Kependudukan dan Pencatatan Sipil Kota Kupang, Nusa Tenggara Timur (Rabu pagi).", version: 7, mask: 1, matrix: "fea0cf3fcbfc10423010906eafc2f5d4bb74bc868835dba3acff2baec152445d8107faaaaaaaafe001b91c3000a3517feea12b22ce022aa46dd3ef97316ac9483911b98321d327ef29e6555c6aea84ee0fcec4442929fa2debd913bcb3daf6dee675c62288b0c229a1374a3873e1df6d0ffe22fccffdac4954486c656a086bf6eabd14e51d3d198fe91f9adfc76f88be2ca8aab5179156826a56da11bd22b82a2eeb65dc6863aea99c6e19cb332ab9a8b009a36adbe19abab71b60f5d2ec4842896c4354fef13916d13699b383fcedfa005b3472ac77fb632bb76b30422f15c11aba627f9cefd5d1713e22c4eeaa6bf17bbb04661193a88fea878aaefe8")
    static let version10 = (text: "Survei Kepuasan Masyarakat: Survei Kepuasan Masyarakat: Survei Kepuasan Masyarakat: Survei Kepuasan Masyarakat: Survei Kepuasan Masyarakat: Survei Kepuasan Masyarakat: Survei Kepuasan Masyarakat: Surv", version: 10, mask: 5, matrix: "fe1294b372a73fc16a84d21122906ea02cb4d4ebcbb75cc1cfdff7a5dba24cabf1cf12ec13498311553107faaaaaaaaaaafe013998c723590082ae457f3811675e95c7c7bfffff3b95c8fd0a56fd9b24b25adb1755d375599daeda8184e337cbb46baea82c0240c4af5afddae23e804e8ded1799cb873c0040969cf2dbaad6effbe23ae716713739827499b25e95d8ab44c214e74406435b4daf735f179c4f2d6c6d0c95616031bcc0900cbb2a7c4c4aa969ae95594b4e3ee1c7e335afffc1fed518cd346c0d51eda847a2b1e15aa0c41aff1aab24563e9962fe5567f263bb134341720ecf6f219b6c501c3ce1e54613fbcd40e51cf99890d1fbb3b5d5823525c7a2ef37caeeb31c43a265f2eba2bd5e439069bc8b1db2871c226642bfda83453b3c06a9726b5edbeeb4eb4ffb4624e6657ae7b1a25c821704d97db01525b708dec0a89cf37ff7ee99760fcd2f197df16ff90d0bdacc02e1cc3ecabbfd807e83d1aef6477f8b6b3aebc7aa504b43946603d1eba4064ff4e74f85d334197a670152e93284aab36267045ae62dc993acfeaab9187c72bd0")

    /// The matrix as the vectors write it.
    static func hex(_ code: QRCode) -> String {
        let bits = code.modules.flatMap { $0 }
        var out = ""
        var index = 0
        while index < bits.count {
            var nibble = 0
            for offset in 0..<4 { nibble = nibble << 1 | (index + offset < bits.count && bits[index + offset] ? 1 : 0) }
            out += String(nibble, radix: 16)
            index += 4
        }
        return out
    }

    @Test("the ticket link, version 4, level M: every module equals the independent encoder's, for each of the eight masks")
    func everyMask() throws {
        for mask in 0..<8 {
            let code = try QRCode(Self.link, version: 4, mask: mask)
            #expect(code.size == 33)
            #expect(Self.hex(code) == Self.linkMasks[mask], "mask \(mask)")
        }
    }

    @Test("the version is the smallest that holds the text at level M, and the mask the one with the lowest penalty (the same choice as the independent encoder)")
    func choice() throws {
        let code = try QRCode(Self.link)
        #expect(code.version == Self.linkChoice.version)
        #expect(code.mask == Self.linkChoice.mask)
        #expect(Self.hex(code) == Self.linkMasks[code.mask])
    }

    @Test("versions 7 and 10 carry their version information and two-group blocks correctly")
    func largerVersions() throws {
        for vector in [Self.version7, Self.version10] {
            let code = try QRCode(vector.text, mask: vector.mask)
            #expect(code.version == vector.version)
            #expect(Self.hex(code) == vector.matrix, "version \(vector.version)")
        }
    }

    @Test("the mask chosen has the lowest penalty of the eight (encoders weigh the finder-like rule differently, so the choice is checked against the rules, not against another encoder)")
    func lowestPenalty() throws {
        for text in [Self.link, Self.version7.text, Self.version10.text] {
            let chosen = try QRCode(text)
            var grid = QRCode.Grid(version: chosen.version)
            grid.drawFunctionPatterns()
            grid.place(QRCode.codewords(Array(text.utf8), version: chosen.version))
            let penalties = (0..<8).map { mask -> Int in
                var candidate = grid
                candidate.apply(mask: mask)
                candidate.drawFormat(mask: mask)
                return candidate.penalty()
            }
            #expect(penalties[chosen.mask] == penalties.min())
        }
    }

    @Test("capacity at level M in byte mode: 14, 26, 42, 62, 84, 106, 122, 152, 180, 213 bytes; more is refused")
    func capacity() throws {
        #expect((1...10).map(QRCode.capacity(version:)) == [14, 26, 42, 62, 84, 106, 122, 152, 180, 213])
        #expect(throws: QRCode.TooLong.self) { try QRCode(String(repeating: "x", count: 214)) }
        #expect(try QRCode(String(repeating: "x", count: 14)).version == 1)
        #expect(try QRCode(String(repeating: "x", count: 15)).version == 2)
    }

    @Test("drawn with half blocks: two module rows per line, a quiet zone, nothing but blocks and spaces")
    func terminal() throws {
        let code = try QRCode(Self.link)
        let lines = code.terminalText(quiet: 2).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == (33 + 4 + 1) / 2)
        #expect(lines.allSatisfy { $0.count == 37 })
        #expect(lines.joined().allSatisfy { "█▀▄ ".contains($0) })
        #expect(lines.first?.allSatisfy { $0 == "█" } == true, "the quiet zone is light")
    }
}
