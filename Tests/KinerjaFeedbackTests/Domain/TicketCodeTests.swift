import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Ticket codes: 70 random bits in Crockford base32 with a check character that catches typos before a lookup")
struct TicketCodeTests {
    @Test("a code is 14 random characters and a check character, printed in three groups of five; the proto's example is valid")
    func shape() throws {
        let code = TicketCode.generate(randomBytes: { count in (0..<count).map { UInt8($0) } })
        #expect(code.canonical == "0123456789ABCDF")
        #expect(code.display == "01234-56789-ABCDF")
        #expect(try TicketCode(parsing: "K7QMX-3XHD9-2PBQR").canonical == "K7QMX3XHD92PBQR")
        // The check character computed independently (Python, GF(32) with x^5 + x^2 + 1): "R".
    }

    @Test("each random character takes 5 bits of its own SecureRandom byte: codes differ, use the whole alphabet, and never I, L, O or U")
    func randomness() throws {
        var seen = Set<String>()
        var letters = Set<Character>()
        for _ in 0..<500 {
            let code = TicketCode.generate()
            seen.insert(code.canonical)
            letters.formUnion(code.canonical.prefix(TicketCode.randomLength))
            #expect(try TicketCode(parsing: code.display) == code)
        }
        #expect(seen.count == 500)
        #expect(letters == Set(TicketCode.alphabet))
        #expect(letters.isDisjoint(with: "ILOU"))
        #expect(TicketCode.randomLength * 5 >= 60)
    }

    @Test("input is forgiving: any case, dashes and spaces ignored, O read as 0 and I or L as 1")
    func forgiving() throws {
        let code = try TicketCode(parsing: "K7QMX-3XHD9-2PBQR")
        #expect(try TicketCode(parsing: "k7qmx 3xhd9 2pbqr") == code)
        #expect(try TicketCode(parsing: "K7QMX3XHD92PBQR") == code)
        let zero = TicketCode.generate(randomBytes: { count in [UInt8](repeating: 0, count: count) })
        #expect(try TicketCode(parsing: zero.canonical.replacingOccurrences(of: "0", with: "O")) == zero)
        let one = TicketCode.generate(randomBytes: { count in [UInt8](repeating: 1, count: count) })
        #expect(try TicketCode(parsing: String(one.canonical.prefix(7)).replacingOccurrences(of: "1", with: "i") + one.canonical.dropFirst(7).replacingOccurrences(of: "1", with: "L")) == one)
    }

    @Test("every single mistyped character, at every position, is caught by the check character (INVALID_ARGUMENT, no lookup)")
    func singleSubstitutions() throws {
        let code = Array(try TicketCode(parsing: "K7QMX-3XHD9-2PBQR").canonical)
        var caught = 0
        for position in code.indices {
            for other in TicketCode.alphabet where other != code[position] {
                var typo = code
                typo[position] = other
                let error = Fixtures.error { try TicketCode(parsing: String(typo)) }
                #expect(error?.code == .ticketCodeCheckFailed, "\(String(typo))")
                caught += 1
            }
        }
        #expect(caught == 15 * 31)
    }

    @Test("every swap of two different characters, adjacent or not, is caught")
    func transpositions() throws {
        let code = Array(try TicketCode(parsing: "K7QMX-3XHD9-2PBQR").canonical)
        for first in code.indices {
            for second in code.indices where second > first && code[first] != code[second] {
                var swapped = code
                swapped.swapAt(first, second)
                #expect(Fixtures.error { try TicketCode(parsing: String(swapped)) }?.code == .ticketCodeCheckFailed, "\(first)<->\(second)")
            }
        }
    }

    @Test("a wrong length or a character outside the alphabet is malformed")
    func malformed() {
        #expect(Fixtures.error { try TicketCode(parsing: "K7QMX-3XHD9-2PBQ") }?.message == "a ticket code has 15 characters, got 14")
        #expect(Fixtures.error { try TicketCode(parsing: "K7QMX-3XHD9-2PBQR-X") }?.message == "a ticket code has 15 characters, got more")
        #expect(Fixtures.error { try TicketCode(parsing: "U7QMX-3XHD9-2PBQR") }?.code == .ticketCodeMalformed)
        #expect(Fixtures.error { try TicketCode(parsing: "K7QMX_3XHD9_2PBQR") }?.code == .ticketCodeMalformed)
        #expect(Fixtures.error { try TicketCode(parsing: "") }?.rpcStatus?.code == .invalidArgument)
    }
}
