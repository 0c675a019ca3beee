import ArgumentParser
import KinerjaProto
import Testing
@testable import kinerjactl

/// `kinerjactl call`: a method of the contract, checked against the server's reflection service,
/// sent with the policy of every command, answered in proto3 JSON.
@Suite("kinerjactl call")
struct CallTests {
    static let rules: [(arguments: [String], message: String)] = [
        ([], "give SERVICE/METHOD to call, or --list"),
        (["GetUnit"], "\"GetUnit\" is not SERVICE/METHOD, e.g. kinerja.identity.v1.IdentityService/GetUnit"),
        (["identity/GetUnits"],
         "kinerja.identity.v1.IdentityService has no method GetUnits (kinerjactl call --list kinerja.identity.v1.IdentityService lists them)"),
        (["PayrollService/Pay"], "no service \"PayrollService\" in the contract (kinerjactl contract lists them)"),
        (["kinerja.rpc.v1.HealthService/Check"],
         "every server hosts kinerja.rpc.v1.HealthService: choose one with --service identity|planning|reporting|feedback|evaluation"),
        (["identity/GetUnit", "--service", "payroll"],
         "--service must be one of identity, planning, reporting, feedback, evaluation, not \"payroll\""),
        (["identity/GetUnit", "--json", #"{"unitID": "x"}"#],
         "--json: kinerja.identity.v1.GetUnitRequest: field unitID: unknown field of kinerja.identity.v1.GetUnitRequest"),
        (["identity/GetUnit", "--json", "{}", "--json", "{}"],
         "/kinerja.identity.v1.IdentityService/GetUnit takes one request: give --json once"),
        (["identity/GetUnit", "--idempotency-key", "a b"],
         "--idempotency-key must be 1–128 printable ASCII characters without spaces"),
        (["--list", "--json", "{}"], "--list takes no --json or --idempotency-key"),
    ]

    @Test("each call rule refuses its arguments in validate()")
    func rulesHold() {
        for rule in Self.rules {
            let error = Kinerjactl.Call.invalid(rule.arguments)
            #expect(error?.message == rule.message, "\(rule.arguments)")
            #expect(error?.code.exitStatus == 64, "\(rule.arguments)")
        }
    }

    @Test("SERVICE is the full proto name, the simple name or a Kinerja service; METHOD in any case; a client stream takes several --json")
    func targets() throws {
        for text in ["kinerja.identity.v1.IdentityService/GetUnit", "/kinerja.identity.v1.IdentityService/GetUnit",
                     "IdentityService/GetUnit", "identity/getunit"] {
            let target = try CallTarget.resolve(text, server: nil)
            #expect(target.method.path == "/kinerja.identity.v1.IdentityService/GetUnit", "\(text)")
            #expect(target.endpoint == .identity)
        }
        let health = try CallTarget.resolve("kinerja.rpc.v1.HealthService/Check", server: .planning)
        #expect(health.endpoint == .planning)
        let upload = try CallTarget.resolve("identity/ImportEmployees", server: nil)
        let requests = try upload.requests([#"{"options": {"dryRun": true}}"#, #"{"row": {"employee": {"nip": "199001012015031001"}}}"#])
        #expect(requests.count == 2)
        #expect(requests[0] as? Identity.ImportEmployeesRequest == Identity.ImportEmployeesRequest(item: .options(.init(dryRun: true))))
        #expect(try CallTarget.resolve("feedback/ListFeedback", server: nil).endpoint == .feedback)
    }

    // MARK: A server in memory.

    /// The reflection answers of a server hosting `services`, then `answer` for everything else.
    static func server(_ services: [ServiceDescriptor], descriptorSet: [UInt8] = KinerjaContract.fileDescriptorSet,
                       _ answer: @escaping @Sendable (String, [[UInt8]]) throws -> [[UInt8]]) -> FakeTransport {
        FakeTransport(streaming: { method, requests, _ in
            switch method {
            case "ListServices":
                return [try RPC.ListServicesResponse(services: services.map(Self.info)).serializedBytes()]
            case "GetFileDescriptorSet":
                return [try RPC.GetFileDescriptorSetResponse(fileDescriptorSet: descriptorSet).serializedBytes()]
            default:
                return try answer(method, requests)
            }
        })
    }

    private static func info(_ service: ServiceDescriptor) -> RPC.ServiceInfo {
        RPC.ServiceInfo(name: service.name, fileName: service.fileName, methods: service.methods.map { method in
            let kind: RPC.StreamingKind = switch method.kind {
            case .unary: .unary
            case .serverStreaming: .serverStreaming
            case .clientStreaming: .clientStreaming
            case .bidirectionalStreaming: .bidirectional
            }
            return RPC.MethodInfo(name: method.method, fullName: method.path, requestType: method.requestType,
                                  responseType: method.responseType, streaming: kind, idempotent: method.idempotent)
        })
    }

    static let identityServer = [Identity.IdentityService.descriptor, RPC.HealthService.descriptor, RPC.ReflectionService.descriptor]

    private func run(_ target: String, _ json: [String], server: ServiceEndpoint? = nil, signedIn: Bool = true, key: String? = nil,
                     _ transports: [ServiceEndpoint: FakeTransport]) async throws -> (output: [String], warnings: [String], TestSession) {
        let test = try TestSession(signedIn: signedIn, transports)
        let output = Recorder<String>(), warnings = Recorder<String>()
        let call = try CallTarget.resolve(target, server: server)
        var runner = DynamicCall(target: call, connections: test.connections, policy: test.session.policy,
                                 session: signedIn ? test.session : nil)
        runner.idempotencyKey = key
        runner.output = { output.append($0) }
        runner.warn = { warnings.append($0) }
        defer { test.temporary.remove() }
        try await runner.run(try call.requests(json))
        return (output.items, warnings.items, test)
    }

    @Test("a unary call: reflection first (no token), then the request with the token, a request id, the deadline and an idempotency key; the answer as indented JSON")
    func unary() async throws {
        let identity = Self.server(Self.identityServer) { method, requests in
            #expect(method == "GetUnit")
            let request = try Identity.GetUnitRequest(serializedBytes: requests[0])
            return [try Identity.GetUnitResponse(unit: Identity.Unit(unitID: request.unitID, code: "KPG.DUKCAPIL")).serializedBytes()]
        }
        let (output, warnings, _) = try await run("identity/GetUnit", [#"{"unitId": "01HUNIT"}"#], [.identity: identity])
        #expect(identity.calls.map(\.method) == ["ListServices", "GetFileDescriptorSet", "GetUnit"])
        #expect(identity.calls[0].metadata["authorization"] == nil)
        #expect(identity.calls[1].metadata["authorization"] == nil)
        let call = identity.calls[2]
        #expect(call.metadata["authorization"] == "Bearer A1")
        #expect(call.metadata["request-id"] == "ctl-test")
        #expect(call.metadata["idempotency-key"]?.hasPrefix("call-") == true, "GetUnit is marked idempotent")
        #expect(call.timeout == .seconds(5))
        #expect(try call.decoded(Identity.GetUnitRequest.self) == [Identity.GetUnitRequest(unitID: "01HUNIT")])
        #expect(output == [Identity.GetUnitResponse(unit: Identity.Unit(unitID: "01HUNIT", code: "KPG.DUKCAPIL")).jsonString()])
        #expect(output.first?.contains("\n") == true)
        #expect(warnings.isEmpty)
    }

    @Test("a server stream prints one compact JSON line per response; --idempotency-key is sent as given")
    func serverStream() async throws {
        let rows = (1...3).map { Planning.StreamTargetsResponse(targets: Planning.EmployeeTargets(employee: Common.EmployeeRef(nip: "19900101201503100\($0)"))) }
        let planning = Self.server([Planning.PlanningService.descriptor]) { _, _ in try rows.map { try $0.serializedBytes() } }
        let (output, _, _) = try await run("planning/StreamTargets", [#"{"nips": {"nips": ["199001012015031001"]}}"#],
                                           key: "stream-1", [.identity: TestSession.unused("identity"), .planning: planning])
        #expect(output == rows.map { $0.jsonString(pretty: false) })
        #expect(planning.calls.last?.metadata["idempotency-key"] == "stream-1")
        #expect(planning.calls.last?.path == "/kinerja.planning.v1.PlanningService/StreamTargets")
    }

    @Test("a client stream sends one message per --json")
    func clientStream() async throws {
        let identity = Self.server(Self.identityServer) { _, requests in
            #expect(requests.count == 2)
            return [try Identity.ImportEmployeesResponse(totalRows: UInt32(requests.count)).serializedBytes()]
        }
        let (output, _, _) = try await run("identity/ImportEmployees", [#"{"options": {"dryRun": true}}"#, #"{"row": {}}"#],
                                           [.identity: identity])
        #expect(try identity.calls.last?.decoded(Identity.ImportEmployeesRequest.self)
            == [Identity.ImportEmployeesRequest(item: .options(.init(dryRun: true))), Identity.ImportEmployeesRequest(item: .row(.init()))])
        #expect(output.count == 1)
    }

    @Test("the protocol's own services go to the server chosen with --service; without a session no token is sent")
    func healthWithoutSession() async throws {
        let planning = Self.server([RPC.HealthService.descriptor, RPC.ReflectionService.descriptor]) { method, _ in
            #expect(method == "Check")
            return [try RPC.CheckResponse(status: .serving).serializedBytes()]
        }
        let (output, _, _) = try await run("kinerja.rpc.v1.HealthService/Check", [], server: .planning, signedIn: false,
                                           [.identity: TestSession.unused("identity"), .planning: planning])
        #expect(output == [RPC.CheckResponse(status: .serving).jsonString()])
        #expect(planning.calls.allSatisfy { $0.metadata["authorization"] == nil })
    }

    @Test("a method the server does not offer is UNIMPLEMENTED before anything is sent; UNAUTHENTICATED without a session asks to sign in")
    func refusals() async throws {
        let bare = Self.server([RPC.ReflectionService.descriptor]) { _, _ in throw RPCError(.internal, "not called") }
        let missing = await #expect(throws: CLIError.self) {
            _ = try await self.run("identity/GetUnit", [], [.identity: bare])
        }
        #expect(missing.map { ErrorReporting.report($0).line } == "error: UNIMPLEMENTED: the identity service at 127.0.0.1:7401 "
            + "does not offer /kinerja.identity.v1.IdentityService/GetUnit (kinerjactl call --list identity lists what it offers)")
        #expect(bare.calls.map(\.method) == ["ListServices"])
        let refusing = Self.server(Self.identityServer) { _, _ in throw RPCError(.unauthenticated, "a token is required") }
        let anonymous = await #expect(throws: CLIError.self) {
            _ = try await self.run("identity/WhoAmI", [], signedIn: false, [.identity: refusing])
        }
        #expect(anonymous?.message == "not signed in: run kinerjactl login")
        #expect(anonymous?.code.exitStatus == 77)
    }

    @Test("a server built from another contract gets a warning; the call still goes")
    func otherContract() async throws {
        let identity = Self.server(Self.identityServer, descriptorSet: [0x0A, 0x00]) { _, _ in
            [try Identity.WhoAmIResponse(principal: TestSession.nip).serializedBytes()]
        }
        let (output, warnings, _) = try await run("identity/WhoAmI", [], [.identity: identity])
        #expect(output.count == 1)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("warning: the identity service at 127.0.0.1:7401 serves another version of the contract") == true)
    }

    @Test("--list shows each server's services and methods, and says which servers did not answer")
    func listing() async throws {
        let test = try TestSession([.identity: Self.server(Self.identityServer) { _, _ in [] }])
        defer { test.temporary.remove() }
        let output = Recorder<String>()
        var listing = CallListing(connections: test.connections, policy: test.session.policy)
        listing.output = { output.append($0) }
        try await listing.run(.everything)
        let text = output.items.joined(separator: "\n")
        // Identity's methods and the four of the standard health and reflection services.
        #expect(text.contains("identity at 127.0.0.1:7401: 3 services, \(Identity.IdentityService.descriptor.methods.count + 4) methods"))
        #expect(text.contains("  kinerja.identity.v1.IdentityService"))
        #expect(text.contains("ImportEmployees") && text.contains("client streaming"))
        #expect(text.contains("planning at 127.0.0.1:7402: no answer (UNAVAILABLE: no fake for planning)"))
        #expect(try CallListing.scope("planning", server: nil) == .server(.planning))
        #expect(try CallListing.scope("IdentityService", server: nil) == .service("kinerja.identity.v1.IdentityService", on: .identity))
        #expect(try CallListing.scope(nil, server: .feedback) == .server(.feedback))
    }
}
