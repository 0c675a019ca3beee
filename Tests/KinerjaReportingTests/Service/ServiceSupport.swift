import Foundation
import KinerjaASN
import KinerjaCrypto
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Today in WITA, and days around it.
var witaToday: Common.Date { Wita.today(now: Date()) }

func day(_ offset: Int) -> Common.Date { witaToday.adding(days: offset) ?? witaToday }

/// The status of a failed call with its message (nil when it succeeded).
func failure<T>(_ body: () async throws -> T) async -> RPCError? {
    do {
        _ = try await body()
        return nil
    } catch let error as RPCError {
        return error
    } catch {
        return RPCError(.unknown, "\(error)")
    }
}

/// Call options with the token of `options` and an idempotency key.
func keyed(_ options: CallOptions, _ key: String) -> CallOptions {
    var copy = options
    copy.metadata.add(Metadata.WellKnownKey.idempotencyKey, key)
    return copy
}

/// A small valid PDF of `text`.
func pdf(_ text: String) -> [UInt8] {
    Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% \(text)\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
}

extension ReportingFixture {
    /// The SKP in force of a persona (from planning, as that persona).
    func skp(_ persona: String) async throws -> Planning.Skp {
        let options = try await signIn(persona)
        let nip = try identity.nip(persona)
        let response = try await planning.client.getCurrentSkp(Planning.GetCurrentSkpRequest(nip: nip, year: witaToday.year), options: options)
        return try #require(response.skp)
    }

    /// A report on the `index`-th IKI (in SKP order) of `skp`.
    func draft(_ skp: Planning.Skp, iki index: Int = 0, date: Common.Date = witaToday, value: Double = 5, minutes: UInt32 = 60,
               description: String = "Pelayanan pemohon KTP-el di loket", evidence: [Common.EvidenceLink] = []) -> Reporting.DailyReportDraft {
        let pairs = skp.rhks.flatMap { rhk in rhk.ikis.map { (rhk.rhkID, $0.ikiID) } }
        let (rhk, iki) = pairs[index % pairs.count]
        return Reporting.DailyReportDraft(reportDate: date, rhkID: rhk, ikiID: iki, realisationValue: value, description: description,
                                          evidence: evidence, durationMinutes: minutes)
    }

    /// Submits a report as `options`; returns it.
    @discardableResult
    func submit(_ draft: Reporting.DailyReportDraft, _ options: CallOptions) async throws -> Reporting.DailyReport {
        try #require(try await client.submitDailyReport(Reporting.SubmitDailyReportRequest(report: draft), options: options).report)
    }

    /// The unit id of a unit code.
    func unit(_ code: String) async throws -> String { try await identity.unitID(code) }
}
