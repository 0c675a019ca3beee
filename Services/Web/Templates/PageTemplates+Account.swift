/// The account's own page: changing the password.
enum PasswordTemplate {
    static let text = """
{{<layout}}{{$content}}
{{#mustChange}}<p class="notice" role="status">Kata sandi sekali pakai Anda harus diganti sebelum melanjutkan.</p>{{/mustChange}}
<form method="post" action="/kata-sandi" class="card">
<input type="hidden" name="csrf" value="{{csrf}}">
<label for="sandi_lama">Kata sandi saat ini{{#mustChange}} (sekali pakai){{/mustChange}}</label>
<input type="password" id="sandi_lama" name="sandi_lama" autocomplete="current-password" maxlength="256" required>
<label for="sandi_baru">Kata sandi baru (12–256 karakter, tanpa NIP)</label>
<input type="password" id="sandi_baru" name="sandi_baru" autocomplete="new-password" minlength="12" maxlength="256" required>
<label for="sandi_ulang">Ulangi kata sandi baru</label>
<input type="password" id="sandi_ulang" name="sandi_ulang" autocomplete="new-password" minlength="12" maxlength="256" required>
<label class="inline"><input type="checkbox" name="akhiri_sesi_lain" value="1"> Keluarkan sesi saya di perangkat lain</label>
<button type="submit">Ganti kata sandi</button>
</form>
{{/content}}{{/layout}}
"""
}
