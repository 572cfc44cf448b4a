"""Atomic file writes: a temp file in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def ensure_writable_dir(path: Path) -> None:
    """Create the folder if needed and check that files can be written in it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".kg-write-test-"):
            pass
    except OSError as exc:
        raise OutputError(
            f"{path}: output folder is not writable ({exc.strerror or exc}); choose another --out"
        ) from exc


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: str | bytes) -> int:
    """Write the whole file or leave the old one: never a half-written file. Returns its size in bytes.

    The file gets the mode any new file gets (0666 less the umask), not the 0600 of the temp file.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), 0o666 & ~current_umask())
                handle.write(raw)
            os.replace(tmp, path)
            return len(raw)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"{path}: cannot write file ({exc.strerror or exc}); choose a writable path") from exc
