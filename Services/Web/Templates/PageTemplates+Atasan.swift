/// The atasan's pages beyond the inbox: the evaluations to rate, one rating with the proposal and
/// the curve's quotas, and the team's compliance calendar.
enum RatingListTemplate {
    static let text = """
{{<layout}}{{$content}}
{{#hasRows}}<table class="stack"><caption class="muted">Evaluasi bawahan yang belum final, dengan usulan Hasil Kerja</caption>
<thead><tr><th scope="col">Pegawai</th><th scope="col">Periode</th><th scope="col">Usulan</th><th scope="col">Status</th><th scope="col">Predikat</th></tr></thead>
<tbody>{{#rows}}<tr><td><a href="/penilaian/{{id}}"><strong>{{name}}</strong></a></td><td><span class="label-m">Periode: </span>{{period}}</td>
<td><span class="label-m">Usulan: </span>{{proposal}}</td><td><span class="label-m">Status: </span>{{state}}</td><td><span class="label-m">Predikat: </span>{{predikat}}</td></tr>{{/rows}}</tbody></table>{{/hasRows}}
{{^hasRows}}<p>Tidak ada evaluasi bawahan yang menunggu penilaian Anda.</p>{{/hasRows}}
{{/content}}{{/layout}}
"""
}

enum RatingTemplate {
    static let text = """
{{<layout}}{{$content}}
{{#id}}
<p><a href="/penilaian">&larr; Semua penilaian</a></p>
<div class="card"><p><strong>{{name}}</strong> <span class="muted">NIP {{nip}}</span></p>
<p>{{period}} · {{state}} · Hasil Kerja: <strong>{{hasilKerja}}</strong> · Perilaku: <strong>{{perilaku}}</strong> · Predikat: <strong>{{predikat}}</strong></p></div>
<div class="columns">
<section aria-labelledby="usulan"><h2 id="usulan">Usulan Hasil Kerja: {{proposal}}</h2>
{{#fromOrganisation}}<p class="muted">Usulan mengikuti predikat organisasi (pimpinan unit).</p>{{/fromOrganisation}}
<p>{{proposalSummary}} Berbobot: {{utamaAbove}} di atas, {{utamaBelow}} di bawah.</p>
{{#hasInputs}}<table class="stack"><caption class="muted">Dasar usulan per IKI</caption>
<thead><tr><th scope="col">IKI</th><th scope="col">Capaian</th><th scope="col">Klasifikasi</th><th scope="col">Dasar</th></tr></thead>
<tbody>{{#inputs}}<tr><td><strong>{{indicator}}</strong> <span class="muted">({{kind}})</span></td><td><span class="label-m">Capaian: </span>{{capaian}}</td>
<td><span class="label-m">Klasifikasi: </span>{{rating}}</td><td><span class="label-m">Dasar: </span>{{basis}}; bukti {{evidence}}</td></tr>{{/inputs}}</tbody></table>{{/hasInputs}}
<h2>Usulan Perilaku Kerja: {{perilakuProposal}}</h2>
{{^hasValues}}<p class="muted">Belum ada umpan balik 360° untuk periode ini: Perilaku Kerja dinilai oleh atasan.</p>{{/hasValues}}
{{#hasValues}}<table class="stack"><thead><tr><th scope="col">Nilai BerAKHLAK</th><th scope="col">Rata-rata</th><th scope="col">Tanggapan</th><th scope="col">Klasifikasi</th></tr></thead>
<tbody>{{#values}}<tr><td><strong>{{value}}</strong></td><td><span class="label-m">Rata-rata: </span>{{mean}}</td><td><span class="label-m">Tanggapan: </span>{{responses}}</td><td><span class="label-m">Klasifikasi: </span>{{rating}}</td></tr>{{/values}}</tbody></table>{{/hasValues}}
</section>
<section aria-labelledby="kuota"><h2 id="kuota">Kuota kurva unit</h2>
{{#hasQuotas}}<p>Predikat organisasi: <strong>{{curveRating}}</strong>. Dinilai {{curveRated}} dari {{curvePopulation}} pegawai.</p>
<table class="stack"><thead><tr><th scope="col">Aturan</th><th scope="col">Terpakai</th><th scope="col">Minimal</th><th scope="col">Maksimal</th></tr></thead>
<tbody>{{#quotas}}<tr><td><strong>{{rule}}</strong>{{#full}} <strong>(penuh)</strong>{{/full}}</td><td><span class="label-m">Terpakai: </span>{{used}}</td><td><span class="label-m">Minimal: </span>{{min}}</td><td><span class="label-m">Maksimal: </span>{{max}}</td></tr>{{/quotas}}</tbody></table>
{{#curveBreaches}}<p class="error">{{text}}</p>{{/curveBreaches}}{{/hasQuotas}}
{{^hasQuotas}}<p class="muted">Kuota kurva belum tersedia (predikat organisasi belum ditetapkan).</p>{{/hasQuotas}}
</section>
</div>
{{#editable}}
<form method="post" action="/penilaian/{{id}}" class="card">
<input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="revisi" value="{{revision}}">
<fieldset><legend>Hasil Kerja</legend>
<div class="choices wide">{{#hasilChoices}}<label><input type="radio" name="{{name}}" value="{{value}}" {{checked}}> {{label}}</label>{{/hasilChoices}}</div></fieldset>
<label for="alasan_hasil_kerja">Alasan Hasil Kerja (wajib bila berbeda dari usulan, 10–2000 karakter)</label>
<textarea id="alasan_hasil_kerja" name="alasan_hasil_kerja" maxlength="2000"></textarea>
<fieldset><legend>Perilaku Kerja</legend>
<div class="choices wide">{{#perilakuChoices}}<label><input type="radio" name="{{name}}" value="{{value}}" {{checked}}> {{label}}</label>{{/perilakuChoices}}</div></fieldset>
<label for="alasan_perilaku">Alasan Perilaku Kerja (wajib untuk Di Atas atau Di Bawah, 10–2000 karakter)</label>
<textarea id="alasan_perilaku" name="alasan_perilaku" maxlength="2000"></textarea>
<button type="submit">Simpan penilaian</button>
</form>
{{/editable}}
{{/id}}
{{/content}}{{/layout}}
"""
}

enum TeamCalendarTemplate {
    static let text = """
{{<layout}}{{$content}}
<p class="muted">{{from}} s.d. {{to}}. <a href="/tim">Ke progres tim</a></p>
<p class="legend"><span class="cal-filed">✓ melapor</span> <span class="cal-missing">✗ belum melapor</span> <span class="cal-leave">C cuti atau izin</span> <span class="cal-off">· bukan hari kerja</span> <span>– tidak wajib melapor</span></p>
{{#hasRows}}<div class="calendar" tabindex="0" role="region" aria-label="Kalender kepatuhan, dapat digeser">
<table><thead><tr><th scope="col">Pegawai</th>{{#days}}<th scope="col"><abbr title="{{weekday}}">{{label}}</abbr></th>{{/days}}</tr></thead>
<tbody>{{#rows}}<tr><th scope="row">{{name}}<br><span class="muted">{{summary}}</span></th>{{#cells}}<td class="{{class}}" title="{{label}}"><span aria-label="{{label}}">{{symbol}}</span></td>{{/cells}}</tr>{{/rows}}</tbody></table></div>{{/hasRows}}
{{^hasRows}}<p>Tidak ada bawahan.</p>{{/hasRows}}
{{/content}}{{/layout}}
"""
}
