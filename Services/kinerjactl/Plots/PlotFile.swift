import ArgumentParser
import KinerjaDocuments

/// `--plot FILE`: where a command draws its chart, the format named by the file's extension
/// (`.svg` or `.png`).
struct PlotOption: ParsableArguments {
    @Option(help: ArgumentHelp("Also draw the chart to this file: .svg or .png (the extension picks the format).", valueName: "file"))
    var plot: String?

    func validate() throws {
        if let plot { _ = try PlotFile.format(of: plot) }
    }

    /// Draws `chart` to the file when one was named; returns the line to print about it.
    func write(_ chart: () throws -> Chart, size: PlotFile.Size = .standard) throws -> String? {
        guard let plot else { return nil }
        return try PlotFile.write(try chart(), to: plot, size: size)
    }
}

/// Writes charts as image files.
enum PlotFile {
    /// A chart's canvas in points (a PNG has 2 pixels per point).
    struct Size: Sendable, Equatable {
        var width: Double
        var height: Double

        /// 720 × 405 pt, a 16:9 slide.
        static let standard = Size(width: 720, height: 405)

        /// Wider for many categories: at least `perCategory` points each.
        static func forCategories(_ count: Int, perCategory: Double = 64) -> Size {
            Size(width: min(4000, max(720, Double(count) * perCategory + 120)), height: 420)
        }
    }

    /// The format the path's extension names; exit 64 for any other.
    static func format(of path: String) throws -> ImageFormat {
        let lower = path.lowercased()
        guard !path.hasSuffix("/"), !path.isEmpty else { throw CLIError.invalidArguments("--plot must name a .svg or .png file, not \(path.debugDescription)") }
        if lower.hasSuffix(".svg") { return .svg }
        if lower.hasSuffix(".png") { return .png }
        throw CLIError.invalidArguments("--plot must name a .svg or .png file (the extension picks the format), not \(path.debugDescription)")
    }

    /// Renders `chart` and writes it to `path` (whole, mode 0600); the line to print about it.
    static func write(_ chart: Chart, to path: String, size: Size = .standard) throws -> String {
        let format = try format(of: path)
        let bytes: [UInt8]
        do {
            bytes = try chart.render(format, width: size.width, height: size.height)
        } catch {
            throw CLIError(.failure, "cannot draw the chart: \(error.message)", cause: error)
        }
        try SkpPrintArguments.writePrivately(bytes, to: path)
        return "plot: wrote \(path) (\(format == .svg ? "SVG" : "PNG"), \(Int(size.width)) × \(Int(size.height)) pt)"
    }
}
