import Foundation
import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Texts: length after trimming, no NUL or control characters; the one error type")
struct FeedbackTextTests {
    @Test("a text is measured in Unicode scalars after trimming, and stored trimmed")
    func trimming() throws {
        #expect(try FeedbackText.validated("  Terima kasih atas kerja kerasnya  \n", field: "message", range: 1...4000) == "Terima kasih atas kerja kerasnya")
        let error = Fixtures.error { try FeedbackText.validated(" \n\t ", field: "feedback.message", range: 1...4000) }
        #expect(error?.code == .textRequired)
        #expect(error?.message == "feedback.message is required (1-4000 characters)")
        #expect(try FeedbackText.validated(String(repeating: "é", count: 4000), field: "m", range: 1...4000).unicodeScalars.count == 4000)
        #expect(Fixtures.error { try FeedbackText.validated(String(repeating: "a", count: 4001), field: "m", range: 1...4000) }?.code == .textTooLong)
        #expect(try FeedbackText.validated("", field: "response", maximum: 2000) == "")
    }

    @Test("NUL and every other control character are refused; a multi-line text keeps tab, line feed and carriage return")
    func controlCharacters() throws {
        let nul = Fixtures.error { try FeedbackText.validated("Bagus\u{0}sekali", field: "feedback.message", range: 1...4000) }
        #expect(nul?.code == .textControlCharacter)
        #expect(nul?.message == "feedback.message must not contain NUL")
        #expect(nul?.rpcStatus?.code == .invalidArgument)
        for scalar in ["\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}"] {
            #expect(Fixtures.error { try FeedbackText.validated("a\(scalar)b", field: "m", range: 1...10) }?.code == .textControlCharacter, "\(scalar.unicodeScalars.first?.value ?? 0)")
        }
        #expect(Fixtures.error { try FeedbackText.validated("a\u{1B}[31mb", field: "m", range: 1...100) }?.message == "m must not contain control character U+001B")
        #expect(try FeedbackText.validated("Poin 1:\tantrian\r\nPoin 2: arsip", field: "summary", range: 1...8000) == "Poin 1:\tantrian\r\nPoin 2: arsip")
    }

    @Test("a one-line text (a topic, a service name) refuses line breaks and tabs too")
    func singleLine() {
        let error = Fixtures.error { try FeedbackText.validated("Penerbitan\nKTP-el", field: "ticket.service_name", range: 1...200, lines: .single) }
        #expect(error?.code == .textControlCharacter)
        #expect(error?.message == "ticket.service_name must not contain control character U+000A (one line of text)")
    }

    @Test("a rule's status is its category with the reason as ErrorInfo; INVALID_ARGUMENT lists the fields as BadRequest; RESOURCE_EXHAUSTED says when to retry")
    func mapping() throws {
        let state = FeedbackError(.dialogNotAwaiting, "only a record AWAITING_CONFIRMATION can be confirmed")
        #expect(state.rpcStatus?.code == .failedPrecondition)
        #expect(state.rpcStatus?.reason == "DIALOG_NOT_AWAITING_CONFIRMATION")
        #expect(state.description == "DIALOG_NOT_AWAITING_CONFIRMATION: only a record AWAITING_CONFIRMATION can be confirmed")
        #expect(state.fieldViolations.map(\.reason) == ["DIALOG_NOT_AWAITING_CONFIRMATION"])
        let invalid = try #require(FeedbackError(violations: [
            Common.FieldViolation(field: "feedback.kind", description: "kind is required", reason: "FIELD_REQUIRED"),
            Common.FieldViolation(field: "feedback.message", description: "message is required", reason: "TEXT_REQUIRED"),
        ]))
        #expect(invalid.rpcStatus?.code == .invalidArgument)
        #expect(invalid.message == "feedback.kind: kind is required; feedback.message: message is required")
        let details = invalid.rpcStatus?.details ?? []
        #expect(details.contains { if case .badRequest(let request)? = $0.detail { request.fieldViolations.count == 2 } else { false } })
        #expect(FeedbackError(violations: []) == nil)
        let limited = FeedbackError(.guessLimitReached, "too many wrong ticket codes", retryAfterMilliseconds: 300_000)
        #expect(limited.rpcStatus?.code == .resourceExhausted)
        #expect(limited.rpcStatus?.details.contains { if case .retryInfo(let info)? = $0.detail { info.retryDelayMs == 300_000 } else { false } } == true)
        #expect(FeedbackError(.giverNotAllowed, "no").rpcStatus?.code == .permissionDenied)
        #expect(FeedbackError(.ticketAlreadyRated, "no").rpcStatus?.code == .alreadyExists)
        #expect(FeedbackError(.revisionMismatch, "no").rpcStatus?.code == .aborted)
        #expect(FeedbackError(.assignmentNotFound, "no").rpcStatus?.code == .notFound)
        #expect(FeedbackError(.textRequired, "m is required", field: "m").prefixed("dialog.").field == "dialog.m")
    }

    @Test("ids are 1-64 printable ASCII characters, NIPs 18 digits, past days not after today in WITA")
    func identifiers() throws {
        #expect(try FeedbackInput.id("01HV9ZKQ4M7Y3T2N8B5C6D1E0F", field: "id") == "01HV9ZKQ4M7Y3T2N8B5C6D1E0F")
        #expect(Fixtures.error { try FeedbackInput.id("", field: "id") }?.code == .fieldRequired)
        #expect(Fixtures.error { try FeedbackInput.id("a b", field: "id") }?.code == .textControlCharacter)
        #expect(Fixtures.error { try FeedbackInput.id(String(repeating: "x", count: 65), field: "id") }?.code == .textTooLong)
        #expect(Fixtures.error { try FeedbackInput.nip("19850314201001200", field: "nip") }?.code == .nipInvalid)
        #expect(try FeedbackInput.pastDay(Fixtures.today, field: "held_on", today: Fixtures.today) == Fixtures.today)
        #expect(Fixtures.error { try FeedbackInput.pastDay(Fixtures.day(3, 11), field: "held_on", today: Fixtures.today) }?.code == .dateInFuture)
        #expect(Fixtures.error { try FeedbackInput.pastDay(Fixtures.day(2, 30), field: "held_on", today: Fixtures.today) }?.code == .dateInvalid)
        #expect(Fixtures.error { try FeedbackInput.days(of: Common.Period(year: 2026, kind: .quarterly)) }?.code == .periodInvalid)
        let range = Common.DateRange(startDate: Fixtures.day(1, 1), endDate: Fixtures.day(1, 1, 2027))
        #expect(try FeedbackInput.days(of: range).dayCount == 366)
        #expect(Fixtures.error { try FeedbackInput.days(of: Common.DateRange(startDate: Fixtures.day(1, 1), endDate: Fixtures.day(1, 2, 2027))) }?.code == .rangeInvalid)
    }

    @Test("every reason is UPPER_SNAKE and unique across the module")
    func reasons() {
        let codes: [FeedbackError.Code] = [
            .fieldRequired, .textRequired, .textTooLong, .textControlCharacter, .nipInvalid, .periodInvalid, .dateInvalid, .dateInFuture,
            .rangeInvalid, .subjectInvalid, .tooManyItems, .scoreOutOfRange, .scoresIncomplete, .scoreCommentRequired, .skmAnswersInvalid,
            .ticketCodeMalformed, .ticketCodeCheckFailed, .raterRelationInvalid, .raterIsSubject, .reasonRequired, .policyOutOfRange,
            .deadlineInvalid, .roundOptionInvalid, .secretTooShort, .assignmentNotFound, .actionItemNotFound, .assessmentAlreadySubmitted,
            .ticketAlreadyRated, .coachingAlreadyRated, .giverNotAllowed, .notTheAtasan, .notAParty, .feedbackAlreadyAcknowledged,
            .solicitationNotOpen, .solicitationMismatch, .solicitationAddresseeInvalid, .solicitationLimitReached, .dialogNotAwaiting,
            .dialogNotFinal, .actionItemClosed, .roundClosed, .roundPastDeadline, .assignmentNotPending, .raterAlreadyAssigned,
            .ticketExpired, .ticketNotVoidable, .ticketVoided, .stateUnknown, .revisionMismatch, .guessLimitReached,
        ]
        #expect(Set(codes.map(\.reason)).count == codes.count)
        #expect(codes.allSatisfy { $0.reason.range(of: "^[A-Z][A-Z0-9_]*$", options: .regularExpression) != nil })
    }
}
