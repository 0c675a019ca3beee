import Mustache

/// The Mustache templates, compiled into the binary (no template files to deploy). `{{x}}` escapes
/// HTML; the only unescaped output (`{{{svg}}}`) is the curve plot the server drew from numbers.
enum PageTemplates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in [("layout", LayoutTemplate.text), ("sign-in", SignInTemplate.text), ("home", HomeTemplate.text),
                             ("week", WeekTemplate.text), ("progress", ProgressTemplate.text), ("inbox", InboxTemplate.text),
                             ("feedback", FeedbackTemplate.text), ("curve", CurveTemplate.text), ("citizen", CitizenTemplate.text),
                             ("evaluation", EvaluationTemplate.text), ("team", TeamTemplate.text), ("compliance", ComplianceTemplate.text),
                             ("rating-list", RatingListTemplate.text), ("rating", RatingTemplate.text),
                             ("team-calendar", TeamCalendarTemplate.text), ("password", PasswordTemplate.text)] {
            try library.register(text, named: name)
        }
        return library
    }
}

/// Every page's frame: the header with the user and the navigation, the messages, the content.
enum LayoutTemplate {
    static let text = """
<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} — Kinerja Kota Kupang</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#isi">Langsung ke isi</a>
<header class="top">
<a class="brand" href="/">Kinerja Kota Kupang</a>
{{#user}}<p class="who">{{name}} · {{unit}}</p>{{/user}}
{{#signedIn}}<nav aria-label="Menu utama"><ul>{{#nav}}<li><a href="{{href}}">{{label}}</a></li>{{/nav}}
<li><form class="signout" method="post" action="/keluar"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Keluar</button></form></li></ul></nav>{{/signedIn}}
</header>
<main class="page" id="isi">
<h1>{{title}}</h1>
{{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
{{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
{{$content}}{{/content}}
</main>
</body>
</html>
"""
}

enum SignInTemplate {
    static let text = """
{{<layout}}{{$content}}
<form method="post" action="/masuk" class="card">
<input type="hidden" name="csrf" value="{{csrf}}">
<label for="nip">NIP</label>
<input type="text" id="nip" name="nip" inputmode="numeric" autocomplete="username" maxlength="18" required value="{{nip}}">
<label for="password">Kata sandi</label>
<input type="password" id="password" name="password" autocomplete="current-password" maxlength="256" required>
<button type="submit">Masuk</button>
</form>
<p class="muted">Gunakan NIP dan kata sandi akun Kinerja Anda. Akun terkunci sementara setelah beberapa kali salah.</p>
{{/content}}{{/layout}}
"""
}

enum HomeTemplate {
    static let text = """
{{<layout}}{{$content}}
<div class="card"><p><a class="button" href="/minggu">Isi laporan minggu ini</a> <a class="button" href="/progres">Lihat progres</a></p>
{{#atasan}}<p><a class="button" href="/kotak-masuk">Kotak masuk verifikasi</a></p>{{/atasan}}
{{#manager}}<p><a class="button" href="/kurva">Kurva distribusi unit</a></p>{{/manager}}</div>
<h2>SKP saya {{year}}</h2>
{{#provisional}}<p class="muted">SKP belum disetujui atasan: laporan dihitung sementara.</p>{{/provisional}}
<table><caption class="muted">Rencana hasil kerja dan indikator</caption>
<thead><tr><th scope="col">RHK</th><th scope="col">Indikator (IKI)</th><th scope="col">Target tahunan</th></tr></thead>
<tbody>{{#ikis}}<tr><td>{{rhk}} <span class="muted">({{kind}})</span></td><td>{{indicator}}</td><td>{{target}}</td></tr>{{/ikis}}
{{^ikis}}<tr><td colspan="3">Belum ada SKP untuk tahun ini.</td></tr>{{/ikis}}</tbody></table>
{{/content}}{{/layout}}
"""
}

enum WeekTemplate {
    static let text = """
{{<layout}}{{$content}}
<p class="weeknav"><a href="/minggu?mulai={{previous}}">&larr; Minggu sebelumnya</a> <span>Minggu mulai {{monday}}</span>
{{#next}}<a href="/minggu?mulai={{next}}">Minggu berikutnya &rarr;</a>{{/next}}</p>
{{^hasTargets}}<p class="error">Belum ada IKI untuk dilaporkan (SKP tahun ini belum ada).</p>{{/hasTargets}}
<form id="form-minggu" method="post" action="/minggu" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="mulai" value="{{monday}}">
{{#rows}}
<fieldset class="day{{#future}} future{{/future}}">
<legend>{{label}}</legend>
{{#reports}}<p class="filed">Sudah dilaporkan: {{indicator}} — {{value}} ({{state}})</p>
{{#photos}}<a class="photo" href="/bukti/{{hash}}"><img src="/bukti/{{hash}}" alt="{{alt}}" width="96" height="96" loading="lazy"></a>{{/photos}}{{/reports}}
{{#problem}}<p class="problem" role="alert">{{problem}}</p>{{/problem}}
{{^future}}
<input type="hidden" name="hari{{index}}_tanggal" value="{{date}}">
<div class="grid-day">
<div><label for="hari{{index}}_iki">IKI</label>
<select id="hari{{index}}_iki" name="hari{{index}}_iki"><option value="">— pilih —</option>{{#options}}<option value="{{value}}" {{selected}}>{{label}}</option>{{/options}}</select></div>
<div><label for="hari{{index}}_nilai">Realisasi</label>
<input type="number" id="hari{{index}}_nilai" name="hari{{index}}_nilai" min="0" step="any" inputmode="decimal" value="{{nilai}}"></div>
<div><label for="hari{{index}}_uraian">Uraian kegiatan</label>
<textarea id="hari{{index}}_uraian" name="hari{{index}}_uraian" maxlength="2000">{{uraian}}</textarea></div>
<div><label for="hari{{index}}_menit">Menit</label>
<input type="number" id="hari{{index}}_menit" name="hari{{index}}_menit" min="0" max="1440" inputmode="numeric" value="{{menit}}"></div>
<div><label for="hari{{index}}_foto">Foto bukti</label>
<input type="file" id="hari{{index}}_foto" name="hari{{index}}_foto" accept="image/*" capture="environment"></div>
</div>
{{/future}}
{{#future}}<p class="muted">Hari ini belum tiba.</p>{{/future}}
</fieldset>
{{/rows}}
<p id="unggah" hidden><label for="unggah-progres">Mengunggah foto…</label>
<progress id="unggah-progres" max="100" value="0">0%</progress></p>
<button type="submit" name="aksi" value="simpan" class="secondary">Simpan draf</button>
<button type="submit" name="aksi" value="ajukan">Ajukan minggu ini</button>
</form>
<p class="muted">Draf disimpan selama sesi (tanpa foto). Foto maksimal 8 MB per kiriman.</p>
{{/content}}{{/layout}}
"""
}
