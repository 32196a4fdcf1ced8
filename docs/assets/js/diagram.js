/*
 * Diagram Mermaid tetap terbaca: digulir mendatar, tidak diperkecil (DIAGRAMS.md: teks ≥ 11 px
 * pada jendela 1280×900).
 *
 * Material menggambar setiap diagram ke shadow root *tertutup* pada <div class="mermaid">, dan
 * Mermaid (useMaxWidth) memberi SVG lebar 100% sehingga diagram lebar diperkecil sampai teksnya
 * 3–9 px. Skrip ini (dimuat sebelum Material merender, lewat extra_javascript):
 *  1. membuat shadow root host diagram *terbuka* (isolasi gaya tetap sama), agar
 *  2. setelah dirender, SVG diberi lebar aslinya dan host digulir mendatar (tampilan layar), dan
 *  3. saat dicetak SVG kembali selebar kertas (lihat juga cetak.css).
 * Bila skrip ini tidak jalan, diagram tetap tampil seperti bawaan Material (diperkecil).
 */
(function () {
  "use strict";
  var asli = Element.prototype.attachShadow;
  var GAYA =
    ":host{display:block}" +
    "svg{height:auto}" +
    "@media print{svg{width:100%!important;max-width:100%!important;height:auto!important}}";

  Element.prototype.attachShadow = function (opsi) {
    if (this.classList && this.classList.contains("mermaid")) {
      var root = asli.call(this, Object.assign({}, opsi, { mode: "open" }));
      pantau(this, root);
      return root;
    }
    return asli.apply(this, arguments);
  };

  // Saat mencetak: buka semua <details> (daftar langkah = teks alternatif diagram), lalu pulihkan.
  var dibuka = [];
  window.addEventListener("beforeprint", function () {
    dibuka = [].slice.call(document.querySelectorAll(".md-typeset details:not([open])"));
    dibuka.forEach(function (d) { d.setAttribute("open", ""); });
  });
  window.addEventListener("afterprint", function () {
    dibuka.forEach(function (d) { d.removeAttribute("open"); });
    dibuka = [];
  });

  function pantau(host, root) {
    // Material mengisi innerHTML root tepat setelah attachShadow; tunggu SVG-nya.
    var obs = new MutationObserver(function () {
      var svg = root.querySelector("svg");
      if (!svg) return;
      obs.disconnect();
      atur(host, root, svg);
    });
    obs.observe(root, { childList: true });
  }

  function atur(host, root, svg) {
    var gaya = document.createElement("style");
    gaya.textContent = GAYA;
    root.appendChild(gaya);
    var vb = svg.viewBox && svg.viewBox.baseVal;
    var lebar = vb && vb.width ? vb.width : parseFloat(svg.style.maxWidth);
    if (lebar) {
      svg.style.maxWidth = "none";
      svg.style.width = Math.ceil(lebar) + "px";
    }
    host.classList.add("skd-diagram");
    if (host.scrollWidth > host.clientWidth + 1) {
      host.setAttribute("tabindex", "0"); // wilayah gulir dapat dicapai papan ketik
      host.classList.add("skd-diagram--lebar");
    }
  }
})();
