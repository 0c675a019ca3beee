import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("SKP lifecycle")
struct SkpLifecycleTests {
    /// Every state a latest version can be read in (DIGANTI and UNSPECIFIED only from bad data).
    static let states: [Planning.SkpState] = [.draft, .diajukan, .disetujui, .dikembalikan, .diganti, .unspecified]

    static func events(version: UInt32) -> [(name: String, event: SkpLifecycle.Event)] {
        [("submit", .submit()), ("withdraw", .withdraw()), ("approve", .approve(version: version)),
         ("return", .return(version: version, note: "Target IKI 2 terlalu rendah; mohon disesuaikan.")),
         ("revise", .revise(reason: "perubahan target triwulan III"))]
    }

    /// The lifecycle with one earlier approved version (v1) and a latest version v2 in `state`.
    static func lifecycle(latest state: Planning.SkpState) -> SkpLifecycle {
        SkpLifecycle(versions: [.init(version: 1, state: .disetujui), .init(version: 2, state: state)])
    }

    @Test("""
    the transition table: DRAFT -submit-> DIAJUKAN; DIAJUKAN -withdraw-> DRAFT, -approve-> DISETUJUI, \
    -return-> DIKEMBALIKAN; DIKEMBALIKAN and DISETUJUI -revise-> a new DRAFT version; every other pair is refused with its code
    """)
    func table() throws {
        let legal: [String: Planning.SkpState] = [
            "DRAFT submit": .diajukan, "DIAJUKAN withdraw": .draft, "DIAJUKAN approve": .disetujui,
            "DIAJUKAN return": .dikembalikan, "DIKEMBALIKAN revise": .draft, "DISETUJUI revise": .draft,
        ]
        let refusal: [String: String] = [
            "submit": "SKP_NOT_DRAFT", "withdraw": "SKP_NOT_DIAJUKAN", "approve": "SKP_NOT_DIAJUKAN",
            "return": "SKP_NOT_DIAJUKAN", "revise": "SKP_NOT_REVISABLE",
        ]
        var legalSeen = 0
        for state in Self.states {
            for (name, event) in Self.events(version: 2) {
                var lifecycle = Self.lifecycle(latest: state)
                let key = "\(state.label) \(name)"
                if let expected = legal[key] {
                    legalSeen += 1
                    try lifecycle.apply(event)
                    #expect(lifecycle.latest?.state == expected, "\(key)")
                    if name == "revise" {
                        #expect(lifecycle.versions.count == 3, "\(key) makes version 3")
                        #expect(lifecycle.versions[1].state == state, "\(key): the revised version keeps its state")
                    }
                } else {
                    let before = lifecycle
                    let error = #expect(throws: SkpRuleError.self, "\(key)") { try lifecycle.apply(event) }
                    #expect(error?.code == refusal[name], "\(key): \(error?.description ?? "")")
                    #expect(error?.category == .failedPrecondition, "\(key)")
                    #expect(lifecycle == before, "\(key): a refused event changes nothing")
                }
            }
        }
        #expect(legalSeen == legal.count)
    }

    @Test("refusals name the current and the required state")
    func messages() {
        var lifecycle = SkpLifecycle(versions: [.init(version: 1, state: .diajukan)])
        let submit = #expect(throws: SkpRuleError.self) { try lifecycle.apply(.submit()) }
        #expect(submit?.message == "only a DRAFT can be submitted; this version is DIAJUKAN")
        lifecycle = SkpLifecycle(versions: [.init(version: 1, state: .draft)])
        let approve = #expect(throws: SkpRuleError.self) { try lifecycle.apply(.approve(version: 1)) }
        #expect(approve?.message == "only a DIAJUKAN version can be approved; this version is DRAFT")
        let revise = #expect(throws: SkpRuleError.self) { try lifecycle.apply(.revise(reason: "x")) }
        #expect(revise?.message == "only a DIKEMBALIKAN or DISETUJUI version can be revised; the latest version is DRAFT")
        #expect(revise?.description.hasPrefix("SKP_NOT_REVISABLE: ") == true)
    }

    @Test("a new SKP is version 1 DRAFT; the demo flow draft -> submit -> return -> revise -> submit -> approve")
    func demoFlow() throws {
        var lifecycle = SkpLifecycle()
        #expect(lifecycle.versions == [.init(version: 1, state: .draft)])
        #expect(try lifecycle.apply(.submit(note: "Mohon persetujuan")) == .submitted(version: 1))
        #expect(try lifecycle.apply(.return(version: 1, note: "Target IKI 2 terlalu rendah dibanding realisasi tahun lalu; mohon disesuaikan."))
            == .returned(version: 1))
        #expect(try lifecycle.apply(.revise(reason: "menyesuaikan target IKI 2")) == .revised(version: 2, from: 1))
        #expect(lifecycle.versions.map(\.state) == [.dikembalikan, .draft])
        #expect(try lifecycle.apply(.submit()) == .submitted(version: 2))
        #expect(try lifecycle.apply(.approve(version: 2, note: "Disetujui.")) == .approved(version: 2, superseded: nil))
        #expect(lifecycle.approvedVersion == 2)
    }

    @Test("approving a version marks the previously approved one DIGANTI; until then the approved version stays in force")
    func supersede() throws {
        var lifecycle = SkpLifecycle(versions: [.init(version: 1, state: .disetujui)])
        try lifecycle.apply(.revise(reason: "perubahan target triwulan III"))
        #expect(lifecycle.approvedVersion == 1)
        try lifecycle.apply(.submit())
        #expect(lifecycle.approvedVersion == 1)
        #expect(try lifecycle.apply(.approve(version: 2)) == .approved(version: 2, superseded: 1))
        #expect(lifecycle.versions.map(\.state) == [.diganti, .disetujui])
        #expect(lifecycle.approvedVersion == 2)
    }

    @Test("approve and return name the version read: it must be the latest (FAILED_PRECONDITION) and exist (NOT_FOUND)")
    func versionGuard() {
        var lifecycle = SkpLifecycle(versions: [.init(version: 1, state: .dikembalikan), .init(version: 2, state: .diajukan)])
        let stale = #expect(throws: SkpRuleError.self) { try lifecycle.apply(.approve(version: 1)) }
        #expect(stale?.code == "SKP_VERSION_NOT_LATEST")
        #expect(stale?.category == .failedPrecondition)
        let unknown = #expect(throws: SkpRuleError.self) { try lifecycle.apply(.return(version: 7, note: "x")) }
        #expect(unknown?.code == "SKP_VERSION_UNKNOWN")
        #expect(unknown?.category == .notFound)
        var empty = SkpLifecycle(versions: [])
        #expect(throws: SkpRuleError.noVersions) { try empty.apply(.submit()) }
    }

    @Test("a return needs a note of 1-2000 characters; notes and reasons have their limits (INVALID_ARGUMENT, checked first)")
    func notes() {
        var lifecycle = SkpLifecycle(versions: [.init(version: 1, state: .draft)])
        for note in ["", "   \n"] {
            let error = #expect(throws: SkpRuleError.self) { try lifecycle.apply(.return(version: 1, note: note)) }
            #expect(error?.code == "SKP_RETURN_NOTE_REQUIRED")
            #expect(error?.category == .invalidArgument)
        }
        let long = String(repeating: "a", count: 2001)
        for event in [SkpLifecycle.Event.return(version: 1, note: long), .approve(version: 1, note: long), .submit(note: long),
                      .withdraw(reason: String(repeating: "a", count: 501)), .revise(reason: String(repeating: "a", count: 1001))] {
            let error = #expect(throws: SkpRuleError.self) { try lifecycle.apply(event) }
            #expect(error?.code == "SKP_NOTE_TOO_LONG")
        }
        let blank = #expect(throws: SkpRuleError.self) { try lifecycle.apply(.revise(reason: " ")) }
        #expect(blank?.code == "SKP_REVISION_REASON_REQUIRED")
        var returned = SkpLifecycle(versions: [.init(version: 1, state: .diajukan)])
        #expect((try? returned.apply(.return(version: 1, note: String(repeating: "a", count: 2000)))) == .returned(version: 1))
    }

    @Test("no revision once the year's evaluation is finalised")
    func finalised() {
        var lifecycle = SkpLifecycle(versions: [.init(version: 1, state: .disetujui)])
        let error = #expect(throws: SkpRuleError.self) {
            try lifecycle.apply(.revise(reason: "mutasi jabatan"), evaluationFinalised: true)
        }
        #expect(error?.code == "SKP_EVALUATION_FINALISED")
        #expect(lifecycle.versions.count == 1)
    }

    @Test("only a DRAFT is edited; behaviour expectations may be set on DRAFT or DIAJUKAN")
    func editRules() {
        for state in Self.states {
            if state == .draft {
                #expect(throws: Never.self) { try SkpLifecycle.checkEditable(state) }
            } else {
                let error = #expect(throws: SkpRuleError.self) { try SkpLifecycle.checkEditable(state) }
                #expect(error?.code == "SKP_NOT_DRAFT")
                #expect(error?.message == "only a DRAFT can be edited; this version is \(state.label)")
            }
            if state == .draft || state == .diajukan {
                #expect(throws: Never.self) { try SkpLifecycle.checkExpectationsSettable(state) }
            } else {
                let error = #expect(throws: SkpRuleError.self) { try SkpLifecycle.checkExpectationsSettable(state) }
                #expect(error?.code == "SKP_EXPECTATIONS_CLOSED")
            }
        }
    }

    @Test("at most 30 RHKs per SKP and 10 IKIs per RHK: adding beyond is FAILED_PRECONDITION")
    func limits() {
        #expect(throws: Never.self) { try RhkRules.checkCanAdd(rhkCount: 29) }
        #expect(throws: SkpRuleError.rhkLimitReached(limit: 30)) { try RhkRules.checkCanAdd(rhkCount: 30) }
        #expect(throws: Never.self) { try IkiRules.checkCanAdd(ikiCount: 9, rhkID: "R") }
        let error = #expect(throws: SkpRuleError.self) { try IkiRules.checkCanAdd(ikiCount: 10, rhkID: "R") }
        #expect(error?.code == "RHK_IKI_LIMIT_REACHED")
        #expect(error?.category == .failedPrecondition)
    }
}
