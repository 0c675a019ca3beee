/// The app's only script, dependency-free: "select all" in the inbox, and the week form's upload
/// progress. Every page works without it.
enum Script {
    static let text = #"""
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var all = document.getElementById("pilih-semua");
  if (all) {
    all.hidden = false;
    all.addEventListener("change", function () {
      document.querySelectorAll("input[name=laporan]").forEach(function (box) { box.checked = all.checked; });
    });
  }
  var form = document.getElementById("form-minggu");
  var bar = document.getElementById("unggah-progres");
  var barBox = document.getElementById("unggah");
  if (form && bar && barBox && window.FormData && window.XMLHttpRequest) {
    form.addEventListener("submit", function (event) {
      var hasFile = Array.prototype.some.call(form.querySelectorAll("input[type=file]"), function (input) { return input.files.length > 0; });
      if (!hasFile) { return; }
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) { data.append(event.submitter.name, event.submitter.value); }
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      barBox.hidden = false;
      request.upload.addEventListener("progress", function (e) { if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); } });
      request.addEventListener("load", function () {
        if (request.responseURL && request.status === 200 && request.responseURL !== form.action) { window.location.assign(request.responseURL); return; }
        document.open(); document.write(request.responseText); document.close();
      });
      request.addEventListener("error", function () { barBox.hidden = true; form.submit(); });
      request.send(data);
    });
  }
});
"""#
}
