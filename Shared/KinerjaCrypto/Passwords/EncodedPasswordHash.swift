/// A stored password hash in its PHC-style text form, parsed strictly.
///
/// ```
/// $scrypt$ln=17,r=8,p=1$<salt>$<hash>
/// $pbkdf2-sha256$i=600000$<salt>$<hash>
/// ```
/// Salt and hash are unpadded base64url. Numbers are canonical decimal (no sign, no leading
/// zero) and parameters appear in exactly this order, so each hash has exactly one text form.
struct EncodedPasswordHash: Hashable {
    /// Accepted salt lengths in bytes; new hashes use 16.
    static let saltLengths = 16...64
    /// Accepted hash lengths in bytes; new hashes use 32.
    static let hashLengths = 32...64

    var parameters: PasswordHashParameters
    var salt: [UInt8]
    var hash: [UInt8]

    init(parameters: PasswordHashParameters, salt: [UInt8], hash: [UInt8]) {
        self.parameters = parameters
        self.salt = salt
        self.hash = hash
    }

    /// The parsed form of `text`, or nil when it is not exactly one of the two formats.
    init?(parsing text: String) {
        let fields = text.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].isEmpty,
              let algorithm = PasswordHashParameters.Algorithm(rawValue: String(fields[1])),
              let parameters = Self.parameters(algorithm, fields[2]),
              let salt = Base64URL.decode(fields[3]), Self.saltLengths.contains(salt.count),
              let hash = Base64URL.decode(fields[4]), Self.hashLengths.contains(hash.count) else {
            return nil
        }
        self.init(parameters: parameters, salt: salt, hash: hash)
    }

    /// The text form stored in the database.
    var encoded: String {
        "$\(parameters.algorithm.rawValue)$\(Self.parameterText(parameters))$\(Base64URL.encode(salt))$\(Base64URL.encode(hash))"
    }

    private static func parameterText(_ parameters: PasswordHashParameters) -> String {
        switch parameters.algorithm {
        case .scrypt: "ln=\(parameters.scryptLogN),r=\(parameters.scryptR),p=\(parameters.scryptP)"
        case .pbkdf2SHA256: "i=\(parameters.pbkdf2Iterations)"
        }
    }

    private static func parameters(_ algorithm: PasswordHashParameters.Algorithm, _ text: Substring) -> PasswordHashParameters? {
        let pairs = text.split(separator: ",", omittingEmptySubsequences: false)
        switch algorithm {
        case .scrypt:
            guard pairs.count == 3,
                  let logN = value(pairs[0], named: "ln").flatMap(UInt8.init(exactly:)),
                  let r = value(pairs[1], named: "r").flatMap(UInt32.init(exactly:)),
                  let p = value(pairs[2], named: "p").flatMap(UInt32.init(exactly:)) else { return nil }
            return PasswordHashParameters(algorithm: .scrypt, scryptLogN: logN, scryptR: r, scryptP: p)
        case .pbkdf2SHA256:
            guard pairs.count == 1,
                  let iterations = value(pairs[0], named: "i").flatMap(UInt32.init(exactly:)) else { return nil }
            return PasswordHashParameters(algorithm: .pbkdf2SHA256, pbkdf2Iterations: iterations)
        }
    }

    /// The number in `name=<digits>`, refusing signs, leading zeros and more than nine digits.
    private static func value(_ pair: Substring, named name: String) -> UInt64? {
        guard pair.hasPrefix(name + "=") else { return nil }
        let digits = pair.utf8.dropFirst(name.utf8.count + 1)
        guard (1...9).contains(digits.count),
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              digits.count == 1 || digits.first != UInt8(ascii: "0") else { return nil }
        return digits.reduce(0) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) }
    }
}
