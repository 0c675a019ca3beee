import KinerjaIdentity
import KinerjaProto
import Testing

@Suite("Password policy")
struct PasswordPolicyTests {
    static let nip = "198507122010011001"

    func reasons(_ password: String, current: String? = nil) -> [String] {
        PasswordPolicy.violations(newPassword: password, nip: Self.nip, currentPassword: current).map(\.reason)
    }

    @Test("a long passphrase of unrelated words is accepted")
    func accepted() {
        #expect(reasons("kopi pagi di pantai Lasiana") == [])
        #expect(reasons("tenun ikat sabu merah 7") == [])
    }

    @Test("password: 12-256 characters, counted as Unicode scalars")
    func length() {
        #expect(reasons("Kelor-Daun1") == ["PASSWORD_TOO_SHORT"])
        #expect(reasons("Kelor-Daun12") == [])
        // "e" + combining acute is one character but two scalars: 11 characters, 12 scalars.
        #expect(reasons("sasandoRot" + "e\u{301}").isEmpty)
        let long = String(repeating: "sasando rote ", count: 20)   // 260 scalars
        #expect(reasons(String(long.prefix(256))) == [])
        #expect(reasons(long) == ["PASSWORD_TOO_LONG"])
    }

    @Test("password: not equal to the current one")
    func unchanged() {
        #expect(reasons("sasando dari pulau rote", current: "sasando dari pulau rote") == ["PASSWORD_UNCHANGED"])
        #expect(reasons("sasando dari pulau rote", current: "something else entirely") == [])
        #expect(reasons("sasando dari pulau rote", current: nil) == [])
    }

    @Test("password: must not contain the NIP")
    func nip() {
        #expect(reasons("nip" + Self.nip + "!") == ["PASSWORD_CONTAINS_NIP"])
        #expect(reasons("nip-1985071220100110") == [])   // a prefix of the NIP is not the NIP
    }

    @Test("password: not a common password, ignoring case, nor one with digits or punctuation added")
    func common() {
        for password in ["password12345", "Password12345!", "KUPANG2024!!", "bismillah123", "Bismillah1234", "123456789012",
                         "iloveyouiloveyou", "qwertyuiop12", "!!Sayangku2025", "indonesia 1945", "passwordpassword"] {
            #expect(reasons(password) == ["PASSWORD_TOO_COMMON"], "\(password)")
        }
        #expect(reasons("password123").contains("PASSWORD_TOO_COMMON"))
        #expect(PasswordPolicy.isCommon("KUPANG123"))
        #expect(!PasswordPolicy.isCommon("kupangku sayang"))
        #expect(!PasswordPolicy.isCommon("p4ssword kupang"))
    }

    @Test("the common-password list holds at least 300 lowercased, distinct entries, Indonesian ones included")
    func list() {
        let list = CommonPasswords.list
        #expect(list.count >= 300)
        #expect(Set(list).count == list.count)
        #expect(list.allSatisfy { $0 == $0.lowercased() && !$0.isEmpty })
        for word in ["bismillah", "indonesia", "sayangku", "kupang123", "password123", "123456", "qwerty"] {
            #expect(CommonPasswords.set.contains(word), "\(word)")
        }
    }

    @Test("password: not a single repeated character")
    func repeated() {
        #expect(reasons("aaaaaaaaaaaa") == ["PASSWORD_SINGLE_CHARACTER"])
        #expect(reasons("111111111111") == ["PASSWORD_SINGLE_CHARACTER"])
        #expect(reasons("aaaaaaaaaaab") == [])
    }

    @Test("every broken rule is reported at new_password")
    func allRules() {
        let v = PasswordPolicy.violations(newPassword: "aaaa", nip: "aaaa", currentPassword: "aaaa")
        #expect(v.map(\.reason) == ["PASSWORD_TOO_SHORT", "PASSWORD_UNCHANGED", "PASSWORD_CONTAINS_NIP", "PASSWORD_SINGLE_CHARACTER"])
        #expect(v.allSatisfy { $0.field == "new_password" && !$0.description.isEmpty })
    }
}
