import KinerjaASN
import KinerjaIdentity
import KinerjaProto
import Testing

@Suite("Employee import CSV against identity's rules")
struct EmployeeCSVRowRulesTests {
    @Test("a complete CSV row parses into an employee that EmployeeRules accepts")
    func completeRowIsValid() throws {
        let header = EmployeeCSV.columns.joined(separator: ",")
        let row = #"198507122010011001,Yohanes Ndun,,"S.Kom., M.T.",PNS,FUNGSIONAL,Pranata Komputer Ahli Muda,III/c,KPG.DUKCAPIL.PIAK,,1985-07-12,L,2010-01-01,AKTIF,yohanes.ndun@kupangkota.go.id,+6281234567890"#
        let rows = try EmployeeCSV.parse(header + "\n" + row + "\n")
        let e = try #require(rows.first?.row.employee)
        #expect(EmployeeRules.violations(e, today: Common.Date(year: 2026, month: 1, day: 1)).isEmpty)
    }
}
