import ArgumentParser
import KinerjaProto
import Testing
@testable import kinerjactl

/// Every check of arguments that parse but make no sense is a `validate()` rule: it fails before
/// anything is read or sent, with exit 64 and a one-line message.
@Suite("Argument validation")
struct ValidationTests {
    static let nip = "199001012015031001"
    static let long = String(repeating: "x", count: 2001)

    /// Each rule: the command, arguments that break it, and the message.
    static let rules: [(command: any ParsableCommand.Type, arguments: [String], message: String)] = [
        // Every command that talks to a service.
        (Kinerjactl.WhoAmI.self, ["--timeout", "0"], "--timeout must be between 0 and 86400 seconds"),
        (Kinerjactl.WhoAmI.self, ["--timeout", "86401"], "--timeout must be between 0 and 86400 seconds"),
        (Kinerjactl.WhoAmI.self, ["--cert", "../op"], "--cert must be a certificate name such as operator, not \"../op\""),
        (Kinerjactl.WhoAmI.self, ["--server", "nope"], "--server \"nope\" is not HOST:PORT"),
        (Kinerjactl.Skp.Show.self, ["S1", "--planning", "host"], "--planning \"host\" is not HOST:PORT"),
        (Kinerjactl.WhoAmI.self, ["--evaluation", "h:0"], "--evaluation \"h:0\" is not HOST:PORT"),
        // Sign-in.
        (Kinerjactl.Login.self, ["--nip", "123"], "NIP must be 18 digits or a NONASN. identifier, not \"123\""),
        (Kinerjactl.Login.self, ["--nip", "NONASN."], "NIP must be 18 digits or a NONASN. identifier, not \"NONASN.\""),
        (Kinerjactl.Login.self, ["--password-stdin"], "--password-stdin needs --nip"),
        // Units, roles, accounts, audit.
        (Kinerjactl.Units.Tree.self, ["--depth", "11"], "--depth must be 1–10"),
        (Kinerjactl.Roles.Grant.self, ["1", "--role", "admin", "--reason", "SK"], "NIP must be 18 digits or a NONASN. identifier, not \"1\""),
        (Kinerjactl.Roles.Grant.self, [nip, "--role", "admin", "--reason", " "], "--reason must be 1–500 characters"),
        (Kinerjactl.Roles.Grant.self, [nip, "--role", "admin", "--reason", "SK", "--subunits"], "--subunits needs --scope-unit"),
        (Kinerjactl.Roles.Grant.self, [nip, "--role", "pimpinan", "--reason", "SK"]
            + (0...100).flatMap { ["--scope-unit", "KPG.U\($0)"] }, "at most 100 --scope-unit"),
        (Kinerjactl.Roles.List.self, ["--nip", "x"], "--nip must be 18 digits or a NONASN. identifier, not \"x\""),
        (Kinerjactl.Roles.Revoke.self, ["G1", "--reason", ""], "--reason must be 1–500 characters"),
        (Kinerjactl.Accounts.Get.self, ["x"], "NIP must be 18 digits or a NONASN. identifier, not \"x\""),
        (Kinerjactl.Accounts.Reset.self, [nip, "--reason", ""], "--reason must be 1–500 characters"),
        (Kinerjactl.Accounts.Unlock.self, ["x", "--reason", "r"], "NIP must be 18 digits or a NONASN. identifier, not \"x\""),
        (Kinerjactl.Accounts.Enable.self, [nip, "--reason", ""], "--reason must be 1–500 characters"),
        (Kinerjactl.Accounts.Disable.self, [nip, "--reason", String(repeating: "r", count: 501)], "--reason must be 1–500 characters"),
        (Kinerjactl.Audit.Verify.self, ["--from", "9", "--to", "3"], "--from must not be after --to"),
        (Kinerjactl.Audit.List.self, ["--limit", "0"], "--limit must be at least 1"),
        // Employees.
        (Kinerjactl.Employees.Get.self, ["123"], "NIP must be 18 digits or a NONASN. identifier, not \"123\""),
        (Kinerjactl.Employees.List.self, ["--unit", "KPG.A", "--unit-code", "KPG.B"], "give --unit or --unit-code, not both"),
        (Kinerjactl.Employees.List.self, ["--all-pages", "--limit", "5"], "give --all-pages or --limit, not both"),
        (Kinerjactl.Employees.List.self, ["--limit", "0"], "--limit must be at least 1"),
        (Kinerjactl.Employees.Create.self, ["--nip", nip, "--name", "N"],
         "missing --asn-type, --jenis-jabatan, --jabatan, --birth-date, --unit or --unit-code"),
        (Kinerjactl.Employees.Create.self, ["--nip", nip, "--name", "N", "--asn-type", "pns", "--jenis-jabatan", "pelaksana",
                                            "--jabatan", "J", "--birth-date", "1990-01-01", "--unit", "KPG.A", "--atasan", "1"],
         "--atasan must be 18 digits or a NONASN. identifier, not \"1\""),
        (Kinerjactl.Employees.Update.self, [nip], "nothing to change: give at least one field option, e.g. --jabatan"),
        (Kinerjactl.Employees.Update.self, ["1", "--jabatan", "J"], "NIP must be 18 digits or a NONASN. identifier, not \"1\""),
        (Kinerjactl.Employees.Import.self, ["f.csv", "--chunk-size", "0"], "--chunk-size must be 1–100000"),
        (Kinerjactl.Employees.Import.self, ["f.csv", "--retries", "101"], "--retries must be 0–100"),
        (Kinerjactl.Employees.Import.self, ["f.csv", "--import-id", "a b"],
         "--import-id must be at most 64 printable ASCII characters without spaces"),
        // SKP.
        (Kinerjactl.Skp.Create.self, ["--year", "1999"], "--year must be 2000–2100, not 1999"),
        (Kinerjactl.Skp.Create.self, ["--year", "2026", "--period-start", "2025-02-01"], "--period-start must lie in 2026"),
        (Kinerjactl.Skp.Create.self, ["--year", "2026", "--period-start", "2026-05-01", "--period-end", "2026-04-01"],
         "--period-start must not be after --period-end"),
        (Kinerjactl.Skp.Show.self, ["S1", "--year", "2026"], "give an SKP id or --nip/--year, not both"),
        (Kinerjactl.Skp.List.self, ["--subunits"], "--subunits needs --unit or --unit-code"),
        (Kinerjactl.Skp.List.self, ["--all-pages", "--limit", "1"], "give --all-pages or --limit, not both"),
        (Kinerjactl.Skp.Matrix.self, [], "give --unit or --unit-code"),
        (Kinerjactl.Skp.Review.self, ["--year", "3000"], "--year must be 2000–2100, not 3000"),
        (Kinerjactl.Skp.Targets.self, ["--month", "13"], "--month must be 1–12"),
        (Kinerjactl.Skp.Candidates.self, ["--nip", "1"], "--nip must be 18 digits, not \"1\""),
        (Kinerjactl.Skp.Expect.self, ["S1", "--value", "adaptif"], "--text is required (or --remove)"),
        (Kinerjactl.Skp.Submit.self, ["S1", "--note", long], "--note must be at most 2000 characters"),
        (Kinerjactl.Skp.Withdraw.self, ["S1", "--reason", long], "--reason must be at most 500 characters"),
        (Kinerjactl.Skp.Approve.self, ["S1", "--note", long], "--note must be at most 2000 characters"),
        (Kinerjactl.Skp.Return.self, ["S1", "--note", "ubah", "--comment", "no colon"],
         "--comment \"no colon\" must be RHK_ID:TEXT or RHK_ID/IKI_ID:TEXT"),
        (Kinerjactl.Skp.Revise.self, ["S1", "--reason", " "], "--reason must be 1–1000 characters"),
        (Kinerjactl.Skp.Acknowledge.self, ["R1", "--note", ""], "--note must be 1–1000 characters"),
        (Kinerjactl.Skp.AddRhk.self, ["S1", "--kind", "utama", "--text", "H", "--penugasan", "ST"],
         "--penugasan is for Tambahan RHKs (the assignment they come from)"),
        (Kinerjactl.Skp.UpdateRhk.self, ["R1"], "nothing to change: give at least one of --kind, --text, --parent, --no-parent, "
            + "--cascade, --peran, --perspektif, --position, --penugasan"),
        (Kinerjactl.Skp.Delete.self, ["S1", "--reason", " "], "--reason must be 1–500 characters"),
        (Kinerjactl.Skp.Lampiran.self, ["S1"], "nothing to set: give --dukungan, --skema, --konsekuensi or --clear"),
        (Kinerjactl.Skp.AmendExpect.self, ["S1", "--value", "loyal", "--reason", "r"], "--text is required (or --remove)"),
        (Kinerjactl.Skp.Compliance.self, [], "give --unit or --unit-code"),
        (Kinerjactl.Skp.UpdateIki.self, ["S1", "I1", "--cumulative"], "--cumulative needs --quarterly"),
        (Kinerjactl.Skp.AddIki.self, ["S1", "R1", "--aspek", "kuantitas", "--indicator", "I"],
         "a Kuantitatif SKP needs a numeric target: --target"),
        (Kinerjactl.Skp.SetTargets.self, ["S1", "I1"], "give one of --quarterly, --monthly or --clear"),
        (Kinerjactl.Skp.Import.self, ["f.csv", "--year", "1999"], "--year must be 2000–2100, not 1999"),
    ]

    @Test("each rule refuses its arguments in validate() with its message")
    func everyRule() {
        for rule in Self.rules {
            let error = rule.command.invalid(rule.arguments)
            #expect(error?.message == rule.message, "\(rule.command) \(rule.arguments.prefix(8))")
            #expect(error?.code.exitStatus == 64, "\(rule.command) \(rule.arguments.prefix(8))")
        }
    }

    @Test("valid arguments pass validate(); a unit may be named by id or code")
    func validArguments() {
        let valid: [(any ParsableCommand.Type, [String])] = [
            (Kinerjactl.WhoAmI.self, ["--timeout", "5", "--cert", "hr-portal", "--identity", "[::1]:7401", "--feedback", "h:7404"]),
            (Kinerjactl.Units.Get.self, ["KPG.DUKCAPIL"]),
            (Kinerjactl.Units.Get.self, ["01J9Z3K5W8T4M6N2P0Q7R1S3V5"]),
            (Kinerjactl.Roles.Grant.self, [Self.nip, "--role", "pimpinan", "--reason", "SK 1", "--scope-unit", "KPG.DUKCAPIL",
                                           "--subunits"]),
            (Kinerjactl.Employees.List.self, ["--unit", "KPG.DUKCAPIL", "--subunits"]),
            (Kinerjactl.Skp.Matrix.self, ["--unit", "KPG.DUKCAPIL"]),
        ]
        for (command, arguments) in valid {
            #expect(throws: Never.self, "\(command) \(arguments)") { _ = try command.parse(arguments) }
        }
    }

    @Test("kinerjactl itself ends a failed validate() with exit 64 and its one line, a parse failure with 2")
    func exitStatus() throws {
        let invalid = try #require(ArgumentFailure.invalidArguments(in: #require(throws: (any Error).self) {
            try Kinerjactl.parseAsRoot(["units", "tree", "--depth", "0"])
        }))
        #expect(ErrorReporting.report(invalid).line == "error: --depth must be 1–10")
        #expect(ErrorReporting.report(invalid).exitStatus == 64)
        let unparsable = try #require(throws: (any Error).self) { try Kinerjactl.parseAsRoot(["units", "tree", "--depth", "x"]) }
        #expect(ArgumentFailure.invalidArguments(in: unparsable) == nil)
        #expect(Kinerjactl.exitCode(for: unparsable) == .validationFailure, "main() turns this into exit 2")
    }
}

/// Units are named by id or code everywhere; codes are resolved through identity.
@Suite("Units by code or id")
struct UnitReferenceTests {
    @Test("26 characters of Crockford base32 are an id (in any case); anything else is a code")
    func kinds() {
        #expect(UnitReference(argument: "01J9Z3K5W8T4M6N2P0Q7R1S3V5")?.kind == .id("01J9Z3K5W8T4M6N2P0Q7R1S3V5"))
        #expect(UnitReference(argument: "01j9z3k5w8t4m6n2p0q7r1s3v5")?.kind == .id("01J9Z3K5W8T4M6N2P0Q7R1S3V5"))
        #expect(UnitReference(argument: "KPG.DUKCAPIL")?.kind == .code("KPG.DUKCAPIL"))
        #expect(UnitReference(argument: "01J9Z3K5W8T4M6N2P0Q7R1S3VU")?.kind == .code("01J9Z3K5W8T4M6N2P0Q7R1S3VU"), "U is not base32")
        #expect(UnitReference(argument: "01J9Z3K5W8T4M6N2P0Q7R1S3V")?.kind == .code("01J9Z3K5W8T4M6N2P0Q7R1S3V"), "25 characters")
        #expect(UnitReference(argument: "  ") == nil)
    }

    private static func units() throws -> [UInt8] {
        try Identity.ListUnitsResponse(units: [
            Identity.Unit(unitID: "01HUNITDUKCAPIL00000000000", code: "KPG.DUKCAPIL"),
            Identity.Unit(unitID: "01HUNITDUKCAPILSUB0000000", code: "KPG.DUKCAPIL.SUB"),
        ]).serializedBytes()
    }

    @Test("a code is looked up with ListUnits (inactive units too) and matched exactly, in any case")
    func code() async throws {
        let identity = FakeTransport { _, _, _ in try Self.units() }
        let test = try TestSession([.identity: identity])
        defer { test.temporary.remove() }
        let id = try await UnitLookup.unitID(UnitReference(.code("kpg.dukcapil")), test.session.identity)
        #expect(id == "01HUNITDUKCAPIL00000000000")
        let request = try #require(try identity.calls.first?.decoded(Identity.ListUnitsRequest.self).first)
        #expect(request.query == "kpg.dukcapil")
        #expect(request.includeInactive)
    }

    @Test("an unknown code says \"no unit with code X\" (NOT_FOUND), not what the service would say about a code as an id")
    func unknownCode() async throws {
        let test = try TestSession([.identity: FakeTransport { _, _, _ in try Self.units() }])
        defer { test.temporary.remove() }
        let error = try await #require(throws: CLIError.self) {
            try await UnitLookup.unitID(UnitReference(.code("KPG.DUKCAPI")), test.session.identity)
        }
        #expect(ErrorReporting.report(error).line == "error: NOT_FOUND: no unit with code KPG.DUKCAPI")
    }

    @Test("an id goes as it is, or is checked with GetUnit where an unknown id would be refused as something else")
    func id() async throws {
        let identity = FakeTransport { method, _, _ in
            guard method == "GetUnit" else { throw RPCError(.internal, method) }
            throw RPCError(.notFound, "unit not found")
        }
        let test = try TestSession([.identity: identity])
        defer { test.temporary.remove() }
        let id = UnitReference(.id("01HUNKNOWN0000000000000000"))
        #expect(try await UnitLookup.unitID(id, test.session.identity) == "01HUNKNOWN0000000000000000")
        #expect(identity.calls.isEmpty)
        let error = try await #require(throws: CLIError.self) { try await UnitLookup.unitID(id, test.session.identity, verify: true) }
        #expect(ErrorReporting.report(error).line == "error: NOT_FOUND: no unit with id 01HUNKNOWN0000000000000000")
    }
}
