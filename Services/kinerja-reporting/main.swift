// kinerja-reporting: the Pelaksanaan and Pemantauan stage — daily reports with evidence, verification, progress, compliance.
import KinerjaReporting

@main
enum KinerjaReportingMain {
    static func main() async { await ReportingCommand.main() }
}
