"""Real SPARQL servers for the tests, on 127.0.0.1: Oxigraph's (read-write) and Virtuoso 7.

Each is started once per test session on a free port, in a temporary folder, and stopped
after; startup is polled with a time limit. Tests share a server and clear kg's graphs
with :func:`clear` before they use it.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

VIRTUOSO = shutil.which("virtuoso-t")
VIRTUOSO_USER = ("dba", "dba")  # a new Virtuoso database's administrator
VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=2) as response:
            return bool(response.status == 200)
    except (OSError, urllib.error.URLError):
        return False


def _start(command: list[str], probe: str, log: Path, seconds: float) -> subprocess.Popen[bytes]:
    with log.open("wb") as handle:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=handle, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent
        )
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{command[0]} exited with {process.returncode}: {log.read_text()[-2000:]}")
        if _answers(probe):
            return process
        time.sleep(0.1)
    _stop(process)
    raise RuntimeError(f"{command[0]} did not answer on {probe} within {seconds:.0f} s: {log.read_text()[-2000:]}")


def _die_with_parent() -> None:
    """In the server's process: be sent SIGTERM if pytest dies, even by SIGKILL (Linux), so no server outlives it."""
    import ctypes
    import signal

    if sys.platform.startswith("linux"):
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start_oxigraph(folder: Path, port: int | None = None) -> tuple[str, subprocess.Popen[bytes]]:
    """Oxigraph's server, read-write on folder/db, the default graph the union of all graphs."""
    port = port or free_port()
    program = Path(sys.executable).parent / "oxigraph"
    command = [str(program) if program.exists() else "oxigraph", "serve", "--location", str(folder / "db")]
    command += ["--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    url = f"http://127.0.0.1:{port}/query"
    return url, _start(command, url, folder / "oxigraph.log", 30)


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        _stop(process)


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Oxigraph's server for the session: its query URL."""
    url, process = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield url
    stop_server(process)


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Virtuoso 7 in the foreground with its own ini: its authenticated SPARQL URL, with user and password."""
    if VIRTUOSO is None:
        pytest.skip("virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    command = [VIRTUOSO, "+foreground", "+configfile", str(ini)]
    process = _start(command, f"http://127.0.0.1:{http_port}/sparql", folder / "out.log", 90)
    user, password = VIRTUOSO_USER
    yield f"http://{user}:{password}@127.0.0.1:{http_port}/sparql-auth"
    _stop(process)


def clear(url: str) -> None:
    """Drop kg's graphs (and leftovers of interrupted writes) from an endpoint."""
    from kg.endpoint import Endpoint
    from kg.remote import PARTIAL

    endpoint = Endpoint(url)
    try:
        found = endpoint.query(
            f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg/") '
            f'|| STRSTARTS(STR(?g), "{PARTIAL}")) }}'
        ).json()["results"]["bindings"]
        graphs = [row["g"]["value"] for row in found]
        if graphs:
            endpoint.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))
    finally:
        endpoint.close()
