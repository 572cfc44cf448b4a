"""kg serve: Oxigraph's read-only SPARQL server in front of the store, tested with real clients."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TSV, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # ~34M rows here: about 10 s with no limit


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str
    out: Path
    first_line: str


def start_serve(out: Path, *extra: str) -> Served:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--out", str(out), "--port", str(port), *extra],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    line = process.stderr.readline()  # the URL, once the server answers (kg serve waits for it)
    if "serving" not in line:
        process.kill()
        raise AssertionError(f"kg serve did not start: {line}{process.stderr.read()}")
    return Served(process, f"http://127.0.0.1:{port}/query", out, line)


def stop(served: Served) -> tuple[int, str, str]:
    served.process.send_signal(signal.SIGINT)  # what Ctrl-C sends
    out, err = served.process.communicate(timeout=20)
    return served.process.returncode, out, err


@pytest.fixture(scope="module")
def served(built_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    out = tmp_path_factory.mktemp("serve") / "out"
    shutil.copytree(built_out, out)
    server = start_serve(out, "--timeout", "1")
    yield server
    if server.process.poll() is None:
        stop(server)


def local_counts(out: Path) -> dict[str, int]:
    with Store.open(out) as store:
        return {str(g): int(n) for g, n in store.select(PER_GRAPH)}


def children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(p) for p in text.split()]


def listening_addresses(port: int) -> set[str]:
    """Local addresses of sockets listening on a port, from /proc/net/tcp{,6}."""
    found = set()
    for name in ("tcp", "tcp6"):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_prints_its_url_and_binds_loopback_only(served: Served) -> None:
    assert served.url in served.first_line
    port = int(served.url.split(":")[2].split("/")[0])
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, and nothing else


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_answers_like_the_embedded_store_in_every_result_format(served: Served, method: str) -> None:
    expected = local_counts(served.out)
    assert len(expected) >= 5  # the sample articles' graphs, the entities and the ontology
    client = SPARQLWrapper(served.url)
    if method == "POST":
        client.setMethod(POST)
    client.setQuery(PER_GRAPH)

    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]  # type: ignore[index,call-overload]
    assert {r["g"]["value"]: int(r["n"]["value"]) for r in rows} == expected

    for fmt, delimiter in ((CSV, ","), (TSV, "\t")):
        client.setReturnFormat(fmt)
        text = client.query().convert().decode("utf-8")  # type: ignore[union-attr]
        table = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        assert table[0] == (["g", "n"] if fmt == CSV else ["?g", "?n"])
        got = {g.strip("<>"): int(n.split("^^")[0].strip('"')) for g, n in table[1:]}
        assert got == expected

    client.setReturnFormat(XML)
    document = client.query().convert()
    values = [node.firstChild.data for node in document.getElementsByTagName("uri")]  # type: ignore[union-attr]
    assert values == sorted(expected)


def test_rdflib_sparqlstore_sees_the_union_of_all_graphs(served: Served) -> None:
    graph = Graph(SPARQLStore(served.url, returnFormat="json"))
    [(n,)] = list(graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kg/ontology#Article> }"))
    assert int(n) == 5  # the five sample articles, found without GRAPH: the default graph is the union


def test_refuses_updates(served: Served) -> None:
    before = local_counts(served.out)
    for endpoint in (served.url.replace("/query", "/update"), served.url):
        client = SPARQLWrapper(served.url, updateEndpoint=endpoint)
        client.setMethod(POST)
        client.setQuery(
            "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> a <https://example.org/B> } }"
        )
        with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
            client.query()
    client = SPARQLWrapper(served.url)
    client.setQuery("ASK { GRAPH <https://example.org/g> { ?s ?p ?o } }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is False  # type: ignore[index,call-overload]
    assert local_counts(served.out) == before


def test_stops_a_query_at_its_time_limit(served: Served) -> None:
    request = urllib.request.Request(
        served.url + "?query=" + urllib.parse.quote(SLOW), headers={"Accept": "application/sparql-results+json"}
    )
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read().decode("utf-8")
    elapsed = time.monotonic() - started
    assert elapsed < 6, elapsed  # --timeout 1; the query alone runs about 10 s
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)  # results stream, so the cut shows as a broken document
    assert "cancelled" in body


def test_a_build_can_write_while_it_serves(served: Served, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    before = local_counts(served.out)
    article = tmp_path / "new.txt"
    article.write_text("Mayor Anna Berg rejected the budget on Monday, the council said.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(article), "--out", str(served.out), "--no-html"])
    assert result.exit_code == 0, result.output
    assert "6 articles (+1)" in result.output
    assert len(local_counts(served.out)) == len(before) + 1  # the build wrote store/ ...
    client = SPARQLWrapper(served.url)
    client.setQuery(PER_GRAPH)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]  # type: ignore[index,call-overload]
    assert {r["g"]["value"]: int(r["n"]["value"]) for r in rows} == before  # ... the server reads its snapshot


def test_restarts_the_server_when_it_dies(served: Served) -> None:
    [child] = children(served.process.pid)
    os.kill(child, signal.SIGKILL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            client = SPARQLWrapper(served.url)
            client.setQuery("ASK { ?s ?p ?o }")
            client.setReturnFormat(JSON)
            if client.query().convert()["boolean"] is True:  # type: ignore[index,call-overload]
                break
        except (OSError, SPARQLWrapperException):
            time.sleep(0.1)
    else:
        raise AssertionError("the server did not come back")
    assert children(served.process.pid) != [child]
    assert served.process.poll() is None


def test_ctrl_c_stops_it_cleanly(out_copy: Path) -> None:
    server = start_serve(out_copy)
    [child] = children(server.process.pid)
    code, stdout, stderr = stop(server)
    assert (code, stdout, stderr) == (0, "", "kg: stopped\n")
    assert not Path(f"/proc/{child}").exists() or "zombie" in Path(f"/proc/{child}/status").read_text()
    assert sorted(p.name for p in out_copy.iterdir()) == ["graph.html", "kg.ttl", "store"]


def test_no_store_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kg", "serve", "--out", str(tmp_path / "none")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "")
    none = tmp_path / "none"
    assert done.stderr == f"kg: error: {none}: no kg store here; build one with: kg build ARTICLES --out {none}\n"


def test_a_port_in_use_is_one_line(out_copy: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "kg", "serve", "--out", str(out_copy), "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"kg: error: cannot listen on 127.0.0.1:{port} (Address already in use); choose another port with --port\n"
    )
    assert sorted(p.name for p in out_copy.iterdir()) == ["graph.html", "kg.ttl", "store"]


def test_the_server_goes_when_kg_is_killed(out_copy: Path) -> None:
    server = start_serve(out_copy)
    [child] = children(server.process.pid)
    server.process.kill()
    server.process.communicate()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{child}").exists() and "zombie" not in Path(f"/proc/{child}/status").read_text():
        assert time.monotonic() < deadline, "the oxigraph server outlived kg serve"
        time.sleep(0.05)
    snapshot = out_copy / f"serve-snapshot-{server.process.pid}"
    assert snapshot.is_dir()  # left behind by SIGKILL; the next kg serve removes it
    again = start_serve(out_copy)
    assert not snapshot.exists()
    stop(again)
