/// The app's stylesheet: phone first (one column from 320 px), a wider grid from 48 em; system
/// fonts; contrast at least 4.5:1; visible focus for keyboard users.
enum StyleSheet {
    static let text = """
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:100%;line-height:1.45;color:#1b1b1b;background:#f4f6f8}
body{margin:0}
a{color:#0b4f6c}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px}
header.top{background:#0b4f6c;color:#fff;padding:10px 14px}
header.top a{color:#fff}
header.top .brand{font-weight:700;font-size:1.15rem;text-decoration:none}
header.top .who{font-size:.85rem;margin:2px 0 6px}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px}
nav a{display:inline-block;padding:6px 0}
form.signout{display:inline}
form.signout button{background:none;border:1px solid #fff;color:#fff;padding:4px 10px;border-radius:4px;font-size:.85rem}
main.page{max-width:64rem;margin:0 auto;padding:14px}
h1{font-size:1.35rem;margin:.4rem 0 .8rem}
h2{font-size:1.1rem;margin:1.2rem 0 .5rem}
.notice{background:#e3f4e8;border-left:4px solid #2e7d32;padding:8px 12px}
.error{background:#fdecea;border-left:4px solid #b00020;padding:8px 12px}
.card{background:#fff;border:1px solid #d5dbe1;border-radius:6px;padding:12px;margin:0 0 12px}
label{display:block;font-weight:600;margin:.5rem 0 .2rem}
label.inline{font-weight:400}
input[type=text],input[type=password],input[type=number],select,textarea{width:100%;padding:10px;border:1px solid #8a949e;border-radius:4px;font:inherit;background:#fff}
textarea{min-height:4.5rem}
button,.button{display:inline-block;background:#0b4f6c;color:#fff;border:0;border-radius:4px;padding:11px 16px;font:inherit;font-weight:600;cursor:pointer;margin:6px 6px 0 0;text-decoration:none}
button.secondary{background:#fff;color:#0b4f6c;border:2px solid #0b4f6c}
fieldset{border:1px solid #d5dbe1;border-radius:6px;margin:0 0 12px;padding:8px 12px;background:#fff}
legend{font-weight:700;padding:0 4px}
.day.future{opacity:.6}
.problem{color:#b00020;font-weight:600}
.filed{font-size:.85rem;color:#37474f;margin:.2rem 0}
.row2{display:grid;grid-template-columns:1fr 1fr;gap:0 10px}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d5dbe1;vertical-align:top;font-size:.92rem}
progress{width:100%;height:14px}
.bar-label{display:flex;justify-content:space-between;font-size:.85rem}
.choices{display:grid;grid-template-columns:repeat(auto-fit,minmax(2.9rem,1fr));gap:6px}
.choices label{font-weight:400;border:1px solid #8a949e;border-radius:4px;padding:8px 6px;margin:0;background:#fff;text-align:center}
.choices.wide{grid-template-columns:repeat(auto-fit,minmax(9rem,1fr))}
.calendar{overflow-x:auto}
.legend span{display:inline-block;padding:2px 6px;margin:2px;border:1px solid #d5dbe1;font-size:.8rem}
.calendar table{font-size:.8rem}
.calendar th,.calendar td{padding:4px;text-align:center;white-space:nowrap}
.calendar th[scope=row]{text-align:left}
.cal-filed{background:#e3f4e8}.cal-missing{background:#fdecea;font-weight:700}.cal-leave{background:#e8eaf6}.cal-off{color:#4a5660;background:#eceff1}
a.photo img{width:96px;height:96px;object-fit:cover;border:1px solid #d5dbe1;border-radius:4px;margin:2px 6px 4px 0}
.muted{color:#4a5660;font-size:.85rem}
svg.curve{width:100%;max-width:32rem;height:auto;background:#fff;border:1px solid #d5dbe1}
.weeknav{display:flex;justify-content:space-between;gap:10px}
.label-m{display:none}
@media (max-width:47.99em){
 table.stack thead{display:none}
 table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
 table.stack tr{background:#fff;border:1px solid #d5dbe1;border-radius:6px;margin:0 0 8px;padding:6px 4px}
 table.stack td{border:0;padding:2px 8px}
 table.stack caption{display:block;text-align:left;padding:0 0 6px}
 .label-m{display:inline;color:#4a5660}
}
@media (min-width:48em){
 .grid-day{display:grid;grid-template-columns:3fr 1fr 3fr 1fr 2fr;gap:0 10px;align-items:start}
 header.top{display:flex;align-items:center;gap:20px;flex-wrap:wrap}
 .columns{display:grid;grid-template-columns:1fr 1fr;gap:0 20px;align-items:start}
}
"""
}
