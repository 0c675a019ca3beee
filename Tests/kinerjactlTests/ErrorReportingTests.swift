import ArgumentParser
import KinerjaProto
import Testing
@testable import kinerjactl

/// One line on stderr and a documented exit status for every failure.
@Suite("Errors and exit status")
struct ErrorReportingTests {
    @Test("an RPC error prints as `error: <STATUS_NAME>: <message>`")
    func rpcLine() {
        let error = RPCError(.permissionDenied, "only pengelola kinerja of the unit or admin may create employees")
        let report = ErrorReporting.report(error)
        #expect(report.line == "error: PERMISSION_DENIED: only pengelola kinerja of the unit or admin may create employees")
        #expect(report.exitStatus == 77)
    }

    @Test("each status maps to its exit status: 69 UNAVAILABLE, 77 UNAUTHENTICATED/PERMISSION_DENIED, else 1",
          arguments: [
              (RPCError.Code.unavailable, Int32(69)), (.unauthenticated, 77), (.permissionDenied, 77),
              (.invalidArgument, 1), (.notFound, 1), (.alreadyExists, 1), (.failedPrecondition, 1),
              (.aborted, 1), (.deadlineExceeded, 1), (.resourceExhausted, 1), (.internal, 1), (.unknown, 1),
          ])
    func statusMapping(code: RPCError.Code, status: Int32) {
        #expect(ErrorReporting.exitStatus(for: code) == status)
        #expect(ErrorReporting.report(RPCError(code, "x")).exitStatus == status)
    }

    @Test("local failures carry their own exit status: 3, 4, 64, 65, 69, 77, 1")
    func localCodes() {
        let codes: [(CLIError.Code, Int32)] = [(.importPartiallyRejected, 3), (.auditChainBroken, 4), (.invalidArguments, 64),
                                               (.badInputFile, 65), (.unavailable, 69), (.notPermitted, 77), (.failure, 1)]
        for (code, status) in codes {
            #expect(ErrorReporting.report(CLIError(code, "m")).exitStatus == status)
        }
        #expect(ErrorReporting.report(ValidationError("bad")).exitStatus == 64)
        #expect(ErrorReporting.report(ExitCode(3)) == (nil, 3))
    }

    @Test("a local failure without a status prints `error: <message>`")
    func localLine() {
        #expect(ErrorReporting.report(CLIError.invalidArguments("--depth must be 1–10")).line == "error: --depth must be 1–10")
        #expect(ErrorReporting.report(CLIError.sessionExpired).line == "error: UNAUTHENTICATED: session expired: run kinerjactl login")
    }

    @Test("the line is one line: breaks and control characters from the server are flattened")
    func oneLine() {
        let line = ErrorReporting.report(RPCError(.internal, "first\nsecond\u{1B}[31m  third")).line
        #expect(line == "error: INTERNAL: first second\u{FFFD}[31m third")
    }

    @Test("invalid fields and a retry delay from the status details are added to the message")
    func details() {
        let violations = RPC.StatusDetail(detail: .badRequest(RPC.BadRequest(fieldViolations: [
            Common.FieldViolation(field: "employee.nip", description: "birth date 19901301 does not exist"),
        ])))
        let invalid = RPCError(.invalidArgument, "invalid employee", details: [violations])
        #expect(ErrorReporting.report(invalid).line
            == "error: INVALID_ARGUMENT: invalid employee (employee.nip: birth date 19901301 does not exist)")
        let locked = RPCError(.resourceExhausted, "too many failed sign-ins",
                              details: [RPC.StatusDetail(detail: .retryInfo(RPC.RetryInfo(retryDelayMs: 90_500)))])
        #expect(ErrorReporting.report(locked).line == "error: RESOURCE_EXHAUSTED: too many failed sign-ins; retry in 91 s")
    }
}

/// Smaller pieces of the command line: addresses, times, enum spellings.
@Suite("Command-line values")
struct CommandLineValueTests {
    @Test("servers are HOST:PORT, IPv6 in brackets, ports 1–65535")
    func serverAddress() {
        #expect(ServerAddress("127.0.0.1:7401") == ServerAddress(host: "127.0.0.1", port: 7401))
        #expect(ServerAddress("identity.kinerja.local:443")?.host == "identity.kinerja.local")
        #expect(ServerAddress("[::1]:7401") == ServerAddress(host: "::1", port: 7401))
        #expect(ServerAddress("[::1]:7401")?.description == "[::1]:7401")
        for bad in ["127.0.0.1", ":7401", "host:0", "host:70000", "host:x", "::1:7401", "[::1]7401"] {
            #expect(ServerAddress(bad) == nil, "\(bad)")
        }
    }

    @Test("times show in WITA as `2026-11-29 14:05 WITA`, also across midnight and before 1970")
    func witaTimes() {
        #expect(WITATime.format(unixSeconds: 1_795_932_300) == "2026-11-29 14:05 WITA")
        #expect(WITATime.format(unixSeconds: 1_798_747_200) == "2027-01-01 04:00 WITA")
        #expect(WITATime.format(unixSeconds: -28_860) == "1969-12-31 23:59 WITA")
        #expect(WITATime.format(nil as Common.Timestamp?) == "—")
    }

    @Test("dates are YYYY-MM-DD and must exist")
    func dates() {
        #expect(WITATime.parseDate("2024-02-29") == Common.Date(year: 2024, month: 2, day: 29))
        for bad in ["2023-02-29", "1900-13-01", "2024-2-1", "20240201", "1899-12-31", "2024-04-31"] {
            #expect(WITATime.parseDate(bad) == nil, "\(bad)")
        }
        #expect(WITATime.format(Common.Date(year: 2015, month: 3, day: 1)) == "2015-03-01")
    }

    @Test("contract enums are named without their prefix, in words")
    func enumNames() {
        #expect(Display.name(Identity.UnitKind.pemerintahDaerah) == "Pemerintah Daerah")
        #expect(Display.name(Common.AsnType.pppk) == "PPPK")
        #expect(Display.name(Common.Role.pengelolaKinerja) == "Pengelola Kinerja")
        #expect(Display.name(Identity.EmploymentStatus(rawValue: 42)) == "42")
        #expect(EnumArgument<Common.Role>.allValueStrings == ["pegawai", "pengelola-kinerja", "pimpinan", "admin", "auditor"])
        #expect(EnumArgument<Identity.EmploymentStatus>(argument: "DIBERHENTIKAN_SEMENTARA")?.value == .diberhentikanSementara)
        #expect(EnumArgument<Identity.EmploymentStatus>(argument: "EMPLOYMENT_STATUS_PENSIUN")?.value == .pensiun)
        #expect(EnumArgument<Identity.EmploymentStatus>(argument: "unspecified") == nil)
    }

    @Test("NIPs are checked to be 18 digits before anything is sent")
    func nips() {
        #expect(throws: CLIError.self) { try ArgumentChecks.nip("19900101201503100") }
        #expect(throws: CLIError.self) { try ArgumentChecks.nip("19900101201503100x") }
        #expect(throws: CLIError.self) { try ArgumentChecks.nip("１９９００１０１２０１５０３１００１") }
        #expect((try? ArgumentChecks.nip("199001012015031001")) == "199001012015031001")
        #expect(throws: CLIError.self) { try ArgumentChecks.reason("   ") }
    }

    @Test("the unit tree is drawn with codes, names, kinds, heads and employee counts")
    func unitTree() {
        func node(_ code: String, _ name: String, _ kind: Identity.UnitKind, head: String = "", count: UInt32,
                  _ children: [Identity.UnitNode] = []) -> Identity.UnitNode {
            Identity.UnitNode(unit: Identity.Unit(code: code, name: name, kind: kind, headNIP: head, active: true),
                              children: children, employeeCount: count)
        }
        let tree = node("KPG", "Pemerintah Kota Kupang", .pemerintahDaerah, head: "196801011990031001", count: 1, [
            node("KPG.DUKCAPIL", "Dinas Dukcapil", .dinas, count: 42, [node("KPG.DUKCAPIL.PDI", "Bidang PDI", .bidang, count: 7)]),
            node("KPG.OEBOBO", "Kecamatan Oebobo", .kecamatan, count: 1),
        ])
        #expect(UnitTreeText.lines(tree) == [
            "KPG  Pemerintah Kota Kupang  [Pemerintah Daerah] head 196801011990031001 · 1 employee",
            "├── KPG.DUKCAPIL  Dinas Dukcapil  [Dinas] head vacant · 42 employees",
            "│   └── KPG.DUKCAPIL.PDI  Bidang PDI  [Bidang] head vacant · 7 employees",
            "└── KPG.OEBOBO  Kecamatan Oebobo  [Kecamatan] head vacant · 1 employee",
        ])
    }
}
