/*
 * Jawaban di atas halaman unit (policy/situs/unit.py, _bagian_jawab): pembaca memilih jabatan atau
 * kelompoknya dari <select>, dan hanya kartu jawabannya yang tampil (kelompok, Pejabat Penilai Kinerja,
 * Pimpinan Unit Organisasi, mekanisme, tautan ke alurnya).
 *
 * Tanpa skrip ini (atau bila gagal) semua kartu tetap ada sebagai daftar <details> yang dapat dibuka,
 * jadi halaman tetap menjawab — juga di salinan luring (file://). Pilihan disimpan di alamat (#j-…)
 * agar dapat dibagikan; alamat dengan #j-… atau #jk-… langsung membuka kartunya.
 */
(function () {
  "use strict";

  function pasang(wadah) {
    var pilih = wadah.querySelector("select");
    if (!pilih) return;
    var baris = pilih.parentNode;
    var kartu = [].slice.call(wadah.querySelectorAll(".skd-kartu"));

    function tampil(id) {
      kartu.forEach(function (k) {
        var cocok = k.id === id;
        k.classList.toggle("skd-kartu--pilih", cocok);
        if (cocok) k.open = true;
      });
    }

    function dariAlamat() {
      var id = "";
      try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return false; }
      var ada = kartu.some(function (k) { return k.id === id; });
      if (!ada) return false;
      pilih.value = id;
      tampil(id);
      return true;
    }

    pilih.addEventListener("change", function () {
      tampil(pilih.value);
      try {
        history.replaceState(null, "", pilih.value ? "#" + pilih.value : location.pathname + location.search);
      } catch (e) { /* alamat tidak dapat diubah (mis. beberapa peramban untuk file://) */ }
    });
    window.addEventListener("hashchange", dariAlamat);

    wadah.classList.add("skd-jawab--js");
    baris.hidden = false;
    // pilihan yang dipulihkan peramban (kembali ke halaman) atau dari alamat
    if (!dariAlamat() && pilih.value) tampil(pilih.value);
  }

  [].forEach.call(document.querySelectorAll("[data-skd-jawab]"), pasang);
})();
