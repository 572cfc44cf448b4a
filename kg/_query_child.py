"""Child process of kg.bounded: run one SPARQL query under a memory bound, send the rows back.

Run as a script (no kg import, so it starts fast). Reads one pickled request from stdin,
writes one pickled answer to stdout: ("select", names, rows), ("ask", bool),
("graph", triples) or ("error", kind, message). A query that exceeds the memory bound
ends the process (Rust aborts on a failed allocation); the parent reads that from the
exit status and stderr.
"""

from __future__ import annotations

import pickle
import resource
import sys
from typing import Any

# Address space the query process reserves before any query (interpreter, pyoxigraph,
# RocksDB's threads and their stacks): VmPeak 265 MB measured with MALLOC_ARENA_MAX=2 (460 MB without).
BASE_ADDRESS_SPACE = 512 << 20


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


def main() -> None:
    request = pickle.load(sys.stdin.buffer)
    memory = request["memory"]
    if memory:
        limit = memory + BASE_ADDRESS_SPACE
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    reply = answer(request)
    try:
        data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("error", "memory", ""))
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
