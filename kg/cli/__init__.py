"""The command line: the only package that reads argv, prints or exits.

`kg` is the click group in common.py; each module adds its commands to it when imported.
"""

from . import building, extracting, reading  # noqa: F401  (register the commands)
from .common import human_bytes, main

__all__ = ["human_bytes", "main"]
