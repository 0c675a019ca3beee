import KinerjaCrypto
import Testing

@Suite("One-time passwords")
struct OneTimePasswordTests {
    @Test("the alphabet has no characters that read alike: 0 O o 1 l I i")
    func alphabet() {
        for confusable in "0Oo1lIi" {
            #expect(!OneTimePassword.alphabet.contains(confusable))
        }
        #expect(Set(OneTimePassword.alphabet).count == OneTimePassword.alphabet.count)
        #expect(OneTimePassword.alphabet.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    @Test("the default length is 16 and any requested length is honoured", arguments: [1, 8, 16, 64])
    func length(count: Int) {
        #expect(OneTimePassword.generate().count == 16)
        #expect(OneTimePassword.generate(length: count).count == count)
    }

    @Test("ten thousand passwords use only the alphabet, never repeat, and cover every character")
    func manyDraws() {
        let allowed = Set(OneTimePassword.alphabet)
        var seen = Set<String>()
        var counts: [Character: Int] = [:]
        for _ in 0..<10_000 {
            let password = OneTimePassword.generate()
            #expect(password.allSatisfy(allowed.contains))
            seen.insert(password)
            for character in password { counts[character, default: 0] += 1 }
        }
        #expect(seen.count == 10_000)
        #expect(Set(counts.keys) == allowed)
        // 160 000 draws over the alphabet: each character expected about 2 900 times; a plain
        // modulo bias or a stuck generator would push some far outside this generous band.
        let expected = 160_000 / allowed.count
        #expect(counts.values.allSatisfy { abs($0 - expected) < expected / 5 })
    }
}
