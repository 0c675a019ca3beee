/// The version of this build of Kinerja.
public enum KinerjaVersion {
    /// Semantic version of the product (the wire contract is `v1`).
    public static let current = "0.1.0"
}
