"""RocksDB's errors in words: one line per cause, with what to do."""

from __future__ import annotations

from pathlib import Path

from .errors import StoreBusyError, StoreDamagedError, StoreDiskFullError, StoreError


def store_error(path: Path, exc: BaseException, *, writing: bool, outcome: str = "") -> StoreError:
    """Translate an error of RocksDB into one line that names its cause: each cause its own words.

    Matches RocksDB's status prefixes and errno texts, never a bare word like "lock"
    (which is also in "block checksum mismatch"). `outcome` says what became of a write.
    """
    message = _one_line(exc)
    low = message.lower()
    what = f"({message[:200]})" + (f"; {outcome}" if outcome else "")
    errno_ = getattr(exc, "errno", None)
    rebuild = "restore it from a backup or rebuild it with: kg build ARTICLES --out NEW_FOLDER"
    if errno_ == 28 or "no space left on device" in low:
        return StoreDiskFullError(f"{path}: the disk is full {what}; free some space and run the command again")
    if low.startswith("corruption:") or " corruption: " in f" {low}" or "checksum mismatch" in low:
        return StoreDamagedError(f"{path}: the store is damaged {what}; it was left as it is: {rebuild}")
    if "while lock file" in low or "lock hold by current process" in low:
        return StoreBusyError(
            f"{path}: the store is open in another program (RocksDB's LOCK is held); close it and try again"
        )
    if errno_ in (1, 13, 30) or any(
        text in low for text in ("read-only file system", "permission denied", "operation not permitted")
    ):
        if writing:
            return StoreError(
                f"{path}: the store cannot be written {what}; it is read-only: query it, or build into a writable --out"
            )
        return StoreError(f"{path}: the store cannot be read {what}; check the permissions of its files")
    if "no such file or directory" in low:
        return StoreDamagedError(
            f"{path}: the store is damaged, a file is missing {what}; it was left as it is: {rebuild}"
        )
    return StoreError(
        f"{path}: the store cannot be {'written' if writing else 'read'} {what}; "
        f"if this persists, rebuild it into a new --out folder"
    )


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
