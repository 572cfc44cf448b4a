"""Atomic file writes: a temp file in the same folder, then a rename."""

from __future__ import annotations

import ctypes
import errno
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


_RENAME_EXCHANGE = 2  # renameat2(2) flag (Linux 3.15+): swap two paths atomically
_AT_FDCWD = -100


def exchange(a: Path, b: Path) -> None:
    """Swap two existing folders in one atomic step where the system can (Linux renameat2).

    Elsewhere (or on a file system without the flag) it falls back to three renames
    through a temporary name; a crash between them leaves both folders under their
    temporary or old names, never deleted.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        renameat2 = None
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
            return
        err = ctypes.get_errno()
        if err not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(err, os.strerror(err), str(b))
    parked = b.with_name(b.name + ".old")
    b.rename(parked)
    a.rename(b)
    parked.rename(a)
