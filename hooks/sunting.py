"""Lem mkdocs: tautan "Ubah halaman ini" untuk halaman yang sumbernya bukan berkas di docs/.

Halaman terbangkit (mis. halaman unit dari ``orgs/<id>.yaml``) tidak punya berkas di docs/,
sehingga mkdocs tidak memberinya tautan sunting. Generator menaruh path sumber, relatif
terhadap akar repositori, di meta halaman::

    ---
    edit_url: orgs/diskominfo.yaml
    ---

lalu hook ini mengarahkan tombol sunting ke editor GitHub untuk berkas itu, dengan cabang
yang sama seperti ``edit_uri`` (``edit/main/docs/`` → ``edit/main/orgs/diskominfo.yaml``).
URL absolut (``https://…``) dipakai apa adanya.
"""
from __future__ import annotations

import os
import posixpath
from urllib.parse import urljoin, urlsplit


def url_sunting(sumber: str, repo_url: str | None, edit_uri: str | None, docs_rel: str) -> str | None:
    """URL editor untuk ``sumber`` (path dari akar repo); None bila tidak dapat dibentuk."""
    if urlsplit(sumber).scheme in ("http", "https"):
        return sumber
    if not edit_uri:
        return None
    sumber = posixpath.normpath(sumber.lstrip("/"))
    if sumber.startswith("../") or sumber == "..":
        return None
    awalan = edit_uri if edit_uri.endswith("/") else edit_uri + "/"
    docs_rel = posixpath.normpath(docs_rel).strip("/")
    if docs_rel and docs_rel != ".":
        if not awalan.rstrip("/").endswith(docs_rel):
            return None
        awalan = awalan.rstrip("/")[: -len(docs_rel)]
    base = (repo_url.rstrip("/") + "/") if repo_url else ""
    return urljoin(base, awalan + sumber)


def on_page_markdown(markdown, page, config, files):
    sumber = page.meta.get("edit_url")
    if isinstance(sumber, str) and sumber.strip():
        root = os.path.dirname(config["config_file_path"])
        docs_rel = os.path.relpath(config["docs_dir"], root).replace(os.sep, "/")
        url = url_sunting(sumber.strip(), config.get("repo_url"), config.get("edit_uri"), docs_rel)
        if url:
            page.edit_url = url
    return markdown
