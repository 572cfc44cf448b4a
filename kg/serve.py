"""Serve the store read-only over the SPARQL 1.1 Protocol, with Oxigraph's own server.

The server is the ``oxigraph`` program from PyPI (the same Rust code as pyoxigraph, so
it reads the store pyoxigraph writes). It serves a snapshot of the store, taken when it
starts: a RocksDB checkpoint, made of hard links, so it is cheap and later builds can
write to ``store/`` while it runs (Oxigraph says that reading a store read-only while
another process writes it is undefined). The snapshot is removed when the server stops.

Queries see the union of all graphs as the default graph, as ``kg query`` does; updates
are refused (the server is read-only); every query has a time limit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from .errors import KgError, StoreError
from .store import Store

HOST = "127.0.0.1"
DEFAULT_PORT = 7878
SNAPSHOT_PREFIX = "serve-snapshot-"
STARTUP_SECONDS = 20.0
RESTARTS = 5


class ServeError(KgError):
    """The SPARQL server cannot start or stopped on its own."""


def oxigraph_program() -> str:
    """Path of the ``oxigraph`` server program installed with kg (PyPI package ``oxigraph``)."""
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError(
            "the oxigraph server program is not installed; install it with: pip install 'oxigraph>=0.5,<0.6'"
        )
    return found


@dataclass
class Server:
    """A running read-only SPARQL server over a snapshot of one output folder's store."""

    url: str
    snapshot: Path  # the checkpoint of the store being served; removed by stop()
    log: Path  # the server's own output, for the reason it stopped
    command: list[str]
    port: int
    process: subprocess.Popen[bytes] | None = None

    def wait(self, on_restart: Callable[[str], None] | None = None) -> None:
        """Block until the user presses Ctrl-C (or sends SIGTERM); restart the server if it dies.

        Oxigraph 0.5 can abort on a query (a panic in its sort under a time limit); the
        snapshot it reads is not harmed, so it is started again, at most RESTARTS times a
        minute. ``on_restart`` is told why each time.
        """
        previous = signal.getsignal(signal.SIGTERM)

        def on_term(_signum: int, _frame: FrameType | None) -> None:
            raise KeyboardInterrupt

        in_main = _in_main_thread()
        if in_main:
            signal.signal(signal.SIGTERM, on_term)
        restarts: list[float] = []
        try:
            while True:
                assert self.process is not None
                code = self.process.wait()
                reason = f"exit status {code}: {_reason(self.log)}"
                now = time.monotonic()
                restarts = [t for t in restarts if now - t < 60] + [now]
                if len(restarts) > RESTARTS:
                    raise ServeError(f"the SPARQL server stopped {RESTARTS} times within a minute ({reason})")
                if on_restart is not None:
                    on_restart(reason)
                self._launch()
                _wait_until_listening(self)
        except KeyboardInterrupt:
            return
        finally:
            if in_main:
                signal.signal(signal.SIGTERM, previous)

    def _launch(self) -> None:
        with self.log.open("wb") as handle:
            self.process = subprocess.Popen(
                self.command,
                stdin=subprocess.DEVNULL,
                stdout=handle,
                stderr=handle,
                start_new_session=True,  # Ctrl-C reaches kg only, which stops the server itself
                preexec_fn=_die_with_parent,
            )

    def stop(self) -> None:
        """Stop the server process and remove the snapshot it served."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.snapshot, ignore_errors=True)
        self.log.unlink(missing_ok=True)


def start(out_dir: Path, *, port: int = DEFAULT_PORT, timeout: int = 30) -> Server:
    """Snapshot the store in ``out_dir`` and start Oxigraph's read-only server on it, on 127.0.0.1.

    Returns once the server answers on its port; raises ServeError if it does not.
    """
    program = oxigraph_program()
    _check_port_free(port)
    _remove_stale_snapshots(out_dir)
    snapshot = out_dir / f"{SNAPSHOT_PREFIX}{os.getpid()}"
    log = out_dir / f"{SNAPSHOT_PREFIX}{os.getpid()}.log"
    shutil.rmtree(snapshot, ignore_errors=True)
    with Store.open(out_dir) as store:
        try:
            store.snapshot(snapshot)
        except StoreError:
            shutil.rmtree(snapshot, ignore_errors=True)
            raise
    command = [
        program,
        "serve-read-only",
        "--location",
        str(snapshot),
        "--bind",
        f"{HOST}:{port}",
        "--union-default-graph",
        "--timeout-s",
        str(timeout),
    ]
    server = Server(url=f"http://{HOST}:{port}/query", snapshot=snapshot, log=log, command=command, port=port)
    try:
        server._launch()
        _wait_until_listening(server)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_listening(server: Server) -> None:
    port = server.port
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process is None or server.process.poll() is not None:
            raise ServeError(f"the SPARQL server did not start on {HOST}:{port} ({_reason(server.log)})")
        with socket.socket() as probe:
            probe.settimeout(0.5)
            if probe.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.05)
    raise ServeError(f"the SPARQL server did not answer on {HOST}:{port} within {STARTUP_SECONDS:.0f} s")


def _remove_stale_snapshots(out_dir: Path) -> None:
    """Snapshots left by servers that were killed before they could remove them."""
    for path in out_dir.glob(f"{SNAPSHOT_PREFIX}*"):
        pid = path.name[len(SNAPSHOT_PREFIX) :].removesuffix(".log")
        if pid.isdigit() and not _alive(int(pid)):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _reason(log: Path) -> str:
    """The line of the server's output that says why it stopped (not its stack backtrace)."""
    with contextlib.suppress(OSError):
        lines = [line.strip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines()]
        for line in lines:
            if line.startswith("Error:") or "panicked" in line:
                return line.removeprefix("Error:").strip()[:200]
        lines = [line for line in lines if line and not line.startswith("Listening")]
        if lines:
            return lines[0][:200]
    return "no message"


def _check_port_free(port: int) -> None:
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            raise ServeError(
                f"cannot listen on {HOST}:{port} ({exc.strerror or exc}); choose another port with --port"
            ) from exc


def _die_with_parent() -> None:
    """In the child, on Linux: be sent SIGTERM when kg dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread() and sys.platform != "win32"
