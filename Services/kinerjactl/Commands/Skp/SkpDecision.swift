import Foundation
import ArgumentParser
import KinerjaProto

/// The version an atasan decides on: `--version`, else the latest, which must be Diajukan.
enum SkpDecision {
    static func version(_ given: UInt32?, skpID: String, _ caller: PlanningCaller) async throws -> UInt32 {
        if let given { return given }
        let skp = try SkpFetch.required(try await SkpFetch.skp(skpID, caller))
        guard skp.state == .diajukan else {
            throw CLIError(.failure, "SKP \(skpID) version \(skp.version) is \(Display.name(skp.state)), not Diajukan",
                           status: .failedPrecondition)
        }
        return skp.version
    }
}
