import Foundation
import Testing
@testable import KinerjaDocuments

/// Charts as PDF, SVG and PNG, alone and inside a document.
@Suite("Charts")
struct ChartTests {
    static let progress = LineChart(
        title: "Capaian per bulan", categories: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun"],
        series: [ChartSeries(name: "Dukcapil", values: [8, 17, 26, nil, 45, 52]), ChartSeries(name: "Dinas Kesehatan", values: [5, 12, 20, 31, 40, 49])],
        limits: [LimitLine(label: "Target semester", position: .across(50))],
        valueAxis: ValueAxis(title: "Capaian", range: 0...100, unitSuffix: "%"))

    static let stacked = BarChart(
        title: "Predikat per unit", categories: ["Alak", "Kelapa Lima", "Kota Lama", "Kota Raja", "Maulafa", "Oebobo"],
        series: [ChartSeries(name: "Sangat Baik", values: [2, 3, 1, 2, 4, 3]), ChartSeries(name: "Baik", values: [14, 20, 11, 13, 22, 25]),
                 ChartSeries(name: "Butuh Perbaikan", values: [1, 2, 1, 1, 2, 1])],
        arrangement: .stacked, showsValues: true)

    @Test("every chart renders to PDF, SVG and PNG with the format's signature",
          arguments: [Chart.bar(Samples.curve), .bar(stacked), .line(progress)])
    func formats(chart: Chart) throws {
        let pdf = try chart.render(.pdf, width: 520, height: 300)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let svg = String(decoding: try chart.render(.svg, width: 520, height: 300), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("</svg>"))
        let png = try chart.render(.png, width: 520, height: 300)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1040, "2 pixels per point")
        let title = switch chart {
        case .bar(let bar): bar.title
        case .line(let line): line.title
        }
        Preview.write("chart \(title).png", png)
    }

    @Test("a chart's labels are text in the PDF: title, categories, legend, ticks", .enabled(if: Poppler.installed))
    func labelsReadBack() throws {
        let text = try Poppler.text(try Chart.bar(Samples.curve).render(.pdf, width: 560, height: 320))
        for expected in ["Kurva distribusi", "Sangat Baik", "Butuh Perbaikan", "Pegawai saat ini", "Kuota maksimum", "Jumlah pegawai", "31"] {
            #expect(text.contains(expected), "\(expected) missing")
        }
    }

    @Test("a chart inside a document is drawn in the page body", .enabled(if: Poppler.installed))
    func chartInDocument() throws {
        let document = Document(blocks: [.heading(Heading("Ringkasan unit")), .chart(.bar(Samples.curve), height: 260)])
        let pdf = try document.pdf()
        Preview.write("chart-in-document.pdf", pdf)
        #expect(try Poppler.pages(pdf) == 1)
        #expect(try Poppler.text(pdf).contains("Kuota maksimum"))
    }

    @Test("a series whose values do not match the categories, a negative stack, or no data is refused")
    func invalidCharts() {
        let mismatched = Chart.bar(BarChart(categories: ["a", "b"], series: [ChartSeries(name: "s", values: [1])]))
        let negative = Chart.bar(BarChart(categories: ["a"], series: [ChartSeries(name: "s", values: [-1])], arrangement: .stacked))
        let empty = Chart.line(LineChart(categories: [], series: []))
        let infinite = Chart.line(LineChart(categories: ["a"], series: [ChartSeries(name: "s", values: [.infinity])]))
        let badLimit = Chart.bar(BarChart(categories: ["a", "b"], series: [ChartSeries(name: "s", values: [1, 2])],
                                          limits: [LimitLine(label: "l", position: .perCategory([1]))]))
        for chart in [mismatched, negative, empty, infinite, badLimit] {
            #expect { try chart.render(.png, width: 400, height: 300) } throws: { ($0 as? DocumentError)?.code == .invalidContent }
        }
        #expect { try Chart.bar(Samples.curve).render(.svg, width: 10, height: 10) } throws: { ($0 as? DocumentError)?.code == .invalidContent }
    }

    @Test("the value axis ends on round numbers above the data and reads with a decimal comma")
    func axisScale() {
        let scale = AxisScale(covering: [3, 31, 29], fixed: nil)
        #expect(scale.lower == 0)
        #expect(scale.upper == 40)
        #expect(scale.ticks == [0, 10, 20, 30, 40])
        let fractions = AxisScale(covering: [0.12, 0.87], fixed: nil)
        #expect(fractions.step == 0.2)
        #expect(fractions.upper == 1)
        #expect(AxisScale.format(12.5, decimals: 1) == "12,5")
        #expect(AxisScale.format(-0.25, decimals: 2) == "-0,25")
        #expect(AxisScale(covering: [], fixed: nil).ticks.count >= 2, "all-zero data still has an axis")
        #expect(AxisScale(covering: [5], fixed: 0...100).ticks == [0, 20, 40, 60, 80, 100])
    }
}
