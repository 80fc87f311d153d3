// The citizens' pages: small helps only; every page works without this script (the server checks all).
"use strict";
document.documentElement.classList.add("js");
(function () {
  var form = document.querySelector("form.filing");
  if (form) {
    var maxFiles = parseInt(form.getAttribute("data-max-files") || "4", 10);
    var maxBytes = parseInt(form.getAttribute("data-max-mb") || "10", 10) * 1024 * 1024;
    var allowed = /\.(jpe?g|jfif|png|gif|webp|pdf)$/i;
    var input = document.getElementById("files");
    var list = document.getElementById("file-list");
    var submit = form.querySelector("button[type=submit]");
    var tooMany = false;

    function sizeText(bytes) {
      return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)).toFixed(1) + "MB" : Math.max(1, Math.round(bytes / 1024)) + "KB";
    }

    function showFiles() {
      list.textContent = "";
      var files = input.files || [];
      tooMany = files.length > maxFiles;
      if (!files.length) {
        var none = document.createElement("li");
        none.className = "is-none";
        none.textContent = "고른 파일이 없습니다.";
        list.appendChild(none);
      }
      for (var i = 0; i < files.length; i++) {
        var file = files[i];
        var item = document.createElement("li");
        var problem = "";
        if (!allowed.test(file.name)) { problem = " — 사진·그림(JPG, PNG, GIF, WEBP)과 PDF만 보낼 수 있습니다"; }
        else if (file.size > maxBytes) { problem = " — " + (maxBytes / (1024 * 1024)) + "MB보다 큽니다"; }
        item.textContent = file.name + " (" + sizeText(file.size) + ")" + problem;
        if (problem) { item.className = "is-bad"; }
        list.appendChild(item);
      }
      if (tooMany) {
        var warn = document.createElement("li");
        warn.className = "is-bad";
        warn.textContent = "파일은 " + maxFiles + "개까지 보낼 수 있습니다. 다시 골라 주세요.";
        list.appendChild(warn);
      }
    }

    if (input && list) { input.addEventListener("change", showFiles); showFiles(); }
    form.addEventListener("submit", function (event) {
      if (tooMany) { event.preventDefault(); input.focus(); return; }
      if (submit) {
        if (submit.disabled) { event.preventDefault(); return; }
        submit.disabled = true;
        submit.textContent = submit.getAttribute("data-busy") || submit.textContent;
      }
    });
    window.addEventListener("pageshow", function () {
      if (submit && submit.disabled) { submit.disabled = false; }
    });
  }
  var receipt = document.getElementById("receipt_no");
  if (receipt) {
    receipt.addEventListener("blur", function () { receipt.value = receipt.value.trim().toUpperCase(); });
  }
})();
