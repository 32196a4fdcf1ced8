"""Situs untuk gerbang PR: pemeriksa tautan internal, tautan "Ubah halaman ini" (juga untuk
halaman terbangkit dari berkas org), dan build --strict di luar repositori git."""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .gitrepo import ROOT


def _modul(nama: str, path: Path):
    spec = importlib.util.spec_from_file_location(nama, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


linkcheck = _modul("linkcheck", ROOT / "scripts" / "linkcheck.py")
sunting = _modul("sunting", ROOT / "hooks" / "sunting.py")


def _tulis(root: Path, rel: str, html: str) -> None:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(html, encoding="utf-8")


def test_linkcheck_menemukan_berkas_dan_jangkar_yang_putus(tmp_path):
    _tulis(tmp_path, "index.html", '<a href="a/">a</a><a href="a/#ada">ok</a><a href="a/#hilang">x</a>'
                                   '<a href="b/">putus</a><a href="https://contoh.invalid/x">luar</a>'
                                   '<a href="#atas">atas</a><h1 id="atas">A</h1><img src="gambar.png">'
                                   '<a href="mailto:a@b.invalid">m</a><a href="/abs/">abs</a>')
    _tulis(tmp_path, "a/index.html", '<h2 id="ada">Ada</h2><a href="../">naik</a><a href="../../luar.html">x</a>')
    masalah = linkcheck.periksa_situs(tmp_path)
    teks = "\n".join(masalah)
    assert len(masalah) == 5, teks
    assert "index.html:1: jangkar '#hilang' tidak ada di a/index.html" in teks
    assert "tautan 'b/' menunjuk berkas yang tidak ada (b/index.html)" in teks
    assert "tautan 'gambar.png' menunjuk berkas yang tidak ada" in teks
    assert "tautan '/abs/' menunjuk berkas yang tidak ada" in teks
    assert "a/index.html:1: tautan '../../luar.html' menunjuk ke luar direktori situs" in teks


def test_linkcheck_awalan_situs(tmp_path):
    _tulis(tmp_path, "index.html", '<a href="/situs/a/">a</a><a href="/lain/">b</a>')
    _tulis(tmp_path, "a/index.html", "<p>a</p>")
    masalah = linkcheck.periksa_situs(tmp_path, "/situs/")
    assert masalah == ["index.html:1: tautan '/lain/' keluar dari awalan situs /situs/"]
    assert linkcheck.awalan_dari_mkdocs(ROOT / "mkdocs.yml").startswith("/")


def test_linkcheck_cli_kode_keluar(tmp_path):
    _tulis(tmp_path, "index.html", '<a href="x/">x</a>')
    r = subprocess.run([sys.executable, str(ROOT / "scripts/linkcheck.py"), str(tmp_path), "--awalan", "/"],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "x/index.html" in r.stdout
    r = subprocess.run([sys.executable, str(ROOT / "scripts/linkcheck.py"), str(tmp_path / "tidak-ada")],
                       capture_output=True, text=True)
    assert r.returncode == 2


def _validasi_repo() -> dict:
    """Bagian ``validation:`` mkdocs.yml repositori (tag ``!ENV``/``!!python`` diabaikan)."""
    class Pemuat(yaml.SafeLoader):
        pass
    Pemuat.add_multi_constructor("", lambda loader, tag, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Pemuat)["validation"]


@pytest.fixture(scope="module")
def proyek_tautan(tmp_path_factory):
    """Proyek mkdocs kecil dengan ``validation`` repositori: tautan putus di Markdown dan di HTML mentah."""
    root = tmp_path_factory.mktemp("validasi")
    (root / "docs").mkdir()
    (root / "docs" / "a.md").write_text("# A\n\n## Ada\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text(
        "# Beranda\n\n[baik](a.md#ada) [jangkar-md](a.md#hilang-md) [folder](a/)\n\n"
        '<p><a href="a/#hilang-html">jangkar-html</a> <a href="tidak-ada/">berkas-html</a></p>\n', encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "Uji", "theme": {"name": "mkdocs"},
                                                      "validation": _validasi_repo()}), encoding="utf-8")
    return root


def _mkdocs_build(root: Path, *argumen: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *argumen, "-d", str(root / "site")], cwd=root,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=120)


def test_validasi_mkdocs_menggagalkan_tautan_markdown_putus(proyek_tautan):
    """mkdocs.yml ``validation``: jangkar putus dan tautan folder di *Markdown* menggagalkan build --strict."""
    r = _mkdocs_build(proyek_tautan, "--strict")
    assert r.returncode != 0
    peringatan = [b for b in r.stderr.splitlines() if b.startswith("WARNING")]
    assert any("does not contain an anchor '#hilang-md'" in b for b in peringatan), r.stderr
    assert any("unrecognized relative link 'a/'" in b for b in peringatan), r.stderr
    # HTML mentah tidak dilihat MkDocs sama sekali
    assert "hilang-html" not in r.stderr and "tidak-ada/" not in r.stderr


def test_linkcheck_menangkap_yang_tidak_dilihat_mkdocs(proyek_tautan):
    """Karena itu scripts/linkcheck.py tetap dijalankan atas situs jadi: ia juga menangkap HTML mentah."""
    r = _mkdocs_build(proyek_tautan, "--no-strict")
    assert r.returncode == 0, r.stderr
    teks = "\n".join(linkcheck.periksa_situs(proyek_tautan / "site"))
    assert "jangkar '#hilang-md' tidak ada di a/index.html" in teks
    assert "jangkar '#hilang-html' tidak ada di a/index.html" in teks
    assert "tautan 'tidak-ada/' menunjuk berkas yang tidak ada" in teks


@pytest.mark.parametrize("sumber, edit_uri, docs, harap", [
    ("orgs/diskominfo.yaml", "edit/main/docs/", "docs", "https://github.com/o/r/edit/main/orgs/diskominfo.yaml"),
    ("orgs/x.yaml", "edit/dev/docs", "docs", "https://github.com/o/r/edit/dev/orgs/x.yaml"),
    ("policy/rules/struktur.py", "edit/main/docs/", "docs", "https://github.com/o/r/edit/main/policy/rules/struktur.py"),
    ("https://contoh.invalid/a", "edit/main/docs/", "docs", "https://contoh.invalid/a"),
    ("../rahasia", "edit/main/docs/", "docs", None),
    ("orgs/x.yaml", "edit/main/lain/", "docs", None),
    ("orgs/x.yaml", None, "docs", None),
])
def test_url_sunting(sumber, edit_uri, docs, harap):
    assert sunting.url_sunting(sumber, "https://github.com/o/r", edit_uri, docs) == harap


def test_url_sunting_edit_uri_absolut_tanpa_repo_url():
    assert (sunting.url_sunting("orgs/x.yaml", None, "https://github.com/o/r/edit/main/docs/", "docs")
            == "https://github.com/o/r/edit/main/orgs/x.yaml")


@pytest.fixture(scope="module")
def situs_tanpa_git(tmp_path_factory):
    """Salinan proyek tanpa .git (seperti arsip unduhan), dibangun dengan --strict."""
    dst = tmp_path_factory.mktemp("tanpa-git") / "proyek"
    abaikan = {".git", ".venv", "site", "tests", "node_modules", ".pytest_cache", ".hypothesis", "build"}
    dst.mkdir()
    for p in ROOT.iterdir():
        if p.name in abaikan or p.name.endswith(".egg-info") or p.name.startswith(".site-"):
            continue
        if p.is_dir():
            shutil.copytree(p, dst / p.name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy2(p, dst / p.name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["GIT_CEILING_DIRECTORIES"] = str(dst.parent)
    env["PYTHONPATH"] = str(dst)
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dst / "site")],
                       cwd=dst, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return dst / "site"


def test_build_strict_di_luar_git_dan_tautan_internal_baik(situs_tanpa_git):
    assert linkcheck.periksa_situs(situs_tanpa_git, linkcheck.awalan_dari_mkdocs(ROOT / "mkdocs.yml")) == []


def test_halaman_docs_punya_tautan_sunting_dan_tanggal(situs_tanpa_git):
    html = (situs_tanpa_git / "peraturan" / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<a href="([^"]+)" title="([^"]+)"[^>]*rel="edit"', html)
    assert m, "tautan sunting tidak ada"
    assert m.group(1).endswith("/edit/main/docs/peraturan/index.md")
    assert m.group(2) == "Ubah halaman ini"  # label Material untuk theme.language: id
    assert "git-revision-date-localized-plugin-date" in html


def test_halaman_unit_menyunting_berkas_org(situs_tanpa_git):
    """Generator halaman unit menaruh meta ``edit_url: orgs/<id>.yaml``; hooks/sunting.py memakainya."""
    halaman = [p for p in situs_tanpa_git.glob("unit/**/index.html")
               if 'rel="edit"' in p.read_text(encoding="utf-8")]
    assert halaman, "tidak ada halaman unit dengan tautan sunting"
    for p in halaman:
        hrefs = re.findall(r'<a href="([^"]+)" title="[^"]+"[^>]*rel="edit"', p.read_text(encoding="utf-8"))
        assert len(hrefs) == 1
        assert re.search(r"/edit/main/orgs/[a-z0-9-]+\.yaml$", hrefs[0]), (p, hrefs)
        assert (ROOT / hrefs[0].split("/edit/main/", 1)[1]).is_file()
