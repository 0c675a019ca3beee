import Foundation
import KinerjaProto
import Testing

/// The proto3 JSON printer (KinerjaProto `jsonString`), checked by parsing its output back.
@Suite("Proto3 JSON printing")
struct JSONFormatPrinterTests {
    private func object(_ json: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(value as? [String: Any])
    }

    private var employee: Identity.Employee {
        Identity.Employee(
            nip: "199001012015031001", fullName: "Maria Ndolu", gelarDepan: "dr.", asnType: .pns,
            jenisJabatan: .fungsional, jabatanName: "Dokter Ahli Pertama", unitID: "01HVUNIT",
            birthDate: Common.Date(year: 1990, month: 1, day: 1), sex: .female, status: .aktif,
            revision: 12_345_678_901_234)
    }

    @Test("fields use lowerCamelCase JSON names and defaults are omitted")
    func namesAndDefaults() throws {
        let json = try object(employee.jsonString())
        #expect(json["fullName"] as? String == "Maria Ndolu")
        #expect(json["gelarDepan"] as? String == "dr.")
        #expect(json["jabatanName"] as? String == "Dokter Ahli Pertama")
        #expect(json["unitId"] as? String == "01HVUNIT")
        #expect(json["gelarBelakang"] == nil, "an empty string is a default and is omitted")
        #expect(json["unitHead"] == nil, "false is a default and is omitted")
        #expect(json["tmt"] == nil, "an absent message is omitted")
        #expect(json["full_name"] == nil)
    }

    @Test("int64 and uint64 print as strings, 32-bit integers as numbers")
    func sixtyFourBitAsStrings() throws {
        let json = try object(employee.jsonString())
        #expect(json["revision"] as? String == "12345678901234")
        let birth = try #require(json["birthDate"] as? [String: Any])
        #expect(birth["year"] as? Int == 1990)
        #expect(birth["month"] as? Int == 1)
        let negative = try object(Common.Timestamp(seconds: -62_135_596_800, nanos: 5).jsonString())
        #expect(negative["seconds"] as? String == "-62135596800")
        #expect(negative["nanos"] as? Int == 5)
        #expect(Common.Timestamp(seconds: 1).jsonString(pretty: false) == #"{"seconds":"1"}"#)
        #expect(Common.UInt64Value(value: .max).jsonString(pretty: false) == #"{"value":"18446744073709551615"}"#)
    }

    @Test("enums print by proto name, and numbers this build does not know print as numbers")
    func enums() throws {
        let json = try object(employee.jsonString())
        #expect(json["asnType"] as? String == "ASN_TYPE_PNS")
        #expect(json["sex"] as? String == "SEX_FEMALE")
        #expect(json["status"] as? String == "EMPLOYMENT_STATUS_AKTIF")
        var unknown = employee
        unknown.status = Identity.EmploymentStatus(rawValue: 99)
        #expect(try object(unknown.jsonString())["status"] as? Int == 99)
    }

    @Test("bytes print as standard base64 with padding")
    func bytesAsBase64() throws {
        for (bytes, expected) in [([UInt8]([0xfb, 0xff]), "+/8="), ([0x66, 0x6f, 0x6f, 0x62], "Zm9vYg=="),
                                  ([0x66, 0x6f, 0x6f], "Zm9v")] {
            let key = Identity.SigningKey(keyID: "k1", publicKey: bytes)
            #expect(try object(key.jsonString())["publicKey"] as? String == expected)
        }
        let hash = [UInt8](0..<32)
        let event = Common.AuditEvent(sequence: 7, hash: hash)
        let text = try #require(try object(event.jsonString())["hash"] as? String)
        #expect(Data(base64Encoded: text).map { Array($0) } == hash)
    }

    @Test("repeated fields print as arrays and nested messages as objects")
    func repeatedAndNested() throws {
        let leaf = Identity.UnitNode(unit: Identity.Unit(unitID: "u2", code: "KPG.DUKCAPIL", kind: .dinas), employeeCount: 3)
        let tree = Identity.UnitNode(unit: Identity.Unit(unitID: "u1", code: "KPG", kind: .pemerintahDaerah),
                                     children: [leaf, Identity.UnitNode(unit: Identity.Unit(unitID: "u3"))])
        let json = try object(tree.jsonString())
        let children = try #require(json["children"] as? [[String: Any]])
        #expect(children.count == 2)
        #expect((children[0]["unit"] as? [String: Any])?["code"] as? String == "KPG.DUKCAPIL")
        #expect(children[0]["employeeCount"] as? Int == 3)
        #expect((json["unit"] as? [String: Any])?["kind"] as? String == "UNIT_KIND_PEMERINTAH_DAERAH")
        let claim = Identity.RoleClaim(role: .pengelolaKinerja, scopeUnitIDs: ["a", "b"], includeSubunits: true)
        let claimJSON = try object(claim.jsonString())
        #expect(claimJSON["scopeUnitIds"] as? [String] == ["a", "b"])
        #expect(claimJSON["includeSubunits"] as? Bool == true)
        #expect(claimJSON["role"] as? String == "ROLE_PENGELOLA_KINERJA")
    }

    @Test("the chosen member of a oneof prints even when it holds only defaults")
    func oneofDefault() {
        let request = Identity.ImportEmployeesRequest(item: .options(Identity.ImportEmployeesOptions()))
        #expect(request.jsonString(pretty: false) == #"{"options":{}}"#)
        #expect(Identity.ImportEmployeesRequest().jsonString(pretty: false) == "{}")
    }

    @Test("strings are escaped: quotes, backslashes, control characters; other Unicode stays as it is")
    func escaping() throws {
        let name = "Yohanes \"Jo\" Fanggidaé\\Kupang\n\t\u{01}\u{7f} 田中 🙂 \u{2028}"
        let text = Identity.Employee(fullName: name).jsonString(pretty: false)
        #expect(text.contains(#"\"Jo\""#))
        #expect(text.contains(#"\\Kupang"#))
        #expect(text.contains(#"\n\t\u0001\u007f"#))
        #expect(text.contains("Fanggidaé"))
        #expect(text.contains("田中 🙂"))
        #expect(text.contains(#"\u2028"#))
        #expect(!text.contains("\n"))
        #expect(try object(text)["fullName"] as? String == name)
    }

    @Test("doubles print as numbers, NaN and infinities as strings")
    func doubles() throws {
        #expect(try object(Common.Quantity(value: 110.5, unit: "persen").jsonString())["value"] as? Double == 110.5)
        #expect(try object(Common.DoubleValue(value: .nan).jsonString())["value"] as? String == "NaN")
        #expect(try object(Common.DoubleValue(value: -.infinity).jsonString())["value"] as? String == "-Infinity")
        #expect(Common.DoubleValue(value: 3).jsonString(pretty: false) == #"{"value":3}"#)
    }

    @Test("pretty output is indented by two spaces; compact output is one line; an empty message is {}")
    func layout() {
        let date = Common.Date(year: 2026, month: 11, day: 29)
        #expect(date.jsonString() == "{\n  \"year\": 2026,\n  \"month\": 11,\n  \"day\": 29\n}")
        #expect(date.jsonString(pretty: false) == #"{"year":2026,"month":11,"day":29}"#)
        #expect(Identity.WhoAmIRequest().jsonString() == "{}")
        let nested = Identity.GetUnitResponse(ancestors: [Common.UnitRef(unitID: "u1")]).jsonString()
        #expect(nested == "{\n  \"ancestors\": [\n    {\n      \"unitId\": \"u1\"\n    }\n  ]\n}")
    }

    @Test("a string with U+0000, which protobuf-c cannot carry, prints an error object instead of crashing")
    func nulCharacter() throws {
        let json = try object(Identity.Employee(fullName: "a\u{0}b").jsonString())
        #expect((json["@error"] as? String)?.contains("U+0000") == true)
    }
}
