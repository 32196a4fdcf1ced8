"""Halaman Rute penugasan: ``docs/assets/js/rute.js`` atas data ``policy.situs.rute.data_situs`` memberi rute
yang sama persis dengan ``policy rute --format json`` untuk SETIAP pasangan data contoh (setiap Pimpinan Unit
Organisasi × setiap kelompok dan satu instansi lain × kedua cara). Dibandingkan lewat SHA-1 JSON kanonis."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from policy.rute import CARA, muat, pimpinan_unit, rute
from policy.situs.rute import data_situs, json_sisip

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "docs" / "assets" / "js" / "rute.js"
INSTANSI = "Pemerintah Kabupaten Karo"

NODE = r"""
const fs = require("fs"), crypto = require("crypto");
const {hitung} = require(process.argv[1]);
const data = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = [];
for (const p of data.pemilik) {
  const pegawai = data.kelompok.map(k => k.acuan).concat(["instansi:" + process.argv[3]]);
  for (const g of pegawai) for (const c of ["penunjukan", "sukarela"]) {
    const r = hitung(data, p.acuan, g, c);
    out.push([p.acuan, g, c, crypto.createHash("sha1").update(JSON.stringify(r), "utf8").digest("hex")].join("\t"));
  }
}
process.stdout.write(out.join("\n") + "\n");
"""


def _sha(obj) -> str:
    return hashlib.sha1(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


@pytest.mark.skipif(shutil.which("node") is None, reason="node tidak terpasang")
def test_halaman_sama_dengan_cli_untuk_setiap_pasangan(tmp_path):
    indeks = muat(ROOT / "orgs")
    data = data_situs(indeks)
    berkas = tmp_path / "data.json"
    berkas.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run(["node", "-e", NODE, str(JS), str(berkas), INSTANSI], capture_output=True, text=True,
                       timeout=300, check=True)
    baris = [b.split("\t") for b in r.stdout.splitlines()]
    n_pemilik = sum(len(pimpinan_unit(u)) for u in indeks.units.values())
    n_kelompok = sum(len(u.org.kelompok) for u in indeks.units.values())
    assert len(baris) == n_pemilik * (n_kelompok + 1) * len(CARA)
    beda = []
    gambar = set()
    for pemilik, pegawai, cara, sha in baris:
        j = rute(indeks, pemilik, pegawai, cara).as_json()
        gambar.add(j["gambar"])
        if _sha(j) != sha:
            beda.append((pemilik, pegawai, cara))
    assert beda == [], f"{len(beda)} pasangan berbeda, mis. {beda[:3]}"
    assert gambar == {18, 19, 20, 21, 22, None}  # setiap gambar dan penolakan ada di antara pasangan


def test_json_sisip_tidak_dapat_menutup_script():
    s = json_sisip({"x": "</script><!-- & \u2028"})
    assert "<" not in s and ">" not in s and "&" not in s and json.loads(s) == {"x": "</script><!-- & \u2028"}
