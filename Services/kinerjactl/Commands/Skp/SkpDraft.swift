import ArgumentParser
import KinerjaProto

/// The draft and the RHK or IKI a command writes to, read first: the SKP year gives the
/// periods of periodic targets and the approach decides which targets are needed.
enum SkpDraft {
    /// The latest version of `skpID`, which must be a Draft.
    static func draft(_ skpID: String, _ caller: PlanningCaller) async throws -> Planning.Skp {
        let skp = try SkpFetch.required(try await SkpFetch.skp(skpID, caller))
        guard skp.state == .draft else {
            throw CLIError(.failure, "SKP \(skpID) version \(skp.version) is \(Display.name(skp.state)); only a Draft can change "
                + (skp.state == .diajukan ? "(withdraw it with kinerjactl skp withdraw)" : "(make a new version with kinerjactl skp revise)"),
                status: .failedPrecondition)
        }
        return skp
    }

    /// The RHK `rhkID` of `skp`.
    static func rhk(_ rhkID: String, in skp: Planning.Skp) throws -> Planning.Rhk {
        guard let rhk = skp.rhks.first(where: { $0.rhkID == rhkID }) else {
            throw CLIError(.failure, "RHK \(rhkID) is not in SKP \(skp.skpID) version \(skp.version)", status: .notFound)
        }
        return rhk
    }

    /// The IKI `ikiID` of `skp`.
    static func iki(_ ikiID: String, in skp: Planning.Skp) throws -> Planning.Iki {
        guard let iki = skp.rhks.lazy.flatMap(\.ikis).first(where: { $0.ikiID == ikiID }) else {
            throw CLIError(.failure, "IKI \(ikiID) is not in SKP \(skp.skpID) version \(skp.version)", status: .notFound)
        }
        return iki
    }
}
