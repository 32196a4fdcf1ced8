"""``python -m policy``: lihat :mod:`policy.cli`."""
from .cli import konsol

raise SystemExit(konsol())
