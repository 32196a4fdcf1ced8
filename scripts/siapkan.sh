#!/usr/bin/env bash
# Menyiapkan lingkungan kerja di mesin baru: virtualenv Python + paket PyPI + paket npm untuk tes.
# Aman dijalankan berulang. Tidak mengubah orgs/ maupun docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

# Paket Debian `chromium` untuk tes peramban (Playwright memakai /usr/bin/chromium; `playwright
# install` tidak dipakai). Dipasang lewat apt (dengan sudo bila bukan root). SIAPKAN_TANPA_CHROMIUM=1
# melewatinya (mis. hanya ingin membangun situs).
if [ -z "${SIAPKAN_TANPA_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if command -v apt-get >/dev/null 2>&1; then
    echo "memasang chromium (apt) untuk tes peramban ..." >&2
    ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null) \
      || echo "peringatan: chromium gagal dipasang; tes peramban akan gagal. Jalankan: sudo apt-get install -y chromium" >&2
  else
    echo "peringatan: apt-get tidak ada; pasang Chromium sendiri dan set CHROMIUM_PATH untuk tes peramban" >&2
  fi
fi
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
