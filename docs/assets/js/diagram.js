/*
 * Diagram (SVG yang digambar saat build, policy/diagram/svg.py): tampilan layar penuh dengan
 * perbesar/geser, nama lajur yang tetap terlihat saat menggulir, dan pencetakan.
 *
 * Tanpa skrip ini semuanya tetap berfungsi sederhana: diagram tampil sebagai gambar, tautan
 * "Buka diagram di layar penuh" membuka berkas SVG-nya (zoom bawaan peramban).
 *
 * Layar penuh (<dialog>, dapat dipakai dengan papan ketik):
 *   + / =  perbesar      -  perkecil      0  ukuran asli      F  selebar layar
 *   panah  geser (area diagram mendapat fokus)      Esc  tutup (fokus kembali ke tautan)
 *   tetikus/sentuh: seret untuk menggeser, Ctrl + roda untuk memperbesar.
 */
(function () {
  "use strict";
  var TINGKAT = [0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1, 1.25, 1.5, 2, 3];
  var dialog = null, area = null, kanvas = null, gambar = null, info = null, asal = null;
  var skala = 1, lebarAsli = 0;

  function el(tag, kelas, teks) {
    var e = document.createElement(tag);
    if (kelas) e.className = kelas;
    if (teks) e.textContent = teks;
    return e;
  }

  function tombol(teks, label, aksi) {
    var b = el("button", "skd-layar__tombol md-button", teks);
    b.type = "button";
    b.setAttribute("aria-label", label);
    b.title = label;
    b.addEventListener("click", aksi);
    return b;
  }

  function buatDialog() {
    dialog = el("dialog", "skd-layar");
    dialog.setAttribute("aria-label", "Diagram layar penuh");
    var alat = el("div", "skd-layar__alat");
    info = el("span", "skd-layar__info");
    info.setAttribute("aria-live", "polite");
    alat.appendChild(tombol("−", "Perkecil (tombol -)", function () { langkah(-1); }));
    alat.appendChild(tombol("+", "Perbesar (tombol +)", function () { langkah(1); }));
    alat.appendChild(tombol("100%", "Ukuran asli (tombol 0)", function () { atur(1); }));
    alat.appendChild(tombol("Selebar layar", "Selebar layar (tombol F)", function () { atur(pas()); }));
    alat.appendChild(info);
    var tutup = tombol("Tutup", "Tutup (Esc)", function () { dialog.close(); });
    tutup.classList.add("skd-layar__tutup");
    alat.appendChild(tutup);
    area = el("div", "skd-layar__area");
    area.tabIndex = 0;
    area.setAttribute("role", "region");
    area.setAttribute("aria-label", "Diagram; gunakan tombol panah untuk menggeser, + dan - untuk memperbesar");
    kanvas = el("div", "skd-layar__kanvas");
    area.appendChild(kanvas);
    dialog.appendChild(alat);
    dialog.appendChild(area);
    document.body.appendChild(dialog);

    dialog.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ev.key === "+" || ev.key === "=") { langkah(1); ev.preventDefault(); }
      else if (ev.key === "-" || ev.key === "_") { langkah(-1); ev.preventDefault(); }
      else if (ev.key === "0") { atur(1); ev.preventDefault(); }
      else if (ev.key === "f" || ev.key === "F") { atur(pas()); ev.preventDefault(); }
    });
    area.addEventListener("wheel", function (ev) {
      if (!ev.ctrlKey) return;
      ev.preventDefault();
      langkah(ev.deltaY < 0 ? 1 : -1);
    }, { passive: false });
    // Seret untuk menggeser (tetikus dan sentuh).
    var seret = null;
    area.addEventListener("pointerdown", function (ev) {
      if (ev.button !== 0) return;
      seret = { x: ev.clientX, y: ev.clientY, kiri: area.scrollLeft, atas: area.scrollTop };
      area.setPointerCapture(ev.pointerId);
      area.classList.add("skd-layar__area--seret");
    });
    area.addEventListener("pointermove", function (ev) {
      if (!seret) return;
      area.scrollLeft = seret.kiri - (ev.clientX - seret.x);
      area.scrollTop = seret.atas - (ev.clientY - seret.y);
    });
    function lepas() { seret = null; area.classList.remove("skd-layar__area--seret"); }
    area.addEventListener("pointerup", lepas);
    area.addEventListener("pointercancel", lepas);
    dialog.addEventListener("close", function () {
      kanvas.textContent = "";
      if (asal) asal.focus();
    });
  }

  function pas() {
    return Math.min(1, (area.clientWidth - 16) / lebarAsli);
  }

  function atur(s) {
    skala = Math.max(TINGKAT[0], Math.min(TINGKAT[TINGKAT.length - 1], s));
    var tengahX = (area.scrollLeft + area.clientWidth / 2) / (kanvas.offsetWidth || 1);
    var tengahY = (area.scrollTop + area.clientHeight / 2) / (kanvas.offsetHeight || 1);
    kanvas.style.width = Math.round(lebarAsli * skala) + "px";
    area.scrollLeft = tengahX * kanvas.offsetWidth - area.clientWidth / 2;
    area.scrollTop = tengahY * kanvas.offsetHeight - area.clientHeight / 2;
    info.textContent = Math.round(skala * 100) + "%";
  }

  function langkah(arah) {
    var i, s = skala;
    if (arah > 0) { for (i = 0; i < TINGKAT.length && TINGKAT[i] <= s + 1e-3; i++); s = TINGKAT[Math.min(i, TINGKAT.length - 1)]; }
    else { for (i = TINGKAT.length - 1; i >= 0 && TINGKAT[i] >= s - 1e-3; i--); s = TINGKAT[Math.max(i, 0)]; }
    atur(s);
  }

  function buka(fig, tautan) {
    if (!dialog) buatDialog();
    asal = tautan;
    lebarAsli = parseFloat(fig.getAttribute("data-lebar")) || 800;
    kanvas.textContent = "";
    var lajur = fig.querySelector(".skd-diagram__lajur");
    if (lajur) kanvas.appendChild(lajur.cloneNode(true));
    gambar = fig.querySelector("img").cloneNode(false);
    gambar.removeAttribute("style");
    gambar.loading = "eager";
    kanvas.appendChild(gambar);
    dialog.showModal();
    area.scrollLeft = 0;
    area.scrollTop = 0;
    atur(1);
    area.focus();
  }

  // Nama lajur diagram urutan: tampak (menempel di bawah kepala halaman) hanya setelah baris
  // kotak partisipan di atas diagram tergulir keluar layar, selama diagramnya masih terlihat.
  function pantauLajur(fig) {
    var lajur = fig.querySelector(".skd-diagram__lajur");
    if (!lajur || !("IntersectionObserver" in window)) return;
    var img = fig.querySelector("img");
    function periksa() {
      var r = img.getBoundingClientRect();
      var kepala = document.querySelector(".md-header");
      var bawahKepala = kepala ? kepala.getBoundingClientRect().bottom : 0;
      // tinggi baris partisipan ≈ tinggi kotaknya: 6% tinggi diagram, paling sedikit 40 px
      var barisAtas = Math.max(40, r.height * 0.06);
      var tampak = r.top + barisAtas < bawahKepala && r.bottom > bawahKepala + 80;
      document.documentElement.style.setProperty("--skd-atas", bawahKepala + "px");
      fig.classList.toggle("skd-diagram--lajur-tampak", tampak);
    }
    var aktif = false;
    new IntersectionObserver(function (entri) {
      var kini = entri[0].isIntersecting;
      if (kini && !aktif) { window.addEventListener("scroll", periksa, { passive: true }); periksa(); }
      if (!kini && aktif) { window.removeEventListener("scroll", periksa); fig.classList.remove("skd-diagram--lajur-tampak"); }
      aktif = kini;
    }).observe(fig);
  }

  function tandaiLebar(fig) {
    var g = fig.querySelector(".skd-diagram__gulir");
    function cek() {
      var lebar = g.scrollWidth > g.clientWidth + 1;
      fig.classList.toggle("skd-diagram--lebar", lebar);
      if (lebar) { g.tabIndex = 0; g.setAttribute("role", "region"); g.setAttribute("aria-label", "Diagram lebar, dapat digulir mendatar"); }
      else { g.removeAttribute("tabindex"); g.removeAttribute("role"); g.removeAttribute("aria-label"); }
    }
    cek();
    if ("ResizeObserver" in window) new ResizeObserver(cek).observe(g);
  }

  function pasang(akar) {
    [].forEach.call(akar.querySelectorAll("figure.skd-diagram:not([data-skd])"), function (fig) {
      fig.setAttribute("data-skd", "");
      var a = fig.querySelector(".skd-diagram__layar");
      if (a && "HTMLDialogElement" in window) {
        a.setAttribute("role", "button");
        a.addEventListener("click", function (ev) {
          if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button) return; // tab baru: berkas SVG
          ev.preventDefault();
          buka(fig, a);
        });
      }
      tandaiLebar(fig);
      pantauLajur(fig);
    });
  }

  // Cetak: semua gambar dimuat (bukan lazy) dan <details> (teks alternatif) dibuka, lalu dipulihkan.
  var dibuka = [];
  window.addEventListener("beforeprint", function () {
    [].forEach.call(document.querySelectorAll("figure.skd-diagram img"), function (i) { i.loading = "eager"; });
    dibuka = [].slice.call(document.querySelectorAll(".md-typeset details:not([open])"));
    dibuka.forEach(function (d) { d.setAttribute("open", ""); });
  });
  window.addEventListener("afterprint", function () {
    dibuka.forEach(function (d) { d.removeAttribute("open"); });
    dibuka = [];
  });

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { pasang(document); }); // navigasi instan Material
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { pasang(document); });
  } else {
    pasang(document);
  }
})();
