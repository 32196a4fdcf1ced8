"""Format keluaran temuan: text, github (anotasi workflow), json. Keluaran stabil byte demi byte."""
from __future__ import annotations

import json
from typing import Iterable

from .temuan import Temuan

_GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def baris_teks(t: Temuan) -> str:
    saran = f" (saran: {t.hint})" if t.hint else ""
    basis = f" [{t.basis}]" if t.basis else ""
    return f"{t.file}:{t.line}:{t.col}: {t.severity} {t.rule} {t.message}{saran}{basis}"


def baris_github(t: Temuan) -> str:
    pesan = t.message + (f" — saran: {t.hint}" if t.hint else "") + (f" [{t.basis}]" if t.basis else "")
    return (f"::{_GH_LEVEL[t.severity]} file={_gh_prop(t.file)},line={t.line},col={t.col},"
            f"title={_gh_prop(t.rule)}::{_gh_data(pesan)}")


def teks(temuan: Iterable[Temuan]) -> str:
    return "".join(baris_teks(t) + "\n" for t in temuan)


def github(temuan: Iterable[Temuan]) -> str:
    return "".join(baris_github(t) + "\n" for t in temuan)


def as_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
