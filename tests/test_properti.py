"""Tes berbasis properti (hypothesis) atas pohon org acak yang sah (issue 6).

Pohon dibangkitkan oleh ``scripts/gen_org.py`` (bentuk setda, dinas/badan, kecamatan, puskesmas,
tim lintas berkas) dengan acakan yang dikendalikan hypothesis; penyajinya mencatat baris setiap
nilai secara mandiri dari pemuat yang diuji. Jumlah contoh dibatasi dan ``derandomize=True`` agar
CI cepat dan dapat diulang.
"""
from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy.cli import main as cli_main
from policy.models import OrgFile
from policy.muat import muat_yaml
from policy.periksa import periksa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import gen_org  # noqa: E402

PENGATURAN = settings(max_examples=40, derandomize=True, deadline=None, database=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example])

JENIS = st.sampled_from(["dinas", "badan", "kecamatan", "puskesmas", "setda"])


@st.composite
def pemda(draw) -> list[dict]:
    """1–5 berkas org sah dengan bentuk acak dan tim kerja lintas berkas."""
    rng = draw(st.randoms(use_true_random=False))
    jenis = draw(st.lists(JENIS, min_size=1, max_size=5))
    orgs: list[dict] = []
    dinas: list[str] = []
    for i, j in enumerate(jenis, 1):
        if j in ("dinas", "badan"):
            orgs.append(gen_org.unit_dinas(rng, f"{j}-{i}", i, draw(st.integers(1, 5)), j))
            dinas.append(orgs[-1]["id"])
        elif j == "kecamatan":
            orgs.append(gen_org.unit_kecamatan(rng, f"kec-{i}", i, draw(st.integers(1, 5))))
        elif j == "setda" and not any(o["jenis"] == "sekretariat_daerah" for o in orgs):
            orgs.append(gen_org.unit_setda(rng, f"setda-{i}", draw(st.integers(1, 3)), draw(st.integers(1, 3))))
        else:
            orgs.append(gen_org.unit_puskesmas(rng, f"puskesmas-{i}", i, rng.choice(dinas) if dinas and draw(st.booleans()) else None))
    for org in orgs:
        if draw(st.booleans()):
            gen_org.tambah_tim(rng, org, orgs, draw(st.integers(1, 3)))
    return orgs


def _tulis(orgs: list[dict], d: Path) -> dict[str, dict]:
    pos = {}
    for org in orgs:
        teks, p = gen_org.ke_yaml(org)
        (d / f"{org['id']}.yaml").write_text(teks, encoding="utf-8")
        pos[org["id"]] = p
    return pos


@PENGATURAN
@given(pemda())
def test_setiap_kelompok_tepat_satu_klasifikasi(orgs):
    with tempfile.TemporaryDirectory() as tmp:
        _tulis(orgs, Path(tmp))
        hasil = periksa([tmp])
    assert [t for t in hasil.temuan if t.severity == "error"] == []
    dapat = [(Path(k["file"]).stem, k["kelompok"]) for k in hasil.kelompok()]
    harap = [(o["id"], k["id"]) for o in orgs for k in o["kelompok"]]
    assert sorted(dapat) == sorted(harap)  # tepat satu baris klasifikasi per kelompok
    for k in hasil.kelompok():
        assert k["kedudukan"] and k["struktur_penugasan"] and k["mekanisme"], k


@PENGATURAN
@given(pemda())
def test_sajikan_muat_periksa_titik_tetap(orgs):
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        _tulis(orgs, d)
        for org in orgs:
            path = d / f"{org['id']}.yaml"
            dok = muat_yaml(path, path.name)
            assert dok.temuan == [] and dok.data == org
            assert gen_org.ke_yaml(dok.data)[0] == path.read_text(encoding="utf-8")
            assert OrgFile.model_validate(dok.data).model_dump(exclude_unset=True) == org
        pertama = periksa([tmp])
        for org in orgs:  # tulis ulang dari hasil muat, periksa lagi: hasil identik
            path = d / f"{org['id']}.yaml"
            path.write_text(gen_org.ke_yaml(muat_yaml(path, path.name).data)[0], encoding="utf-8")
        kedua = periksa([tmp])
    assert pertama.temuan == kedua.temuan and pertama.kelompok() == kedua.kelompok()


def _acuan(org: dict) -> list[tuple]:
    """Semua jalur acuan di satu berkas (SPEC SK01)."""
    hasil = [("struktur", i, "atasan") for i, p in enumerate(org["struktur"]) if "atasan" in p]
    for i, _ in enumerate(org["kelompok"]):
        hasil += [("kelompok", i, "penilai"), ("kelompok", i, "pimpinan_unit")]
    for i, t in enumerate(org.get("tim_kerja", [])):
        hasil += [("tim_kerja", i, "pemilik_kinerja"), ("tim_kerja", i, "ketua", "kelompok")]
        hasil += [("tim_kerja", i, "anggota", j, "kelompok") for j, a in enumerate(t["anggota"]) if "kelompok" in a]
    if "induk" in org:
        hasil.append(("induk",))
    return hasil


def _set(d: dict, path: tuple, nilai: str) -> None:
    for p in path[:-1]:
        d = d[p]
    d[path[-1]] = nilai


def _get(d: dict, path: tuple):
    for p in path:
        d = d[p]
    return d


@PENGATURAN
@given(pemda(), st.data())
def test_acuan_rusak_memberi_sk01_di_barisnya(orgs, data):
    org = data.draw(st.sampled_from(orgs))
    path = data.draw(st.sampled_from(_acuan(org)))
    lama = _get(org, path)
    if "/" in lama:  # acuan lintas berkas: rusak berkasnya atau kelompoknya
        uid, _, kid = lama.partition("/")
        baru = data.draw(st.sampled_from([f"zz-hilang/{kid}", f"{uid}/zz-hilang"]))
    else:
        baru = "zz-hilang"
    _set(org, path, baru)
    with tempfile.TemporaryDirectory() as tmp:
        pos = _tulis(orgs, Path(tmp))
        hasil = periksa([tmp])
    baris = pos[org["id"]][path]
    sk01 = [(Path(t.file).stem, t.line) for t in hasil.temuan if t.rule == "SK01"]
    assert sk01 == [(org["id"], baris)], (path, baru, [(t.rule, t.file, t.line, t.message) for t in hasil.temuan])


MUTASI = st.lists(st.tuples(st.sampled_from(["ganti", "sisip", "hapus", "hapus-baris", "ulang-baris", "tukar-baris", "indent"]),
                            st.integers(0, 10 ** 6), st.binary(min_size=1, max_size=3)), min_size=1, max_size=4)
BYTE_MENARIK = [b":", b"-", b" ", b"\t", b"\n", b"\r", b"#", b"&", b"*", b"!", b"[", b"{", b"'", b'"', b"|", b">", b"\x00", b"\xff", b"\xef\xbb\xbf", b"%", b"@", b"<<"]


def _mutasi(teks: bytes, ops, rng) -> bytes:
    b = bytearray(teks)
    for op, n, isi in ops:
        if rng.random() < 0.5:
            isi = rng.choice(BYTE_MENARIK)
        i = n % (len(b) + 1)
        if op == "ganti" and b:
            b[i % len(b): i % len(b) + len(isi)] = isi
        elif op == "sisip":
            b[i:i] = isi
        elif op == "hapus":
            del b[i:i + len(isi)]
        else:
            baris = bytes(b).split(b"\n")
            k = n % len(baris)
            if op == "hapus-baris":
                del baris[k]
            elif op == "ulang-baris":
                baris.insert(k, baris[k])
            elif op == "tukar-baris":
                j = (k + 1) % len(baris)
                baris[k], baris[j] = baris[j], baris[k]
            else:
                baris[k] = b"  " + baris[k]
            b = bytearray(b"\n".join(baris))
    return bytes(b)


@settings(max_examples=150, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example])
@given(pemda(), MUTASI, st.randoms(use_true_random=False), st.sampled_from(["text", "json", "github"]))
def test_mutasi_acak_tanpa_pengecualian(orgs, ops, rng, fmt):
    """Mutasi byte/baris apa pun: tidak ada pengecualian yang lolos, setiap temuan berbaris sah."""
    with tempfile.TemporaryDirectory() as tmp:
        _tulis(orgs, Path(tmp))
        korban = Path(tmp) / f"{orgs[0]['id']}.yaml"
        rusak = _mutasi(korban.read_bytes(), ops, rng)
        korban.write_bytes(rusak)
        hasil = periksa([tmp])  # pengecualian di sini menggagalkan tes
        # batas baris per berkas: temuan (mis. TK04) juga boleh muncul di berkas lain yang tidak dimutasi
        baris = {str(p): max(1, p.read_bytes().count(b"\n") + p.read_bytes().count(b"\r") + 1) for p in Path(tmp).iterdir()}
        for t in hasil.temuan:
            assert 1 <= t.line <= baris.get(t.file, baris[str(korban)]) and t.col >= 1, t
        hasil.kelompok()
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = cli_main(["check", tmp, "--format", fmt])
    assert code in (0, 1)
    assert code == (1 if hasil.errors else 0)
    if fmt == "json":
        json.loads(out.getvalue())
