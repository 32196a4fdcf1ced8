"""``python -m policy.peraturan`` = lint naskah (lihat :mod:`policy.peraturan.lint`)."""
import sys

from .lint import main

sys.exit(main(sys.argv[1:]))
