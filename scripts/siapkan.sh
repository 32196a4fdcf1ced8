#!/usr/bin/env bash
# Menyiapkan lingkungan kerja di mesin baru: virtualenv Python + paket PyPI + paket npm untuk tes.
# Aman dijalankan berulang. Tidak mengubah orgs/ maupun docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[site,test]'
if [ -f tests/js/package-lock.json ]; then
  if command -v npm >/dev/null 2>&1; then
    npm ci --prefix tests/js --no-audit --no-fund --loglevel=error
  else
    echo "peringatan: npm tidak ada; tes diagram (Mermaid asli) akan gagal. Pasang Node.js 20+." >&2
  fi
fi
