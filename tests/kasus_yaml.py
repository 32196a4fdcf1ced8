"""Kasus uji YAML (``tests/cases/<nama>/``): jalankan tahap aturannya dan bandingkan dengan ``expect.yaml``.

Tiga bentuk kasus, menurut kolom ``expect.yaml`` (lihat ``tests/cases/README.md``):

- berkas org (bawaan): ``check`` atas ``orgs/`` kasus;
- ``naskah:``: ubahan atas salinan naskah Perbup ``docs/peraturan/``, lalu lint naskah; temuan yang
  diharapkan adalah temuan *baru* (di luar ``peraturan-baseline.yaml``);
- ``rute:``: satu pasangan pemilik kinerja–pegawai atas ``orgs/`` kasus (atau ``orgs/`` contoh).

Dipakai oleh ``tests/conftest.py`` (pengumpul pytest) dan oleh tes lain. Nama modul unik
agar tidak tertutup ``conftest`` di subdirektori.
"""
from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

def jalankan_check(orgs: Path, *extra: str) -> tuple[int, dict]:
    """Jalankan CLI ``check --format json`` di dalam proses; kembalikan (exit, json)."""
    from policy.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(orgs), "--format", "json", *extra])
    return code, json.loads(out.getvalue())


def _selisih(got: Counter, want: Counter, detail: dict) -> list[str]:
    masalah = []
    kurang = sorted((want - got).elements())
    lebih = sorted((got - want).elements())
    if kurang:
        masalah.append("temuan yang diharapkan tetapi tidak muncul: " + "; ".join(f"{r} {f}:{l}" for r, f, l in kurang))
    if lebih:
        masalah.append("temuan yang muncul tetapi tidak diharapkan: "
                       + "; ".join(f"{r} {f}:{l} ({detail[(r, f, l)]})" for r, f, l in lebih))
    return masalah


def bandingkan_naskah(case: Path, expect: dict) -> list[str]:
    """Kasus tahap naskah: terapkan ``naskah`` (``berkas``, ``cari`` — tepat sekali —, ``ganti``) pada salinan
    ``docs/peraturan/``; temuan baru = semua temuan lint yang tidak ada di baseline. Setiap temuan yang
    diharapkan ditulis ``{rule, file, baris_berisi}``: baris dicari di naskah yang sudah diubah."""
    import shutil
    import tempfile

    from policy.peraturan.lint import baca_baseline, lint

    unknown = set(expect) - {"deskripsi", "exit", "findings", "naskah"}
    if unknown:
        return [f"kolom tidak dikenal di expect.yaml: {sorted(unknown)}"]
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        shutil.copytree(ROOT / "docs" / "peraturan", docs / "peraturan")
        for u in expect["naskah"]:
            p = docs / "peraturan" / u["berkas"]
            teks = p.read_text(encoding="utf-8")
            if teks.count(u["cari"]) != 1:
                return [f"'cari' harus muncul tepat sekali di {u['berkas']} (muncul {teks.count(u['cari'])} kali): {u['cari']!r}"]
            p.write_text(teks.replace(u["cari"], u["ganti"]), encoding="utf-8")
        baseline = baca_baseline(ROOT / "peraturan-baseline.yaml")
        baru = [t for t in lint(docs) if (t.rule, t.sidik) not in baseline]
        baris: dict[tuple[str, str], int] = {}
        masalah = []
        for f in expect.get("findings") or []:
            isi = (docs / f["file"]).read_text(encoding="utf-8").splitlines()
            no = [i for i, b in enumerate(isi, 1) if f["baris_berisi"] in b]
            if len(no) != 1:
                masalah.append(f"baris_berisi harus cocok dengan tepat satu baris {f['file']} "
                               f"(cocok {len(no)}): {f['baris_berisi']!r}")
                continue
            baris[(f["file"], f["baris_berisi"])] = no[0]
    if masalah:
        return masalah
    error = any(t.severity == "error" for t in baru)
    if "exit" in expect and int(error) != expect["exit"]:
        masalah.append(f"exit: diharapkan {expect['exit']}, didapat {int(error)}")
    got = Counter((t.rule, t.file, t.line) for t in baru)
    want = Counter((f["rule"], f["file"], baris[(f["file"], f["baris_berisi"])]) for f in expect.get("findings") or [])
    return masalah + _selisih(got, want, {(t.rule, t.file, t.line): t.message for t in baru})


def bandingkan_rute(case: Path, expect: dict) -> list[str]:
    """Kasus tahap rute: ``rute: {pemilik, pegawai, cara}`` atas ``orgs/`` kasus (bila ada) atau ``orgs/``
    contoh; ``findings`` memuat penolakan yang diharapkan (``rule``), ``gambar`` prosedur bila boleh."""
    from policy.cli import main

    unknown = set(expect) - {"deskripsi", "exit", "findings", "rute", "gambar"}
    if unknown:
        return [f"kolom tidak dikenal di expect.yaml: {sorted(unknown)}"]
    orgs = case / "orgs" if (case / "orgs").is_dir() else ROOT / "orgs"
    r = expect["rute"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["rute", "--orgs", str(orgs), "--pemilik", r["pemilik"], "--pegawai", r["pegawai"],
                     "--cara", r.get("cara", "penunjukan"), "--format", "json"])
    if code == 2:
        return [f"rute tidak dapat disusun (exit 2): {err.getvalue().strip()}"]
    data = json.loads(out.getvalue())
    masalah = []
    if "exit" in expect and code != expect["exit"]:
        masalah.append(f"exit: diharapkan {expect['exit']}, didapat {code}")
    got = Counter([data["temuan"]["id"]] if data["temuan"] else [])
    want = Counter(f["rule"] for f in expect.get("findings") or [])
    if got != want:
        masalah.append(f"penolakan: diharapkan {sorted(want.elements()) or 'tidak ada'}, didapat "
                       f"{sorted(got.elements()) or 'tidak ada'}" + (f" ({data['temuan']['pesan']})" if data["temuan"] else ""))
    if "gambar" in expect and data["gambar"] != expect["gambar"]:
        masalah.append(f"gambar: diharapkan {expect['gambar']}, didapat {data['gambar']}")
    return masalah


def bandingkan(case: Path) -> list[str]:
    """Bandingkan hasil tahap kasus ``case`` dengan ``case/expect.yaml``; daftar selisih."""
    if True:  # noqa: SIM108
        expect = yaml.safe_load((case / "expect.yaml").read_text(encoding="utf-8")) or {}
        if "naskah" in expect:
            return bandingkan_naskah(case, expect)
        if "rute" in expect:
            return bandingkan_rute(case, expect)
        unknown = set(expect) - {"deskripsi", "exit", "findings", "mekanisme", "kedudukan", "struktur_penugasan"}
        if unknown:
            return [f"kolom tidak dikenal di expect.yaml: {sorted(unknown)}"]
        orgs = case / "orgs"
        code, data = jalankan_check(orgs)
        masalah = []
        if "exit" in expect and code != expect["exit"]:
            masalah.append(f"exit: diharapkan {expect['exit']}, didapat {code}")

        def rel(f: str) -> str:
            return Path(f).relative_to(orgs).as_posix()

        got = Counter((f["rule"], rel(f["file"]), f["line"]) for f in data["findings"])
        want = Counter((f["rule"], f["file"], f["line"]) for f in expect.get("findings") or [])
        masalah += _selisih(got, want, {(f["rule"], rel(f["file"]), f["line"]): f["message"] for f in data["findings"]})
        for kolom in ("mekanisme", "kedudukan", "struktur_penugasan"):
            harap = expect.get(kolom) or {}
            dapat = {f"{Path(k['file']).stem}/{k['kelompok']}": k[kolom] for k in data["kelompok"]}
            for kunci, nilai in harap.items():
                if dapat.get(kunci) != nilai:
                    masalah.append(f"{kolom} {kunci}: diharapkan {nilai}, didapat {dapat.get(kunci)}")
        return masalah
