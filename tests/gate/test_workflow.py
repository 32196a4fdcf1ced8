"""Workflow GitHub Actions: lolos validator skema resmi (check-jsonschema, skema
``vendor.github-workflows`` yang dibundel, luring) dan memenuhi syarat keamanan gerbang PR."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .gitrepo import ROOT

WF = ROOT / ".github" / "workflows"
BERKAS = sorted(WF.glob("*.yml")) + sorted(WF.glob("*.yaml"))


def _muat(p: Path) -> dict:
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    # PyYAML (YAML 1.1) membaca kunci `on` sebagai True
    if True in data:
        data["on"] = data.pop(True)
    return data


def _check_jsonschema(*paths: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("check-jsonschema")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "check_jsonschema"]
    return subprocess.run([*cmd, "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
                          capture_output=True, text=True)


def test_ada_workflow_pr_dan_pages():
    assert {p.name for p in BERKAS} >= {"pr.yml", "pages.yml"}


def test_workflow_lolos_validator():
    r = _check_jsonschema(*BERKAS)
    assert r.returncode == 0, r.stdout + r.stderr


def test_validator_menolak_workflow_rusak(tmp_path):
    rusak = tmp_path / "rusak.yml"
    rusak.write_text((WF / "pr.yml").read_text(encoding="utf-8").replace("runs-on:", "jalan-di:"), encoding="utf-8")
    assert _check_jsonschema(rusak).returncode == 1


@pytest.mark.parametrize("path", BERKAS, ids=lambda p: p.name)
def test_action_dikunci_ke_sha_dengan_komentar_versi(path):
    for no, baris in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.search(r"uses:\s*(\S+)", baris)
        if not m or m.group(1).startswith("./"):
            continue
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", m.group(1)), f"{path.name}:{no}: {baris.strip()}"
        assert re.search(r"#\s*v\d+\.\d+\.\d+\s*$", baris), f"{path.name}:{no}: komentar versi hilang"


@pytest.mark.parametrize("path", BERKAS, ids=lambda p: p.name)
def test_tanpa_secrets_dan_tanpa_pull_request_target(path):
    teks = "\n".join(b.split(" #", 1)[0] for b in path.read_text(encoding="utf-8").splitlines()
                     if not b.lstrip().startswith("#"))
    assert "secrets" not in teks
    assert set(_muat(path)["on"]) <= {"pull_request", "push", "workflow_dispatch"}


def test_pr_workflow_izin_baca_saja_dan_langkah_lengkap():
    wf = _muat(WF / "pr.yml")
    assert set(wf["on"]) == {"pull_request"}
    assert wf["permissions"] == {"contents": "read"}
    for job in wf["jobs"].values():
        assert job.get("permissions", {"contents": "read"}) == {"contents": "read"}
        steps = job["steps"]
        checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["fetch-depth"] == 0
        assert checkout["with"]["persist-credentials"] is False
        runs = "\n".join(s.get("run", "") for s in steps)
        for perintah in ("-m policy check --format github", "-m policy lint-peraturan --format github",
                         '-m policy diff HEAD^1 HEAD >> "$GITHUB_STEP_SUMMARY"', "bash .ci/run",
                         "scripts/bangun.py", "scripts/linkcheck.py site"):
            assert perintah in runs, perintah
        # urutan: pemeriksaan org sebelum build situs; tautan diperiksa setelah build
        assert runs.index("policy check") < runs.index("scripts/bangun.py") < runs.index("linkcheck")


def test_pages_workflow_hanya_main_dan_izin_minimal():
    wf = _muat(WF / "pages.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"] == {"contents": "read"}
    bangun, terbit = wf["jobs"]["bangun"], wf["jobs"]["terbitkan"]
    assert "permissions" not in bangun
    assert terbit["permissions"] == {"pages": "write", "id-token": "write"}
    assert terbit["if"] == "github.ref == 'refs/heads/main'"
    assert terbit["needs"] == "bangun" and terbit["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") and s["with"]["path"] == "site"
               for s in bangun["steps"])
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in terbit["steps"])
    checkout = next(s for s in bangun["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_codeowners_merutekan_area():
    aturan = {}
    for baris in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if baris.strip() and not baris.startswith("#"):
            pola, *pemilik = baris.split()
            aturan[pola] = pemilik
    assert aturan["/orgs/"] == ["@pemkab-dairi/bagian-organisasi"]
    assert aturan["/docs/peraturan/"] == ["@pemkab-dairi/bagian-hukum"]
    assert aturan["/policy/"] == ["@pemkab-dairi/pengelola-sistem-kerja"]
    panduan = (ROOT / "docs" / "kontribusi" / "index.md").read_text(encoding="utf-8")
    for tim in ("bagian-organisasi", "bagian-hukum", "pengelola-sistem-kerja"):
        assert f"@pemkab-dairi/{tim}" in panduan  # didokumentasikan sebagai contoh
