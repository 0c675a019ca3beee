import KinerjaProto

/// The fields of an account.
enum AccountText {
    static func fields(_ account: Identity.Account) -> FieldList {
        var fields = FieldList()
        fields.append("NIP", account.nip)
        fields.append("State", Display.name(account.state))
        fields.append("Must change password", Display.yesNo(account.mustChangePassword))
        fields.append("Password changed", WITATime.format(account.passwordChangedAt))
        fields.append("Last sign-in", WITATime.format(account.lastLoginAt))
        fields.append("Failed sign-ins", String(account.failedLoginCount))
        fields.append("Locked until", WITATime.format(account.lockedUntil))
        fields.append("Disabled reason", account.disabledReason)
        fields.append("Updated", WITATime.format(account.updated?.at) + " by " + (account.updated?.principal ?? "—"))
        return fields
    }
}
