"""``python -m policy``: lihat :mod:`policy.cli`."""
from .cli import main

raise SystemExit(main())
