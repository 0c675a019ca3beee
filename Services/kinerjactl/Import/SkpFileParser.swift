import Foundation
import KinerjaProto

extension SkpFile {
    /// Parses and checks an SKP file; empty `nip` and `year` cells take `defaultNIP` and
    /// `defaultYear`. Every problem is collected (up to ``maximumProblems``) with its row and column.
    static func parse(bytes: [UInt8], defaultNIP: String, defaultYear: Int32) throws(Problems) -> SkpFile {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard let text = String(validating: body, as: UTF8.self) else {
            let valid = body.prefix { $0 < 0x80 }
            let row = 1 + valid.filter { $0 == UInt8(ascii: "\n") }.count
            throw Problems(problems: [Problem(row: row, message: "not UTF-8 text (save the spreadsheet as CSV UTF-8)")])
        }
        let records: [SkpFileCSV.Record]
        do throws(SkpFileCSV.SyntaxError) {
            records = try SkpFileCSV.records(text)
        } catch {
            throw Problems(problems: [Problem(row: error.row, column: error.column, message: error.message)])
        }
        guard let header = records.first else {
            throw Problems(problems: [Problem(row: 1, message: "the file is empty; the first row must be the header")])
        }
        var parser = Parser(header: header, defaultNIP: defaultNIP, defaultYear: defaultYear)
        guard parser.problems.isEmpty else { throw Problems(problems: parser.problems) }
        for record in records.dropFirst() {
            parser.read(record)
            if parser.problems.count >= maximumProblems { break }
        }
        let skps = parser.finish()
        if skps.isEmpty, parser.problems.isEmpty {
            parser.problems.append(Problem(row: header.row, message: "the file has a header but no IKI rows"))
        }
        guard parser.problems.isEmpty else {
            throw Problems(problems: Array(parser.problems.sorted { ($0.row, $0.column ?? 0) < ($1.row, $1.column ?? 0) }
                .prefix(maximumProblems)))
        }
        return SkpFile(bytes: bytes, fingerprint: fingerprint(bytes: bytes, defaultNIP: defaultNIP, defaultYear: defaultYear),
                       skps: skps)
    }

    /// Reads rows one by one into SKPs and RHKs, collecting problems.
    private struct Parser {
        /// An IKI row whose IKI is built once the SKP's approach is known.
        struct PendingIki {
            var row: Int
            var spec: IkiSpec
        }

        struct PendingRhk {
            var row: Int
            var rhk: Planning.Rhk
            var ikis: [PendingIki] = []
        }

        struct PendingSkp {
            var row: Int
            var nip: String
            var year: Int32
            var approach: Planning.SkpApproach?
            var approachRow = 0
            var rhks: [PendingRhk] = []
        }

        let defaultNIP: String
        let defaultYear: Int32
        /// 0-based index of each column in the header.
        var index: [String: Int] = [:]
        var width = 0
        var problems: [Problem] = []
        var skps: [PendingSkp] = []
        var skpIndex: [String: Int] = [:]
        /// The SKP and RHK the previous row belonged to.
        var previous: (skp: Int, rhk: Int)?

        init(header: SkpFileCSV.Record, defaultNIP: String, defaultYear: Int32) {
            self.defaultNIP = defaultNIP
            self.defaultYear = defaultYear
            width = header.cells.count
            for (position, cell) in header.cells.enumerated() {
                let name = cell.trimmingCharacters(in: .whitespaces).lowercased()
                if !SkpFile.columns.contains(name) {
                    problems.append(Problem(row: header.row, column: position + 1, columnName: name.isEmpty ? nil : name,
                                            message: "unknown column \(name.debugDescription); the columns are "
                                                + SkpFile.columns.joined(separator: ",")))
                } else if index.updateValue(position, forKey: name) != nil {
                    problems.append(Problem(row: header.row, column: position + 1, columnName: name,
                                            message: "column \(name) appears twice"))
                }
            }
            for name in SkpFile.requiredColumns where index[name] == nil {
                problems.append(Problem(row: header.row, columnName: name, message: "the header has no column \(name)"))
            }
        }

        func problem(_ row: Int, _ column: String, _ message: String) -> Problem {
            Problem(row: row, column: index[column].map { $0 + 1 }, columnName: column, message: message)
        }

        mutating func read(_ record: SkpFileCSV.Record) {
            let row = record.row
            var cells = record.cells
            if cells.count > width, cells[width...].allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                cells.removeLast(cells.count - width)
            }
            guard cells.count == width else {
                problems.append(Problem(row: row, message: "the row has \(cells.count) cells; the header has \(width)"))
                return
            }
            let before = problems.count
            func cell(_ column: String) -> String {
                index[column].map { cells[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            }
            func choice<E: ProtoEnum>(_ column: String, _ type: E.Type) -> E? {
                let text = cell(column)
                guard !text.isEmpty else { return nil }
                guard let value = EnumArgument<E>(argument: text)?.value else {
                    problems.append(problem(row, column, "\(text.debugDescription) is not one of "
                        + EnumArgument<E>.allValueStrings.joined(separator: ", ")))
                    return nil
                }
                return value
            }

            // Which SKP.
            var nip = cell("nip")
            if nip.isEmpty { nip = defaultNIP }
            if nip.isEmpty {
                problems.append(problem(row, "nip", "no NIP: fill in the column or give --nip"))
            } else if nip.utf8.count != 18 || !nip.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                problems.append(problem(row, "nip", "\(nip.debugDescription) is not an 18-digit NIP"))
            }
            var year = defaultYear
            let yearText = cell("year")
            if !yearText.isEmpty {
                if let value = Int32(yearText), (2000...2100).contains(value) {
                    year = value
                } else {
                    problems.append(problem(row, "year", "\(yearText.debugDescription) is not a year 2000–2100"))
                }
            }
            let approach = choice("approach", Planning.SkpApproach.self)
            let kind = choice("rhk_kind", Common.RhkKind.self)
            let perspektif = choice("perspektif", Planning.Perspektif.self)
            let aspek = choice("aspek", Common.IkiAspek.self)
            let rhkText = cell("rhk_text")
            if rhkText.isEmpty || rhkText.count > RhkChecks.maximumTextLength {
                problems.append(problem(row, "rhk_text", "the RHK text must be 1–\(RhkChecks.maximumTextLength) characters"))
            }
            if cell("aspek").isEmpty { problems.append(problem(row, "aspek", "the aspek is required: kuantitas, kualitas, waktu or biaya")) }
            let penugasan = cell("penugasan")
            if penugasan.count > RhkChecks.maximumPenugasanLength {
                problems.append(problem(row, "penugasan", "at most \(RhkChecks.maximumPenugasanLength) characters"))
            }
            let cascade = choice("cascade_type", Planning.CascadeType.self)
            let peran = cell("peran")
            if peran.count > RhkChecks.maximumPeranLength {
                problems.append(problem(row, "peran", "at most \(RhkChecks.maximumPeranLength) characters"))
            }
            var direction: Common.TargetDirection?
            if !cell("direction").isEmpty {
                direction = DirectionArgument(argument: cell("direction"))?.value
                if direction == nil { problems.append(problem(row, "direction", "\(cell("direction").debugDescription) is not higher, lower or range")) }
            }
            var aggregation: Common.RealisationAggregation?
            if !cell("aggregation").isEmpty {
                aggregation = AggregationArgument(argument: cell("aggregation"))?.value
                if aggregation == nil {
                    problems.append(problem(row, "aggregation", "\(cell("aggregation").debugDescription) is not sum, average, latest, max or min"))
                }
            }
            var quarters: [Double?] = []
            for column in ["tw1", "tw2", "tw3", "tw4"] {
                let text = cell(column)
                if text.isEmpty {
                    quarters.append(nil)
                } else if let value = SkpValues.number(text) {
                    quarters.append(value)
                } else {
                    quarters.append(nil)
                    problems.append(problem(row, column, SkpValues.numberProblem(text)))
                }
            }
            var cumulative = false
            switch cell("cumulative").lowercased() {
            case "", "no", "false", "0", "tidak": cumulative = false
            case "yes", "true", "1", "ya": cumulative = true
            default: problems.append(problem(row, "cumulative", "\(cell("cumulative").debugDescription) is not yes or no"))
            }
            let hasQuarters = quarters.contains { $0 != nil }
            if cumulative, !hasQuarters { problems.append(problem(row, "cumulative", "cumulative needs targets in tw1…tw4")) }
            guard problems.count == before, let aspek else {
                previous = nil
                return
            }

            // The SKP.
            let skpKey = "\(nip)|\(year)"
            let skp: Int
            if let existing = skpIndex[skpKey] {
                skp = existing
            } else {
                skp = skps.count
                skpIndex[skpKey] = skp
                skps.append(PendingSkp(row: row, nip: nip, year: year))
            }
            if let approach {
                if let known = skps[skp].approach, known != approach {
                    problems.append(problem(row, "approach", "the SKP of \(nip) for \(year) is \(Display.name(known).lowercased()) "
                        + "(row \(skps[skp].approachRow)); one SKP has one approach"))
                    return
                }
                if skps[skp].approach == nil {
                    skps[skp].approach = approach
                    skps[skp].approachRow = row
                }
            }

            // The RHK: the previous row's when it is the same SKP with the same text.
            let parent = cell("parent_rhk_id")
            let rhk: Int
            if let previous, previous.skp == skp, skps[skp].rhks[previous.rhk].rhk.text == rhkText {
                rhk = previous.rhk
                let first = skps[skp].rhks[rhk]
                let conflicts = [
                    ("rhk_kind", kind.map { $0 != first.rhk.kind } ?? false),
                    ("parent_rhk_id", !parent.isEmpty && parent != first.rhk.parentRhkID),
                    ("perspektif", perspektif.map { $0 != first.rhk.perspektif } ?? false),
                    ("penugasan", !penugasan.isEmpty && penugasan != first.rhk.penugasan),
                    ("cascade_type", cascade.map { $0 != first.rhk.cascadeType } ?? false),
                    ("peran", !peran.isEmpty && peran != first.rhk.peran),
                ]
                for (column, differs) in conflicts where differs {
                    problems.append(problem(row, column, "differs from row \(first.row), the first row of this RHK; "
                        + "leave it empty on the RHK's later rows"))
                }
                if problems.count > before { return }
            } else {
                if let earlier = skps[skp].rhks.first(where: { $0.rhk.text == rhkText }) {
                    problems.append(problem(row, "rhk_text", "the RHK of row \(earlier.row) has the same text; keep the rows "
                        + "of one RHK together"))
                    previous = nil
                    return
                }
                guard let kind else {
                    problems.append(problem(row, "rhk_kind", "the first row of an RHK needs its kind: utama or tambahan"))
                    previous = nil
                    return
                }
                if !penugasan.isEmpty, kind != .tambahan {
                    problems.append(problem(row, "penugasan", "penugasan is for Tambahan RHKs"))
                    previous = nil
                    return
                }
                if parent.isEmpty, cascade != nil || !peran.isEmpty {
                    problems.append(problem(row, cascade != nil ? "cascade_type" : "peran",
                                            "cascade_type and peran describe the link to parent_rhk_id, which is empty"))
                    previous = nil
                    return
                }
                guard skps[skp].rhks.count < SkpFile.maximumRhks else {
                    problems.append(problem(row, "rhk_text", "an SKP has at most \(SkpFile.maximumRhks) RHKs"))
                    previous = nil
                    return
                }
                rhk = skps[skp].rhks.count
                skps[skp].rhks.append(PendingRhk(row: row, rhk: Planning.Rhk(
                    kind: kind, text: rhkText, parentRhkID: parent, perspektif: perspektif ?? .unspecified, penugasan: penugasan,
                    cascadeType: parent.isEmpty ? .unspecified : cascade ?? .nonDirect, peran: peran)))
            }
            previous = (skp, rhk)

            // The IKI.
            let indicator = cell("indicator")
            if let same = skps[skp].rhks[rhk].ikis.first(where: { $0.spec.aspek == aspek && $0.spec.indicator == indicator }) {
                problems.append(problem(row, "indicator", "row \(same.row) has the same aspek and indicator in this RHK"))
                return
            }
            guard skps[skp].rhks[rhk].ikis.count < SkpFile.maximumIkisPerRhk else {
                problems.append(problem(row, "indicator", "an RHK has at most \(SkpFile.maximumIkisPerRhk) IKIs"))
                return
            }
            let spec = IkiSpec(aspek: aspek, indicator: indicator, target: cell("target"), upper: cell("upper"),
                               unit: cell("unit"), qualitative: cell("qualitative_text"), direction: direction,
                               aggregation: aggregation, quarterly: hasQuarters ? quarters : nil, cumulative: cumulative)
            skps[skp].rhks[rhk].ikis.append(PendingIki(row: row, spec: spec))
        }

        /// Builds the IKIs now that each SKP's approach is known.
        mutating func finish() -> [SkpRows] {
            var result: [SkpRows] = []
            for skp in skps {
                var rhks: [RhkRows] = []
                for rhk in skp.rhks {
                    var ikis: [IkiRow] = []
                    for pending in rhk.ikis {
                        do throws(SkpValueProblem) {
                            let built = try pending.spec.iki(year: skp.year, approach: skp.approach ?? .kuantitatif, fields: .columns)
                            ikis.append(IkiRow(row: pending.row, iki: built.iki, warnings: built.warnings))
                        } catch {
                            problems.append(problem(pending.row, error.field, error.message))
                        }
                    }
                    var built = rhk.rhk
                    built.ikis = ikis.map(\.iki)
                    rhks.append(RhkRows(row: rhk.row, rhk: built, ikis: ikis))
                }
                result.append(SkpRows(row: skp.row, nip: skp.nip, year: skp.year, approach: skp.approach, rhks: rhks))
            }
            return result
        }
    }
}
