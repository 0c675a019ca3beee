import Testing
@testable import KinerjaWeb

@Suite("forms and limits (no I/O)")
struct FormParsingTests {
    @Test("a multipart form yields its fields and its file, byte for byte")
    func multipart() throws {
        let body = Array("--b1\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken\r\n--b1\r\nContent-Disposition: form-data; name=\"foto\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
            + [0x89, 0x50, 0x0D, 0x0A, 0x00] + Array("\r\n--b1--\r\n".utf8)
        let form = try #require(MultipartForm.parse(body, boundary: "b1"))
        #expect(form["csrf"] == "token")
        #expect(form.files["foto"]?.bytes == [0x89, 0x50, 0x0D, 0x0A, 0x00])
        #expect(form.files["foto"]?.contentType == "image/png")
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=\"b1\"") == "b1")
    }

    @Test("a multipart body that is not well formed is refused, not guessed at")
    func malformedMultipart() {
        #expect(MultipartForm.parse(Array("--b1\r\nno headers end".utf8), boundary: "b1") == nil)
        #expect(MultipartForm.parse(Array("nothing".utf8), boundary: "b1") == nil)
        #expect(MultipartForm.boundary(of: "application/x-www-form-urlencoded") == nil)
    }

    @Test("URL-encoded fields decode + and percent escapes, and keep repeated names")
    func urlEncoded() {
        let form = FormFields.urlEncoded("pesan=%3Cb%3E+halo&laporan=a&laporan=b&kosong=")
        #expect(form["pesan"] == "<b> halo")
        #expect(form.all("laporan") == ["a", "b"])
        #expect(form["kosong"] == "")
    }

    @Test("a bucket of N a minute allows N at once, then one more only after its share of a minute")
    func rateLimiter() {
        let limiter = RateLimiter(perMinute: 3)
        #expect((0..<3).allSatisfy { _ in limiter.take("10.0.0.1", now: 100) })
        #expect(!limiter.take("10.0.0.1", now: 100))
        #expect(limiter.take("10.0.0.2", now: 100), "another address has its own bucket")
        #expect(!limiter.take("10.0.0.1", now: 119))
        #expect(limiter.take("10.0.0.1", now: 121))
    }
}
