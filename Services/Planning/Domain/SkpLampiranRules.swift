public import KinerjaProto

/// The rules of an SKP's Lampiran, the annex BKPSDM files with the SKP (`planning.proto`
/// SkpLampiran, PermenPANRB 6/2022):
/// - three sections: Dukungan Sumber Daya, Skema Pertanggungjawaban, Konsekuensi;
/// - each section has at most 20 items, each item 1–1000 characters (not only whitespace);
/// - the Lampiran is part of the version's body: it is set on a DRAFT (UpdateSkp, mask
///   `lampiran`, which replaces the whole Lampiran), copied by ReviseSkp and by
///   `copy_from_skp_id`, and covered by the approval stamp's hash (``SkpDocumentHash``).
///
/// An empty Lampiran is valid while drafting and at submission: the regulation's form has the
/// sections, but what goes in them is the agency's (our inference: not a submission rule).
public enum SkpLampiranRules {
    /// Most items per section (`planning.proto`).
    public static let maximumItems = 20
    /// Longest item (`planning.proto`).
    public static let maximumItemLength = 1000

    /// The sections with their field names, in the order the form prints them.
    public static func sections(_ lampiran: Planning.SkpLampiran) -> [(field: String, items: [String])] {
        [("dukungan_sumber_daya", lampiran.dukunganSumberDaya),
         ("skema_pertanggungjawaban", lampiran.skemaPertanggungjawaban),
         ("konsekuensi", lampiran.konsekuensi)]
    }

    /// Every violation by `lampiran`; empty when valid.
    public static func violations(_ lampiran: Planning.SkpLampiran, fieldPrefix: String = "lampiran.") -> [Common.FieldViolation] {
        var out = ViolationList(prefix: fieldPrefix)
        for (field, items) in sections(lampiran) {
            if items.count > maximumItems {
                out.add(field, "LAMPIRAN_TOO_MANY_ITEMS", "\(field) has at most \(maximumItems) items, got \(items.count)")
            }
            for (index, item) in items.enumerated() {
                if item.isBlank {
                    out.add("\(field)[\(index)]", "LAMPIRAN_ITEM_REQUIRED", "an item is 1-\(maximumItemLength) characters, not empty")
                } else if item.scalarCount > maximumItemLength {
                    out.add("\(field)[\(index)]", "LAMPIRAN_ITEM_TOO_LONG",
                            "an item is at most \(maximumItemLength) characters, got \(item.scalarCount)")
                }
            }
        }
        return out.items
    }
}
