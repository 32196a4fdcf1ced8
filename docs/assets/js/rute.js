/* Halaman "Rute penugasan" (rute.md, dibangkitkan oleh policy/situs/rute.py).
 *
 * Data (#rute-data) dibangun oleh kode Python yang sama dengan `python -m policy rute`: lingkup setiap
 * pasangan, keputusan per cara dan lingkup, templat langkah per prosedur, pejabat setiap sisi. Berkas ini
 * hanya menggabungkan dan mengisi templat (hitung), lalu menampilkannya. Teks selalu lewat textContent.
 * tests/test_rute_situs.py membandingkan hitung() dengan CLI untuk setiap pasangan data contoh.
 */
(function (akar) {
  "use strict";

  function salin(o) { return JSON.parse(JSON.stringify(o)); }

  function pejabatInstansi(data, cara, nama) {
    var hasil = {};
    var tpl = data.instansi[cara];
    Object.keys(tpl).forEach(function (k) {
      var p = salin(tpl[k]);
      ["jabatan", "unit"].forEach(function (f) {
        if (typeof p[f] === "string") p[f] = p[f].split(data.isian_instansi).join(nama);
      });
      hasil[k] = p;
    });
    return hasil;
  }

  /* peta peran → [nomor kantor, kunci interpretasi] menjadi pejabat {peran, label, jabatan, unit, acuan, interpretasi} */
  function dariPeta(data, peta) {
    var hasil = {};
    Object.keys(peta).forEach(function (k) {
      var o = data.kantor[peta[k][0]];
      hasil[k] = { peran: k, label: data.peran[k] || k, jabatan: o[0], unit: o[1], acuan: o[2],
                   interpretasi: peta[k][1] === null ? null : data.interpretasi[peta[k][1]] };
    });
    return hasil;
  }

  /* Rute satu pasangan, sama bentuknya dengan `policy rute --format json` (README, kontrak JSON).
   * pegawai: acuan kelompok "berkas/kelompok" atau "instansi:<nama>". */
  function hitung(data, pemilikAcuan, pegawai, cara) {
    var pem = data.pemilik.find(function (p) { return p.acuan === pemilikAcuan; });
    if (!pem) return null;
    var pemilik = Object.assign(dariPeta(data, { pimpinan_unit_pemilik: pem.peran[cara].pimpinan_unit_pemilik })
      .pimpinan_unit_pemilik, { berkas: pem.berkas });
    var peg, sisi, lingkup;
    if (pegawai.indexOf("instansi:") === 0) {
      var nama = pegawai.slice("instansi:".length).trim();
      peg = { acuan: "instansi:" + nama, jenis: "instansi", berkas: null, unit: nama, kelompok: null,
              nama_kelompok: null, jabatan: [] };
      sisi = pejabatInstansi(data, cara, nama);
      lingkup = "lintas_instansi";
    } else {
      var kel = data.kelompok.find(function (k) { return k.acuan === pegawai; });
      if (!kel) return null;
      peg = { acuan: kel.acuan, jenis: "kelompok", berkas: kel.berkas, unit: kel.unit, kelompok: kel.kelompok,
              nama_kelompok: kel.nama_kelompok, jabatan: kel.jabatan.slice() };
      sisi = dariPeta(data, kel.peran[cara]);
      lingkup = pem.dalam.indexOf(kel.acuan) >= 0 ? "dalam_unit" : "lintas_unit";
    }
    var kep = data.keputusan[cara][lingkup];
    var r = { pemilik: pemilik, pegawai: peg, cara: cara, lingkup: lingkup, boleh: kep.prosedur !== null,
              temuan: kep.temuan, gambar: null, prosedur: null, pejabat: {}, penyetuju: null, langkah: [],
              cabang: [], isi_surat_permohonan: [], interpretasi: [] };
    if (kep.prosedur === null) return r;
    var pr = data.prosedur[kep.prosedur];
    var semua = Object.assign(dariPeta(data, pem.peran[cara]), dariPeta(data, data.umum), sisi);
    r.gambar = pr.gambar;
    r.prosedur = { kode: pr.kode, judul: pr.judul, jangkar: pr.jangkar };
    Object.keys(semua).forEach(function (k) { if (pr.dipakai.indexOf(k) >= 0) r.pejabat[k] = semua[k]; });
    r.penyetuju = semua[pr.penyetuju];
    r.langkah = pr.langkah.map(function (x) {
      var y = salin(x);
      y.pengirim = semua[x.pengirim];
      y.penerima = x.penerima ? semua[x.penerima] : null;
      // sama dengan policy.rute.tembusan: tanpa pengirim/penerima surat itu sendiri, tanpa ulangan
      var sudah = [y.pengirim.acuan].concat(y.penerima ? [y.penerima.acuan] : []);
      y.tembusan = [];
      x.tembusan.forEach(function (k) {
        var p = semua[k];
        if (p.acuan !== null && p.acuan !== undefined) {
          if (sudah.indexOf(p.acuan) >= 0) return;
          sudah.push(p.acuan);
        }
        y.tembusan.push(p);
      });
      y.uraian = x.uraian.replace(/\{([a-z0-9_]+)\}/g, function (m, k) { return semua[k] ? semua[k].jabatan : m; });
      return y;
    });
    r.cabang = salin(pr.cabang);
    r.isi_surat_permohonan = pr.isi_surat_permohonan.slice();
    Object.keys(r.pejabat).forEach(function (k) {
      if (r.pejabat[k].interpretasi) r.interpretasi.push({ peran: k, kalimat: r.pejabat[k].interpretasi });
    });
    return r;
  }

  akar.RuteDairi = { hitung: hitung };
  if (typeof module !== "undefined" && module.exports) module.exports = { hitung: hitung };
  if (typeof document === "undefined") return;

  // ---------------------------------------------------------------- tampilan
  function el(tag, teks, kelas) {
    var e = document.createElement(tag);
    if (teks !== undefined && teks !== null) e.textContent = teks;
    if (kelas) e.className = kelas;
    return e;
  }
  function tampil(p) { return p.unit && p.jabatan.indexOf(p.unit) < 0 ? p.jabatan + " (" + p.unit + ")" : p.jabatan; }
  function opsi(sel, nilai, teks) { var o = el("option", teks); o.value = nilai; sel.appendChild(o); return o; }

  function mulai() {
    var sumber = document.getElementById("rute-data");
    if (!sumber) return;
    var data = JSON.parse(sumber.textContent);
    var sPem = document.getElementById("rute-pemilik"), sUnit = document.getElementById("rute-unit");
    var sKel = document.getElementById("rute-kelompok"), iIns = document.getElementById("rute-instansi");
    var sCara = document.getElementById("rute-cara"), hasil = document.getElementById("rute-hasil");
    var grup = {};
    data.pemilik.forEach(function (p) {
      if (!grup[p.berkas]) { grup[p.berkas] = el("optgroup"); grup[p.berkas].label = p.unit; sPem.appendChild(grup[p.berkas]); }
      opsi(grup[p.berkas], p.acuan, p.jabatan);
    });
    var units = [];
    data.kelompok.forEach(function (k) { if (units.indexOf(k.berkas) < 0) { units.push(k.berkas); opsi(sUnit, k.berkas, k.unit); } });
    opsi(sUnit, "instansi:", "Instansi lain (di luar Pemerintah Kabupaten Dairi)");
    function isiKelompok() {
      sKel.textContent = "";
      data.kelompok.forEach(function (k) { if (k.berkas === sUnit.value) opsi(sKel, k.acuan, k.nama_kelompok); });
      var ins = sUnit.value === "instansi:";
      document.getElementById("rute-p-kelompok").hidden = ins;
      document.getElementById("rute-p-instansi").hidden = !ins;
    }
    function gambar() {
      var ins = sUnit.value === "instansi:";
      var r = hitung(data, sPem.value, ins ? "instansi:" + iIns.value : sKel.value, sCara.value);
      hasil.textContent = "";
      if (!r) return;
      tulis(r, hasil, data);
    }
    sPem.addEventListener("change", gambar);
    sUnit.addEventListener("change", function () { isiKelompok(); gambar(); });
    sKel.addEventListener("change", gambar);
    iIns.addEventListener("input", gambar);
    sCara.addEventListener("change", gambar);
    var awal = new URLSearchParams(location.search);
    if (awal.get("pemilik")) sPem.value = awal.get("pemilik");
    var pg = awal.get("pegawai") || "";
    if (pg.indexOf("instansi:") === 0) { sUnit.value = "instansi:"; iIns.value = pg.slice(9); }
    else if (pg) sUnit.value = pg.split("/")[0];
    isiKelompok();
    if (pg && pg.indexOf("instansi:") !== 0) sKel.value = pg;
    if (awal.get("cara")) sCara.value = awal.get("cara");
    gambar();
  }

  function tulis(r, wadah, data) {
    var pre = el("pre", JSON.stringify(r), "rute-json");
    pre.id = "rute-json"; pre.hidden = true;
    wadah.appendChild(pre);
    var ring = el("p", null, "rute-ringkas");
    ring.appendChild(el("strong", "Lingkup: " + data.lingkup[r.lingkup] + ". "));
    wadah.appendChild(ring);
    if (!r.boleh) {
      var t = el("div", null, "admonition failure rute-tolak");
      t.appendChild(el("p", "Ditolak " + r.temuan.id + ": " + r.temuan.pesan, "admonition-title"));
      t.appendChild(el("p", (r.temuan.saran ? "Saran: " + r.temuan.saran + ". " : "") + "Dasar: " + r.temuan.basis + "."));
      wadah.appendChild(t);
      return;
    }
    ring.appendChild(document.createTextNode("Gambar " + r.gambar + " — " + r.prosedur.judul +
      ". Penyetuju dan penyusun surat penugasan: " + tampil(r.penyetuju) + "."));
    // gambar: satu kolom per pejabat, satu baris per langkah
    wadah.appendChild(el("h2", "Alur", null));
    var kol = Object.keys(r.pejabat);
    var tb = el("table", null, "rute-lajur"), kepala = el("tr");
    kepala.appendChild(el("th", "#"));
    kol.forEach(function (k) { kepala.appendChild(el("th", tampil(r.pejabat[k]))); });
    var thead = el("thead"); thead.appendChild(kepala); tb.appendChild(thead);
    var tbody = el("tbody");
    r.langkah.forEach(function (x) {
      var tr = el("tr");
      tr.appendChild(el("td", String(x.nomor)));
      kol.forEach(function (k) {
        var isi = "";
        if (x.pengirim.peran === k) isi = x.penerima ? (x.balasan ? "⇠ kirim jawaban" : "● kirim →") : "● " + x.kiriman;
        else if (x.penerima && x.penerima.peran === k) isi = "▶ terima: " + x.kiriman;
        else if (x.tembusan.some(function (t) { return t.peran === k; })) isi = "tembusan";
        tr.appendChild(el("td", isi));
      });
      tbody.appendChild(tr);
    });
    tb.appendChild(tbody);
    var gulir = el("div", null, "rute-gulir"); gulir.appendChild(tb); wadah.appendChild(gulir);
    wadah.appendChild(el("h2", "Langkah", null));
    var ol = el("ol", null, "rute-langkah");
    r.langkah.forEach(function (x) {
      var li = el("li"); li.value = x.nomor;
      var kepalaL = (x.kondisi ? "[jika " + x.kondisi + "] " : "") + (x.huruf ? x.huruf + ") " : "") +
        tampil(x.pengirim) + (x.penerima ? " → " + tampil(x.penerima) : "") + ": " + x.kiriman;
      li.appendChild(el("strong", kepalaL));
      if (x.tembusan.length) li.appendChild(el("div", "Tembusan: " + x.tembusan.map(tampil).join("; ")));
      li.appendChild(el("div", x.uraian + " [" + x.jangkar + "]"));
      ol.appendChild(li);
    });
    wadah.appendChild(ol);
    r.cabang.forEach(function (c) {
      c.cabang.forEach(function (cb) { if (!cb.langkah.length) wadah.appendChild(el("p", "Bila " + cb.kondisi + ": " + cb.catatan)); });
    });
    if (r.interpretasi.length) {
      wadah.appendChild(el("h2", "Interpretasi", null));
      var ul = el("ul");
      r.interpretasi.forEach(function (i) { ul.appendChild(el("li", (data.peran[i.peran] || i.peran) + ": " + i.kalimat)); });
      wadah.appendChild(ul);
    }
    if (r.isi_surat_permohonan.length) surat(r, wadah);
  }

  function surat(r, wadah) {
    var a = r.langkah[0];
    wadah.appendChild(el("h2", "Draf surat permohonan pelibatan", null));
    var tombol = el("button", "Cetak surat", "md-button rute-cetak"); tombol.type = "button";
    tombol.addEventListener("click", function () { window.print(); });
    wadah.appendChild(tombol);
    var s = el("section", null, "rute-surat"); s.id = "rute-surat";
    s.appendChild(el("p", a.pengirim.unit, "rute-kop"));
    s.appendChild(el("p", "Nomor: ……………    Tanggal: ……………"));
    s.appendChild(el("p", "Hal: Permohonan pelibatan Pejabat Fungsional/pelaksana"));
    s.appendChild(el("p", "Yth. " + tampil(a.penerima)));
    s.appendChild(el("p", "Dengan hormat, sesuai Lampiran B.2 Peraturan Bupati Dairi Nomor 18 Tahun 2024, " +
      "kami mohon pelibatan Pejabat Fungsional atau pelaksana " + (r.pegawai.jenis === "instansi" ? "dari " +
      r.pegawai.unit : r.pegawai.nama_kelompok + " (" + r.pegawai.unit + ")") + " dengan keterangan berikut:"));
    var ol = el("ol");
    r.isi_surat_permohonan.forEach(function (isi, i) {
      var li = el("li"); var lab = el("label", isi); var ta = el("textarea");
      ta.id = "rute-isi-" + (i + 1); ta.rows = 2; lab.htmlFor = ta.id;
      li.appendChild(lab); li.appendChild(ta); ol.appendChild(li);
    });
    s.appendChild(ol);
    s.appendChild(el("p", tampil(a.pengirim), "rute-ttd"));
    if (a.tembusan.length) {
      s.appendChild(el("p", "Tembusan:"));
      var ul = el("ol"); a.tembusan.forEach(function (t) { ul.appendChild(el("li", tampil(t))); });
      s.appendChild(ul);
    }
    wadah.appendChild(s);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mulai); else mulai();
})(typeof window !== "undefined" ? window : globalThis);
