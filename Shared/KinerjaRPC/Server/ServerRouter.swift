import KinerjaProto

/// Finds the handler for a method path; built once when the server starts.
struct ServerRouter: Sendable {
    private let methods: [String: ServerMethod]
    let interceptors: [any ServerInterceptor]
    let services: [ServiceDescriptor]

    init(services: [any RegistrableService], interceptors: [any ServerInterceptor]) {
        var methods: [String: ServerMethod] = [:]
        for service in services {
            for method in service.serverMethods {
                methods[method.descriptor.path] = method
            }
        }
        self.methods = methods
        self.interceptors = interceptors
        self.services = services.map(\.serviceDescriptor)
    }

    func method(for path: String) -> ServerMethod? {
        methods[path]
    }
}

/// Request ids made by the server when the client sent none.
enum RequestID {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
