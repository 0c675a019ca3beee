enum ProgressTemplate {
    static let text = """
{{<layout}}{{$content}}
<p class="muted">Tahun {{year}}. Laporan menunggu verifikasi: {{pending}}.</p>
{{#ikis}}
<div class="card">
<p><strong>{{indicator}}</strong></p>
<p class="bar-label"><span>Terverifikasi: {{verified}} dari {{target}}</span><span>{{percent}}</span></p>
<progress max="100" value="{{bar}}" aria-label="Capaian terverifikasi {{indicator}}">{{percent}}</progress>
<p class="bar-label"><span>Termasuk yang menunggu: {{withPending}}</span><span>{{pendingPercent}}</span></p>
<progress max="100" value="{{pendingBar}}" aria-label="Capaian termasuk menunggu {{indicator}}">{{pendingPercent}}</progress>
<p class="muted">{{reports}}</p>
</div>
{{/ikis}}
{{^ikis}}<p>Belum ada progres untuk ditampilkan.</p>{{/ikis}}
{{/content}}{{/layout}}
"""
}

enum InboxTemplate {
    static let text = """
{{<layout}}{{$content}}
{{#hasSkps}}<h2>SKP menunggu persetujuan</h2>
{{#skps}}<form method="post" action="/kotak-masuk/skp" class="card">
<input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="skp" value="{{id}}"><input type="hidden" name="versi" value="{{version}}">
<p><strong>{{name}}</strong><br><span class="muted">{{summary}}</span></p>
<label for="catatan-{{id}}">Catatan (wajib bila dikembalikan)</label>
<textarea id="catatan-{{id}}" name="catatan" maxlength="2000"></textarea>
<button type="submit" name="aksi" value="setujui">Setujui</button>
<button type="submit" name="aksi" value="kembalikan" class="secondary">Kembalikan</button>
</form>{{/skps}}{{/hasSkps}}
<h2>Laporan harian</h2>
<p>{{count}} laporan menunggu verifikasi Anda.</p>
{{#hasReports}}
<form method="post" action="/kotak-masuk">
<input type="hidden" name="csrf" value="{{csrf}}">
<p><label><input type="checkbox" id="pilih-semua" hidden> Pilih semua</label></p>
<table class="stack"><thead><tr><th scope="col">Pilih</th><th scope="col">Pegawai</th><th scope="col">Tanggal</th><th scope="col">IKI dan realisasi</th><th scope="col">Uraian</th></tr></thead>
<tbody>{{#reports}}<tr><td><input type="checkbox" name="laporan" value="{{id}}" id="lap-{{id}}" aria-label="Pilih laporan {{name}} {{date}}"></td>
<td><label for="lap-{{id}}">{{name}}</label></td><td>{{date}}{{#overdue}} <strong>(lewat tenggat)</strong>{{/overdue}}</td><td>{{indicator}}: {{value}}{{evidence}}</td><td>{{description}}</td></tr>{{/reports}}</tbody></table>
<label for="catatan">Catatan (wajib untuk penolakan)</label>
<textarea id="catatan" name="catatan" maxlength="500"></textarea>
<button type="submit" name="aksi" value="verifikasi">Verifikasi yang dipilih</button>
<button type="submit" name="aksi" value="tolak" class="secondary">Tolak yang dipilih</button>
</form>
{{/hasReports}}
{{/content}}{{/layout}}
"""
}

enum FeedbackTemplate {
    static let text = """
{{<layout}}{{$content}}
<h2>Umpan balik untuk saya</h2>
{{#received}}<div class="card"><p><strong>{{kind}}</strong> <span class="muted">{{date}}</span></p><p>{{message}}</p></div>{{/received}}
{{^received}}<p>Belum ada umpan balik.</p>{{/received}}
{{#atasan}}
<h2>Beri umpan balik kepada bawahan</h2>
<form method="post" action="/umpan-balik" class="card">
<input type="hidden" name="csrf" value="{{csrf}}">
<label for="penerima">Penerima</label>
<select id="penerima" name="penerima" required><option value="">— pilih —</option>{{#bawahan}}<option value="{{nip}}">{{name}}</option>{{/bawahan}}</select>
<label for="jenis">Jenis</label>
<select id="jenis" name="jenis" required>{{#kinds}}<option value="{{value}}">{{label}}</option>{{/kinds}}</select>
<label for="pesan">Umpan balik</label>
<textarea id="pesan" name="pesan" maxlength="2000" required></textarea>
<button type="submit">Kirim</button>
</form>
{{/atasan}}
{{/content}}{{/layout}}
"""
}

enum CurveTemplate {
    static let text = """
{{<layout}}{{$content}}
{{#hasPeriods}}
<form method="get" action="/kurva" class="card">
<label for="periode">Unit dan periode</label>
<select id="periode" name="periode">{{#periods}}<option value="{{id}}" {{selected}}>{{label}}</option>{{/periods}}</select>
<button type="submit">Tampilkan</button>
</form>
{{/hasPeriods}}
{{#unit}}
<h2>{{unit}} — {{period}}</h2>
<p>Predikat organisasi: <strong>{{rating}}</strong>. Dinilai {{rated}} dari {{population}} pegawai.
{{#compliant}}Sebaran sesuai kuota.{{/compliant}}{{^compliant}}<strong>Sebaran belum sesuai kuota.</strong>{{/compliant}}</p>
{{{svg}}}
<p class="muted">Batang: jumlah pegawai per predikat. Garis merah: batas atas kuota; garis hijau putus-putus: batas bawah.</p>
<h2>Kuota</h2>
<table><thead><tr><th scope="col">Aturan</th><th scope="col">Minimal</th><th scope="col">Maksimal</th></tr></thead>
<tbody>{{#quotas}}<tr><td>{{rule}}</td><td>{{min}}</td><td>{{max}}</td></tr>{{/quotas}}</tbody></table>
<h2>Sebaran saat ini</h2>
<table><thead><tr><th scope="col">Predikat</th><th scope="col">Jumlah</th></tr></thead>
<tbody>{{#distribution}}<tr><td>{{predikat}}</td><td>{{count}}</td></tr>{{/distribution}}</tbody></table>
{{#breaches}}<p class="error">{{text}}</p>{{/breaches}}
{{#finalisable}}<h2>Finalisasi periode</h2>
{{#refused}}<p class="error">{{text}}</p>{{/refused}}
<form method="post" action="/kurva/final" class="card">
<input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="periode" value="{{periodID}}"><input type="hidden" name="revisi" value="{{revision}}">
{{#override}}<input type="hidden" name="dengan_penjelasan" value="1">
<label for="penjelasan">Penjelasan pelanggaran kurva (wajib, 20–2000 karakter; dicatat dalam log audit)</label>
<textarea id="penjelasan" name="penjelasan" minlength="20" maxlength="2000" required></textarea>
<button type="submit">Finalkan dengan penjelasan</button>{{/override}}
{{^override}}<p class="muted">Semua evaluasi dikunci dengan cuplikan; pelaporan periode ini ditutup.</p>
<button type="submit">Finalkan periode</button>{{/override}}
</form>{{/finalisable}}
{{#isFinal}}<p class="notice">Periode ini sudah final.</p>{{/isFinal}}
<h2>Ekspor</h2>
<div class="card">{{#isFinal}}<p><a class="button" href="/ekspor/siasn?periode={{periodID}}" download>Unduh SIASN (JSON Lines)</a></p>{{/isFinal}}
{{^isFinal}}<p class="muted">Ekspor SIASN tersedia setelah periode final.</p>{{/isFinal}}
<form method="get" action="/ekspor/tpp">
<input type="hidden" name="unit" value="{{unitID}}">
<label for="bulan">Bulan TPP (TTTT-BB)</label>
<input type="text" id="bulan" name="bulan" value="{{month}}" pattern="[0-9]{4}-[0-9]{2}" inputmode="numeric" required>
<button type="submit">Unduh TPP (CSV)</button>
</form></div>
{{#hasRaters}}<h2>Kemurahan penilai</h2>
<table class="stack"><caption class="muted">Skor rata-rata unit {{unitMean}}; indeks positif = lebih murah dari unit</caption>
<thead><tr><th scope="col">Penilai</th><th scope="col">Dinilai</th><th scope="col">Skor rata-rata</th><th scope="col">Indeks kemurahan</th></tr></thead>
<tbody>{{#raters}}<tr><td><strong>{{name}}</strong>{{#flagged}} <strong>(ditandai)</strong>{{/flagged}}</td><td><span class="label-m">Dinilai: </span>{{count}}</td><td><span class="label-m">Skor rata-rata: </span>{{mean}}</td><td><span class="label-m">Indeks: </span>{{index}}</td></tr>{{/raters}}</tbody></table>{{/hasRaters}}
{{/unit}}
{{/content}}{{/layout}}
"""
}

enum CitizenTemplate {
    static let text = """
{{<layout}}{{$content}}
{{#thanks}}<p class="notice" role="status">{{thanks}}</p>{{/thanks}}
{{#form}}
<div class="card"><p>Layanan: <strong>{{service}}</strong></p>{{#unit}}<p>Unit: <strong>{{unit}}</strong></p>{{/unit}}</div>
<form method="post" action="/rate/{{code}}" class="card">
<input type="hidden" name="csrf" value="{{csrf}}">
<fieldset><legend>Seberapa puas Anda dengan layanan ini? (1 = sangat tidak puas, 5 = sangat puas)</legend>
<div class="choices">{{#scores}}<label><input type="radio" name="nilai" value="{{value}}" required {{checked}}> {{value}}</label>{{/scores}}</div>
</fieldset>
<label for="komentar">Komentar (tanpa data pribadi)</label>
<textarea id="komentar" name="komentar" maxlength="1000">{{comment}}</textarea>
<details><summary>Survei Kepuasan Masyarakat (opsional, 9 pertanyaan)</summary>
{{#questions}}<fieldset><legend>{{label}} (1 = tidak baik, 4 = sangat baik)</legend>
<div class="choices">{{#choices}}<label><input type="radio" name="{{name}}" value="{{value}}" {{checked}}> {{value}}</label>{{/choices}}</div></fieldset>{{/questions}}
</details>
<button type="submit">Kirim penilaian</button>
</form>
<p class="muted">Penilaian Anda anonim dan hanya dapat dikirim sekali.</p>
{{/form}}
{{/content}}{{/layout}}
"""
}

enum EvaluationTemplate {
    static let text = """
{{<layout}}{{$content}}
<table class="stack"><caption class="muted">Evaluasi tahun {{year}}</caption>
<thead><tr><th scope="col">Periode</th><th scope="col">Hasil Kerja</th><th scope="col">Perilaku Kerja</th><th scope="col">Predikat</th><th scope="col">Status</th><th scope="col">Penilai</th></tr></thead>
<tbody>{{#evaluations}}<tr><td>{{period}}</td><td>{{hasilKerja}}</td><td>{{perilaku}}</td><td><strong>{{predikat}}</strong></td><td>{{state}}</td><td>{{evaluator}}</td></tr>{{/evaluations}}
{{^evaluations}}<tr><td colspan="6">Belum ada evaluasi tahun ini.</td></tr>{{/evaluations}}</tbody></table>
{{/content}}{{/layout}}
"""
}

enum TeamTemplate {
    static let text = """
{{<layout}}{{$content}}
<p class="muted">Tahun {{year}}. <a href="/kotak-masuk">Ke kotak masuk verifikasi</a> · <a href="/tim/kalender">Kalender kepatuhan tim</a></p>
{{#members}}<div class="card"><p><strong>{{name}}</strong></p>
<p class="bar-label"><span>Rata-rata capaian</span><span>{{percent}}</span></p>
<progress max="100" value="{{bar}}" aria-label="Rata-rata capaian {{name}}">{{percent}}</progress>
<p class="muted">IKI sesuai jalur: {{onTrack}} · hari melapor: {{filed}} · menunggu verifikasi: {{pending}}</p></div>{{/members}}
{{^members}}<p>Tidak ada bawahan.</p>{{/members}}
{{/content}}{{/layout}}
"""
}

enum ComplianceTemplate {
    static let text = """
{{<layout}}{{$content}}
<form method="get" action="/kepatuhan" class="card">
<label for="unit">Unit</label>
<select id="unit" name="unit">{{#units}}<option value="{{id}}" {{selected}}>{{label}}</option>{{/units}}</select>
<button type="submit">Tampilkan</button>
</form>
{{#unit}}<p>{{unit}}, termasuk sub-unit, {{from}} s.d. {{to}}: kepatuhan <strong>{{percent}}</strong>.</p>{{/unit}}
{{#hasEmployees}}<table class="stack"><caption class="muted">Pegawai yang belum melapor pada hari kerja (paling rendah dulu)</caption>
<thead><tr><th scope="col">Pegawai</th><th scope="col">Hari melapor</th><th scope="col">Kepatuhan</th><th scope="col">Tanggal terakhir tanpa laporan</th></tr></thead>
<tbody>{{#employees}}<tr><td><strong>{{name}}</strong></td><td><span class="label-m">Hari melapor: </span>{{filed}}</td><td><span class="label-m">Kepatuhan: </span>{{percent}}</td><td><span class="label-m">Tanpa laporan: </span>{{missing}}</td></tr>{{/employees}}</tbody></table>{{/hasEmployees}}
{{^hasEmployees}}<p>Semua pegawai telah melapor pada setiap hari kerja.</p>{{/hasEmployees}}
{{/content}}{{/layout}}
"""
}
