import Testing
@testable import kinerjactl

/// The table renderer and terminal text widths.
@Suite("Tables")
struct TableTests {
    @Test("columns are aligned two spaces apart, numbers on the right, without trailing spaces")
    func alignment() {
        var table = Table([.init("NIP"), .init("NAME"), .init("N", alignRight: true)])
        table.append(["1", "Ani", "7"])
        table.append(["123", "Yohanes", "1000"])
        #expect(table.render() == """
        NIP  NAME        N
        1    Ani         7
        123  Yohanes  1000
        """)
    }

    @Test("a cell longer than its column's limit is cut and ends in an ellipsis")
    func truncation() {
        var table = Table([.init("NAME", maxWidth: 8), .init("X")])
        table.append(["Dinas Kependudukan", "x"])
        #expect(table.render() == "NAME      X\nDinas K…  x")
        #expect(TerminalText.truncated("abc", toWidth: 3) == "abc")
        #expect(TerminalText.truncated("abcd", toWidth: 3) == "ab…")
    }

    @Test("wide characters count two columns and combining marks none, so UTF-8 names line up")
    func wideCharacters() {
        #expect(TerminalText.width("田中") == 4)
        #expect(TerminalText.width("Fanggidae\u{301}") == 9)
        #expect(TerminalText.width("🙂") == 2)
        var table = Table([.init("NAME"), .init("X")])
        table.append(["田中", "a"])
        table.append(["Fanggidaé", "b"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.map { TerminalText.width(String($0.dropLast())) } == [11, 11, 11])
        #expect(TerminalText.truncated("田中太郎", toWidth: 5) == "田中…")
    }

    @Test("control characters and bidirectional overrides from the server are neutralised")
    func sanitizing() {
        var table = Table([.init("NAME")])
        table.append(["Evil\u{1B}[2J\nName\u{202E}txt"])
        #expect(table.render() == "NAME\nEvil\u{FFFD}[2J Nametxt")
    }

    @Test("labelled fields line up and empty values show a dash")
    func fieldList() {
        var fields = FieldList()
        fields.append("NIP", "199001012015031001")
        fields.append("E-mail", "")
        #expect(fields.render() == "NIP:    199001012015031001\nE-mail: —")
    }
}
