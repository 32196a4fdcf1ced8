/*
 * Pencarian situs dengan Pagefind (stemmer bahasa Indonesia), tanpa CDN.
 *
 * Indeks dan antarmuka Pagefind (pagefind/pagefind-ui.js, .css) dibangkitkan saat build oleh
 * hooks/pencarian.py dan hanya dimuat ketika pengguna membuka pencarian (tombol kaca pembesar,
 * tombol "/" atau "s", atau alamat ?cari=kata). Antarmuka memakai pembungkus assets/js/cari/pagefind.js
 * (kata tanya dibuang, judul yang sama persis dengan kueri di urutan pertama; lihat berkasnya).
 *
 * Tidak aktif pada salinan luring (file://): Pagefind memerlukan server web, jadi salinan luring
 * memakai pencarian bawaan Material (lihat scripts/bangun_luring.sh).
 */
(function () {
  "use strict";
  // Opsi Pagefind (juga dipakai tes pencarian). Peringkat bawaan Pagefind: naskah Perbup kini
  // diindeks per Pasal (hooks/pencarian.py), sehingga pageLength 0,3 — dulu untuk halaman naskah
  // yang panjang — kini merugikan (tests/browser/CATATAN.md: 48/55 kueri vs 50/55 dengan bawaan
  // 0,75; dengan 300 unit 45/55 vs 49/55).
  var OPSI = {};
  window.skdOpsiPagefind = OPSI;
  if (location.protocol === "file:") return;
  if (document.querySelector(".md-search")) return; // pencarian Material aktif (salinan luring)

  var config = {};
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (e) { /* halaman tanpa konfigurasi Material */ }
  var dasar = new URL((config.base || ".") + "/", location.href);
  var bundel = new URL("pagefind/", dasar);
  var pembungkus = new URL("assets/js/cari/", dasar);

  var ikon =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
    '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 ' +
    '6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5Z"/>' +
    "</svg>";

  var tombol = document.createElement("button");
  tombol.type = "button";
  tombol.className = "md-header__button md-icon skd-cari-tombol";
  tombol.setAttribute("aria-label", "Cari di situs");
  tombol.title = "Cari di situs (/)";
  tombol.innerHTML = ikon + '<span class="skd-cari-label">Cari</span>';

  var dialog = document.createElement("dialog");
  dialog.className = "skd-cari";
  dialog.setAttribute("aria-label", "Pencarian");
  dialog.innerHTML =
    '<div class="skd-cari__kepala"><h2 class="skd-cari__judul">Cari di situs</h2>' +
    '<button type="button" class="skd-cari__tutup" aria-label="Tutup pencarian">&times;</button></div>' +
    '<div id="skd-cari-isi" class="skd-cari__isi"></div>';

  var header = document.querySelector(".md-header__inner");
  if (!header) return;
  var sumber = header.querySelector(".md-header__source");
  header.insertBefore(tombol, sumber);
  document.body.appendChild(dialog);

  var ui = null;
  var siap = null;

  function muatSkrip(src) {
    return new Promise(function (selesai, gagal) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = selesai;
      s.onerror = function () { gagal(new Error("gagal memuat " + src)); };
      document.head.appendChild(s);
    });
  }

  function siapkan() {
    if (siap) return siap;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("pagefind-ui.css", bundel).href;
    document.head.appendChild(css);
    siap = muatSkrip(new URL("pagefind-ui.js", bundel).href).then(function () {
      ui = new window.PagefindUI({
        element: "#skd-cari-isi",
        bundlePath: pembungkus.pathname, // memuat pembungkus pagefind.js (lihat berkasnya)
        baseUrl: dasar.pathname,
        ranking: OPSI.ranking,
        showSubResults: true,
        showImages: false,
        resetStyles: false,
        pageSize: 10,
        autofocus: true
      });
      return ui;
    });
    return siap;
  }

  function buka(kata) {
    if (!dialog.open) dialog.showModal();
    return siapkan().then(function (ui) {
      if (kata) ui.triggerSearch(kata);
      var input = dialog.querySelector("input");
      if (input) input.focus();
    });
  }
  window.skdCari = buka;

  tombol.addEventListener("click", function () { buka(); });
  dialog.querySelector(".skd-cari__tutup").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var mengetik = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (!mengetik && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "/" || e.key === "s")) {
      e.preventDefault();
      buka();
    }
  });

  var awal = new URLSearchParams(location.search).get("cari");
  if (awal) buka(awal);
})();
