"""Child process of kg.bounded: run one SPARQL query under a memory bound, send the rows back.

Run as a script (no kg import, so it starts fast). Reads one pickled request from stdin,
writes one pickled answer to stdout: ("select", names, rows), ("ask", bool),
("graph", triples) or ("error", kind, message). A query that exceeds the memory bound
ends the process (Rust aborts on a failed allocation); the parent reads that from the
exit status and stderr.
"""

from __future__ import annotations

import os
import pickle
import resource
import sys
from typing import Any

# Address space the query process reserves before any query (interpreter, pyoxigraph,
# RocksDB's threads and their stacks): VmPeak 265 MB measured with MALLOC_ARENA_MAX=2 (460 MB without).
BASE_ADDRESS_SPACE = 512 << 20
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def answer(request: dict[str, Any]) -> tuple[Any, ...]:
    import pyoxigraph as ox

    try:
        store = ox.Store.read_only(request["path"])
        result = store.query(request["sparql"], prefixes=request["prefixes"], use_default_graph_as_union=True)
        if isinstance(result, ox.QueryBoolean):
            return ("ask", bool(result))
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            return ("select", names, [tuple(solution[i] for i in range(len(names))) for solution in result])
        return ("graph", list(result))
    except SyntaxError as exc:
        return ("error", "syntax", str(exc))
    except MemoryError:
        return ("error", "memory", "")
    except (OSError, RuntimeError, ValueError) as exc:
        return ("error", "store", str(exc), getattr(exc, "errno", None))


def die_with_parent() -> None:
    """Linux: end this process if the parent dies (a killed kg must not leave its query running)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if len(sys.argv) > 1 and os.getppid() != int(sys.argv[1]):  # it died before prctl took effect
        sys.exit(1)


def main() -> None:
    die_with_parent()
    request = pickle.load(sys.stdin.buffer)
    memory, timeout = request["memory"], request["timeout"]
    if memory:
        limit = memory + BASE_ADDRESS_SPACE
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if timeout:  # a second bound, in CPU seconds, should the parent be gone before the deadline
        seconds = int(timeout) + 5
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))
    reply = answer(request)
    try:
        data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("error", "memory", ""))
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
