"""Run a user's SPARQL query in a child process, under a time limit and a memory bound.

Oxigraph evaluates a query in Rust without looking at signals, and one COUNT over a
corrupted index grew to 24 GB: the only sound bound is a separate process. The child
(kg/_query_child.py) sets RLIMIT_AS, opens the store read-only and sends the rows back;
the parent kills it at the deadline. The parent keeps the store's lock, so a writer waits
for the query, and gets it back as soon as the query ends, however it ends.

A query is data: SERVICE, which would make Oxigraph send the query to any server, is
refused unless the caller allows it.
"""

from __future__ import annotations

import os
import pickle
import re
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oxrdflib._converter import from_ox
from rdflib import Graph, Variable
from rdflib.query import Result

from .errors import QueryError
from .faults import store_error

DEFAULT_TIMEOUT = 60.0  # seconds
CHILD = Path(__file__).with_name("_query_child.py")


def default_memory() -> int:
    """Half the machine's memory, at most 4 GiB: the address space a query may use, in bytes."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (OSError, ValueError):
        total = 8 << 30
    return min(total // 2, 4 << 30)


@dataclass(frozen=True, slots=True)
class Limits:
    """How long and how much memory one query may take (0: no bound), and whether SERVICE may run."""

    timeout: float = DEFAULT_TIMEOUT
    memory: int = field(default_factory=default_memory)
    allow_service: bool = False


class QueryTimeoutError(QueryError):
    """The query ran past its time limit and was stopped."""


class QueryMemoryError(QueryError):
    """The query needed more memory than its bound and was stopped."""


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""
    (?P<skip>\#[^\n\r]*
      |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'''(?:[^'\\]|\\.|'(?!''))*'''
      |"(?:[^"\\\n\r]|\\.)*"
      |'(?:[^'\\\n\r]|\\.)*'
      |<[^<>"{}|^`\\\x00-\x20]*>
      |[?$]\w+
      |@[A-Za-z]+(?:-[A-Za-z0-9]+)*
      |(?:[^\W\d][\w.-]*)?:(?:[\w:%.-]|\\.)*)
    |(?P<word>[^\W\d]\w*)
    |(?P<other>\s+|.)
    """,
    re.X | re.S,
)


def find_service(sparql: str) -> str | None:
    """Where the first SERVICE keyword is ('line:column'), outside strings, IRIs, names and comments.

    The text is scanned as given and with \\u escapes decoded, and SERVICE in either counts.

    >>> find_service('SELECT * WHERE { ?s <http://x/SERVICE> "SERVICE" } # SERVICE')
    >>> find_service("SELECT * WHERE {\\n  service <http://127.0.0.1/sparql> { ?s ?p ?o } }")
    '2:3'
    """
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)
    for text in (sparql, decoded):
        for m in _TOKEN.finditer(text):
            if m.lastgroup == "word" and m.group().upper() == "SERVICE":
                line = text.count("\n", 0, m.start()) + 1
                return f"{line}:{m.start() - (text.rfind(chr(10), 0, m.start()) + 1) + 1}"
    return None


def run_query(source: Path, sparql: str, prefixes: dict[str, str], limits: Limits, *, where: Path) -> Result:
    """Run sparql over the store folder source in a child process; the rows as an rdflib Result.

    `where` names the store in error messages.
    """
    if not limits.allow_service:
        at = find_service(sparql)
        if at is not None:
            raise QueryError(
                f"the query uses SERVICE (at {at}), which sends it to another server; "
                f"kg does not do that unless you pass --allow-service"
            )
    request = {
        "path": str(source),
        "sparql": sparql,
        "prefixes": prefixes,
        "memory": limits.memory,
        "timeout": limits.timeout,
    }
    env = dict(os.environ, MALLOC_ARENA_MAX="2")  # fewer 64 MB malloc arenas reserved per thread
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(os.getpid())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        out, err = proc.communicate(pickle.dumps(request), timeout=limits.timeout or None)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise QueryTimeoutError(
            f"the query was stopped after {limits.timeout:g} s, its time limit; "
            f"narrow it (a LIMIT, fewer unbound patterns), or give --timeout SECONDS (0: no limit)"
        ) from None
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    return _result(out, err, proc.returncode, limits, where, sparql)


def _result(out: bytes, err: bytes, code: int, limits: Limits, where: Path, sparql: str) -> Result:
    reply: tuple[Any, ...] = pickle.loads(out) if code == 0 and out else ("died", code)
    kind = reply[0]
    if kind == "select":
        result = Result("SELECT")
        result.vars = [Variable(name) for name in reply[1]]
        result.bindings = [
            {var: from_ox(term) for var, term in zip(result.vars, row, strict=True) if term is not None}  # type: ignore[misc]
            for row in reply[2]
        ]
        return result
    if kind == "ask":
        result = Result("ASK")
        result.askAnswer = reply[1]
        return result
    if kind == "graph":
        result = Result("CONSTRUCT")
        result.graph = Graph()
        for triple in reply[1]:
            result.graph.add(from_ox(triple))  # type: ignore[arg-type]
        return result
    text = err.decode("utf-8", "replace")
    if code == -signal.SIGKILL:
        raise QueryMemoryError(
            "the query process was killed (SIGKILL: by the kernel when memory runs out, or by someone); "
            "narrow the query, or give a lower --memory MB"
        )
    out_of_memory = ("memory allocation of", "std::bad_alloc", "Resource temporarily unavailable", "MemoryError")
    if (kind == "error" and reply[1] == "memory") or (limits.memory and any(t in text for t in out_of_memory)):
        raise QueryMemoryError(
            f"the query was stopped: it needed more than {limits.memory >> 20} MB of memory, its bound; "
            f"narrow it, or give --memory MB (0: no bound)"
        )
    if kind == "error" and reply[1] == "syntax":
        from .store import syntax_error

        raise syntax_error(reply[2], sparql)
    if kind == "error":
        raise store_error(where, _ChildError(reply[2], reply[3]), writing=False)
    last = " ".join(text.split()[-12:]) or f"exit status {code}"
    raise QueryError(f"the query process failed ({last}); run it again, and report it if it persists")


class _ChildError(OSError):
    def __init__(self, message: str, errno_: int | None) -> None:
        super().__init__(message)
        self.errno = errno_

    def __str__(self) -> str:
        return str(self.args[0])
