#!/usr/bin/env bash
# Salinan luring situs: dibuka langsung dari disk (file://) atau dari zip, tanpa server dan tanpa
# internet — untuk kantor Kecamatan/Puskesmas tanpa server intranet.
#
#   bash scripts/bangun_luring.sh [DIREKTORI]     # bawaan: build/situs-luring (+ build/situs-luring.zip)
#
# Sama dengan build biasa, kecuali (SITUS_LURING=true, lihat mkdocs.yml dan hooks/pencarian.py):
# - plugin `offline` Material aktif: tautan ke berkas .html (tanpa URL direktori);
# - pencarian memakai pencarian bawaan Material (indeksnya disisipkan sebagai skrip), karena
#   Pagefind memerlukan server web; shim iframe-worker divendor, bukan dari unpkg.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
TUJUAN=${1:-build/situs-luring}
rm -rf "$TUJUAN" "$TUJUAN.zip"
SITUS_LURING=true NO_MKDOCS_2_WARNING=1 "$PY" -m mkdocs build --strict -q --no-directory-urls -d "$TUJUAN"
# Zip berisi satu folder; buka <folder>/index.html setelah diekstrak.
"$PY" - "$TUJUAN" <<'PY'
import shutil, sys
from pathlib import Path
d = Path(sys.argv[1]).resolve()
shutil.make_archive(str(d), "zip", root_dir=d.parent, base_dir=d.name)
PY
echo "salinan luring: $TUJUAN/index.html  (zip: $TUJUAN.zip)"
