"""Ekspor JSON Schema dari model Pydantic (untuk validasi di editor lewat yaml-language-server)."""
from __future__ import annotations

import json

from .models import OrgFile

SCHEMA_ID = "https://sistem-kerja.dairikab.go.id/schema/org.schema.json"


def skema() -> dict:
    s = OrgFile.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **s}


def skema_json() -> str:
    return json.dumps(skema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
