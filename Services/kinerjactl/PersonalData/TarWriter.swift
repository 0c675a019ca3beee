/// Writes a POSIX ustar archive of regular files in memory: what `kinerjactl my-data` needs,
/// readable by any `tar`, without a dependency. Names up to 100 bytes (ASCII), sizes below 8 GiB.
struct TarWriter {
    /// The archive so far (without its end-of-archive blocks).
    private(set) var bytes: [UInt8] = []

    /// Why a file cannot be written.
    struct Failure: Error, Equatable {
        /// What is wrong.
        let message: String
    }

    /// Appends a regular file `name` with `contents`, mode 0600, modified at `mtime` (seconds since the epoch).
    mutating func add(_ name: String, _ contents: [UInt8], mtime: Int64) throws(Failure) {
        let nameBytes = Array(name.utf8)
        guard !nameBytes.isEmpty, nameBytes.count <= 100, nameBytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw Failure(message: "tar names are 1–100 printable ASCII bytes: \(name)")
        }
        guard contents.count < 0o77777777777 else { throw Failure(message: "\(name) is too large for a tar header") }
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ field: [UInt8], at offset: Int) { header.replaceSubrange(offset..<offset + field.count, with: field) }
        func octal(_ value: Int64, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(nameBytes, at: 0)
        put(octal(0o600, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(Int64(contents.count), width: 12), at: 124)
        put(octal(max(0, mtime), width: 12), at: 136)
        put([UInt8](repeating: 0x20, count: 8), at: 148)
        header[156] = UInt8(ascii: "0")
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        put(Array("kinerja".utf8), at: 265)
        put(Array("kinerja".utf8), at: 297)
        let checksum = header.reduce(0) { $0 + Int64($1) }
        put(Array(octal(checksum, width: 7)) + [0x20], at: 148)
        bytes += header
        bytes += contents
        let remainder = contents.count % 512
        if remainder != 0 { bytes += [UInt8](repeating: 0, count: 512 - remainder) }
    }

    /// The finished archive: the files and two zero blocks.
    var archive: [UInt8] { bytes + [UInt8](repeating: 0, count: 1024) }
}
