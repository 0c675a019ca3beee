import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Keyed pseudonyms for raters in the audit, and the keyed comment order")
struct RaterPseudonymTests {
    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    @Test("HMAC-SHA-256 matches RFC 4231 test cases 1, 2 and 6 (a key longer than the block is hashed first)")
    func rfc4231() {
        #expect(HMACSHA256.authenticationCode(for: Array("Hi There".utf8), key: [UInt8](repeating: 0x0B, count: 20))
            == Self.hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"))
        #expect(HMACSHA256.authenticationCode(for: Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
            == Self.hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
        #expect(HMACSHA256.authenticationCode(for: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8), key: [UInt8](repeating: 0xAA, count: 131))
            == Self.hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"))
    }

    @Test("a rater's pseudonym is 'rater:' and 16 hex digits of HMAC-SHA-256(secret, label, round, NIP) — Python's hmac gives the same")
    func pseudonym() throws {
        let pseudonyms = try RaterPseudonym(secret: Fixtures.secret)
        // python3 -c "import hmac,hashlib; print(hmac.new(b'\x5a'*32, b'kinerja-feedback/rater/v1\x00round-q1\x00198503142010012003', hashlib.sha256).hexdigest()[:16])"
        #expect(pseudonyms.pseudonym(raterNIP: Fixtures.staff[0], roundID: "round-q1") == "rater:bf980ca025c194d1")
    }

    @Test("the audit never names who scored whom: one pseudonym per rater within a round, unrelated ones across rounds and deployments")
    func audit() throws {
        let pseudonyms = try RaterPseudonym(secret: Fixtures.secret)
        let stamp = pseudonyms.auditStamp(raterNIP: Fixtures.staff[1], roundID: "round-q1", at: Fixtures.now)
        #expect(stamp.principal.hasPrefix("rater:") && stamp.principal.count == 22)
        #expect(!stamp.principal.contains(Fixtures.staff[1]))
        #expect(stamp.principal == pseudonyms.pseudonym(raterNIP: Fixtures.staff[1], roundID: "round-q1"))
        #expect(stamp.principal != pseudonyms.pseudonym(raterNIP: Fixtures.staff[1], roundID: "round-q2"))
        #expect(stamp.principal != pseudonyms.pseudonym(raterNIP: Fixtures.staff[2], roundID: "round-q1"))
        #expect(stamp.principal != (try RaterPseudonym(secret: Fixtures.otherSecret)).pseudonym(raterNIP: Fixtures.staff[1], roundID: "round-q1"))
        let all = Set(Fixtures.staff.map { pseudonyms.pseudonym(raterNIP: $0, roundID: "round-q1") })
        #expect(all.count == Fixtures.staff.count)
    }

    @Test("a secret shorter than 32 bytes is refused")
    func shortSecret() {
        #expect(Fixtures.error { try RaterPseudonym(secret: [UInt8](repeating: 1, count: 31)) }?.code == .secretTooShort)
        #expect(Fixtures.error { try CommentOrder(roundKey: [1, 2, 3]) }?.code == .secretTooShort)
        #expect(Fixtures.error { try CommentOrder(deploymentSecret: [1, 2, 3], roundID: "r") }?.code == .secretTooShort)
    }

    @Test("comments are ordered by a keyed hash of their text: the same for any input order, different under another round's key")
    func commentOrder() throws {
        let comments = ["Selalu ramah kepada lansia", "Tepat waktu membuka loket", "Membantu rekan saat antrean panjang", "Rapi mengarsip berkas",
                        "Cepat belajar aplikasi SIAK baru", "Terbuka pada masukan"]
        let order = try CommentOrder(deploymentSecret: Fixtures.secret, roundID: "round-q1")
        let ordered = order.ordered(comments)
        #expect(Set(ordered) == Set(comments))
        #expect(order.ordered(comments.reversed()) == ordered)
        #expect(order.ordered([comments[3], comments[0], comments[5], comments[1], comments[4], comments[2]]) == ordered)
        #expect(try CommentOrder(deploymentSecret: Fixtures.secret, roundID: "round-q2").ordered(comments) != ordered)
        #expect(order.ordered(["sama", "sama"]) == ["sama", "sama"])
    }
}
