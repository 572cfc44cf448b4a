"""Who may open a store: an advisory lock on the output folder.

A writer takes the lock exclusively, from open to close; readers share it. The lock is
flock(2) on the folder itself, not on a file in it, so that it needs no write permission
(a store on a read-only disk can still be read) and no file that a crash could leave
behind: the kernel releases it when the process ends, however it ends.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from .errors import StoreBusyError, StoreError

POLL_SECONDS = 0.05


class FolderLock:
    """A held lock on one folder; release() gives it back (so does the end of the process)."""

    def __init__(self, path: Path, fd: int, exclusive: bool) -> None:
        self.path = path
        self.fd: int | None = fd
        self.exclusive = exclusive

    @classmethod
    def take(cls, folder: Path, *, exclusive: bool, wait: float = 0.0) -> FolderLock:
        """Lock folder, waiting up to `wait` seconds for other processes to let go."""
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as exc:
            raise StoreError(f"{folder}: cannot open the output folder ({exc.strerror or exc})") from exc
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                return cls(folder, fd, exclusive)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    busy = _busy_message(folder, fd, exclusive, wait)
                    os.close(fd)
                    raise StoreBusyError(busy) from None
                time.sleep(POLL_SECONDS)
            except OSError as exc:
                os.close(fd)
                raise StoreError(f"{folder}: cannot lock the output folder ({exc.strerror or exc})") from exc

    def make_exclusive(self, *, wait: float = 0.0) -> None:
        """Turn a shared lock into an exclusive one, waiting up to `wait` seconds for the readers.

        flock(2) does not convert atomically: another writer waiting for the folder may get
        it in between, and then this fails with StoreBusyError (the caller holds no lock).
        """
        assert self.fd is not None
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self.exclusive = True
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    busy = _busy_message(self.path, self.fd, True, wait)
                    self.release()
                    raise StoreBusyError(busy) from None
                time.sleep(POLL_SECONDS)

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the only descriptor drops the flock
            self.fd = None


def _busy_message(folder: Path, fd: int, exclusive: bool, wait: float) -> str:
    waited = f" (waited {wait:g} s)" if wait > 0 else ""
    hint = "try again when it has finished, or pass --wait SECONDS"
    if exclusive and _only_readers(fd):
        reader = "another kg process is reading it (a query, an export, or a --rebuild not swapped in yet)"
        return f"{folder}: the store is in use: {reader}{waited}; {hint}"
    if exclusive:
        return f"{folder}: the store is in use: another kg process is writing to it{waited}; {hint}"
    return f"{folder}: the store is in use: a kg build is writing to it{waited}; {hint}"


def _only_readers(fd: int) -> bool:
    """Whether the lock we could not take exclusively is held only by readers (for the message)."""
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return False
    fcntl.flock(fd, fcntl.LOCK_UN)
    return True
