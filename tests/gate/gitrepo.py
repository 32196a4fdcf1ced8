"""Pembantu uji: repositori git sementara dengan tanggal dan identitas tetap (SHA deterministik)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: lingkungan git yang tidak bergantung pada konfigurasi pengguna/mesin
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@example.invalid",
    "GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


class Repo:
    def __init__(self, path: Path):
        self.path = path
        self.n = 0
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def env(self) -> dict:
        e = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        e.update(GIT_ENV)
        return e

    def git(self, *args: str) -> str:
        r = subprocess.run(["git", *args], cwd=self.path, env=self.env(), capture_output=True, text=True, check=True)
        return r.stdout

    def commit(self, pesan: str) -> str:
        self.n += 1
        tanggal = f"2024-06-{self.n:02d}T10:00:00+07:00"
        env = self.env() | {"GIT_AUTHOR_DATE": tanggal, "GIT_COMMITTER_DATE": tanggal}
        subprocess.run(["git", "add", "-A"], cwd=self.path, env=env, check=True)
        subprocess.run(["git", "commit", "-q", "-m", pesan], cwd=self.path, env=env, check=True)
        return self.git("rev-parse", "HEAD").strip()

    def salin_org(self, *nama: str) -> None:
        (self.path / "orgs").mkdir(exist_ok=True)
        for n in nama:
            shutil.copyfile(ROOT / "orgs" / f"{n}.yaml", self.path / "orgs" / f"{n}.yaml")

    def ganti(self, rel: str, lama: str, baru: str, count: int = 1) -> None:
        p = self.path / rel
        teks = p.read_text(encoding="utf-8")
        assert teks.count(lama) >= 1, f"{lama!r} tidak ada di {rel}"
        p.write_text(teks.replace(lama, baru, count), encoding="utf-8")

    def policy(self, *args: str, **env_tambahan: str) -> subprocess.CompletedProcess:
        """Jalankan CLI proyek ini (``python -m policy``) dengan cwd di repositori sementara."""
        env = self.env() | {"PYTHONPATH": str(ROOT)} | env_tambahan
        return subprocess.run([sys.executable, "-m", "policy", *args], cwd=self.path, env=env,
                              capture_output=True, text=True)
