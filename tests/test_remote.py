"""--store URL: every command against a real SPARQL server (Oxigraph's, Virtuoso 7) on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg.cli import main
from kg.errors import StoreError
from kg.remote import CHUNK, PAGE, PARTIAL, RemoteStore
from kg.terms import to_ox
from tests.servers import clear, free_port

from .conftest import ARTICLES

SERVERS = ["oxigraph_url", "virtuoso_url"]
# kg's graphs only: Virtuoso's union also holds its own (~2,500 system triples)
COUNT_PER_GRAPH = """SELECT ?g (COUNT(*) AS ?n)
WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg/")) } GROUP BY ?g ORDER BY ?g"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module", params=SERVERS)
def built_remote(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample articles built into a server, once per server for this module."""
    url: str = request.getfixturevalue(request.param)
    clear(url)
    out = tmp_path_factory.mktemp("remote") / "out"
    code, _, stderr = run("build", str(ARTICLES), "--store", url, "--out", str(out), "--no-html")
    assert code == 0, stderr
    assert not (out / "store").exists()  # the graph went to the server
    return url


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "csv", "graphml"])  # jsonld reads as turtle does
def test_a_build_into_a_server_exports_the_same_bytes_as_a_local_build(
    built_remote: str, built_out: Path, fmt: str
) -> None:
    remote = run("export", "--format", fmt, "--store", built_remote)
    local = run("export", "--format", fmt, "--out", str(built_out))
    assert remote[0] == 0, remote[2]
    assert remote[1] == local[1]


@pytest.mark.parametrize(
    "command",
    [
        ["entities"],
        ["show", "Zaluzhny"],
        [
            "query",
            "--format",
            "csv",
            COUNT_PER_GRAPH,
        ],
        ["query", "--named", "sources-of", "--param", "ACTOR=Zaluzhny"],
        ["query", "--named", "denials"],
    ],
    ids=lambda c: " ".join(c[:3]),
)
def test_commands_print_what_they_print_on_the_local_store(
    built_remote: str, built_out: Path, command: list[str]
) -> None:
    remote = run(*command, "--store", built_remote)
    local = run(*command, "--out", str(built_out))
    assert remote[:2] == local[:2], remote[2]


def test_render_draws_the_same_page(built_remote: str, built_out: Path, tmp_path: Path) -> None:
    assert run("render", "--store", built_remote, "--file", str(tmp_path / "r.html"))[0] == 0
    assert run("render", "--out", str(built_out), "--file", str(tmp_path / "l.html"))[0] == 0
    assert (tmp_path / "r.html").read_bytes() == (tmp_path / "l.html").read_bytes()


def test_a_second_build_skips_what_the_server_holds(built_remote: str, tmp_path: Path) -> None:
    code, _, stderr = run("build", str(ARTICLES), "--store", built_remote, "--out", str(tmp_path), "--no-html")
    assert code == 0, stderr
    assert "0 added, 5 already stored" in stderr


def batch(graphs: list[str]) -> list[ox.Quad]:
    """2 x CHUNK triples for an existing article graph and a new one."""
    label = ox.NamedNode(str(RDFS.label))
    return [
        ox.Quad(ox.NamedNode(f"https://example.org/s{n}"), label, ox.Literal(f"x {n}"), ox.NamedNode(g))
        for n in range(CHUNK)
        for g in graphs
    ]


NEW_GRAPH = "https://w3id.org/kg/article/0000000000000000"
NO_PARTIAL = f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{PARTIAL}")) }}'


def existing(store: RemoteStore) -> str:
    """An article graph with something in it, as a build leaves it."""
    graph = "https://w3id.org/kg/article/1111111111111111"
    label = ox.NamedNode(str(RDFS.label))
    store.write(
        [
            ox.Quad(ox.NamedNode(f"https://example.org/e{n}"), label, ox.Literal(f"e {n}"), ox.NamedNode(graph))
            for n in range(50)
        ]
    )
    return graph


def test_a_write_the_server_refuses_leaves_every_graph_as_it_was(virtuoso_url: str) -> None:
    clear(virtuoso_url)
    with RemoteStore.open(virtuoso_url, create=True) as store:
        article = existing(store)
        before = store.dump(ox.RdfFormat.N_QUADS)
        integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        ill_typed = ox.Quad(
            ox.NamedNode("https://example.org/s"),
            ox.NamedNode(str(RDFS.label)),
            ox.Literal("abc", datatype=integer),
            ox.NamedNode(NEW_GRAPH),
        )
        # Virtuoso refuses the last INSERT of the batch ("Invalid integer value"), after 2 x CHUNK triples went in
        with pytest.raises(StoreError, match="Invalid integer value.*nothing was written"):
            store.write([*batch([article, NEW_GRAPH]), ill_typed])
        assert store.dump(ox.RdfFormat.N_QUADS) == before
        assert not store.query(NO_PARTIAL).askAnswer


def test_a_server_that_dies_mid_write_keeps_every_graph_as_it_was(tmp_path: Path) -> None:
    from tests.servers import start_oxigraph, stop_server

    url, process = start_oxigraph(tmp_path)
    try:
        with RemoteStore.open(url, create=True) as store:
            article = existing(store)
            before = store.dump(ox.RdfFormat.N_QUADS)
            send, sent = store.endpoint.update, []

            def update(text: str) -> None:  # the server is killed (SIGKILL) after the first request of the write
                if sent:
                    process.kill()
                    process.wait()
                sent.append(text)
                send(text)

            store.endpoint.update = update  # type: ignore[method-assign]
            with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint"):
                store.write(batch([article, NEW_GRAPH]))
        url, process = start_oxigraph(tmp_path, port=int(url.split(":")[2].split("/")[0]))
        with RemoteStore.open(url, create=True) as store:  # as a build opens it: drops what the dead write left
            assert store.dump(ox.RdfFormat.N_QUADS) == before
            assert not store.query(NO_PARTIAL).askAnswer
    finally:
        stop_server(process)


def test_a_write_of_many_chunks_lands_whole_and_reads_back_past_a_page(built_remote: str) -> None:
    graph = URIRef("https://w3id.org/kg/graph/test-chunks")
    n = PAGE // 2 + 1  # two triples per subject: more than one page of rows, 11 requests of at most CHUNK
    quads = [
        (URIRef(f"https://example.org/c{k}"), prop, Literal(f'{prop} {k} "quoted"\n'), graph)
        for k in range(n)
        for prop in (RDFS.label, RDFS.comment)
    ]
    with RemoteStore.open(built_remote) as store:
        assert store.add_quads(quads) == 2 * n
        [(count,)] = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        assert int(count) == 2 * n
        [(label,)] = store.select(f"SELECT ?l WHERE {{ GRAPH <{graph}> {{ <https://example.org/c7> rdfs:label ?l }} }}")
        assert str(label) == f'{RDFS.label} 7 "quoted"\n'
        # read back in pages by (graph, subject): Virtuoso refuses to sort past 10,000 rows for an OFFSET
        read = store.inner.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))
        assert sorted(map(str, read)) == sorted(str(ox.Quad(*(to_ox(t) for t in q))) for q in quads)
        store.endpoint.update(f"DROP SILENT GRAPH <{graph}>")


def test_an_endpoint_that_is_not_there_is_one_line(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    code, stdout, stderr = run("entities", "--store", url)
    assert (code, stdout) == (1, "")
    assert stderr == f"kg: error: {url}: cannot reach the SPARQL endpoint (ConnectionError); is the server running?\n"


def test_not_a_url_is_one_line() -> None:
    code, _, stderr = run("entities", "--store", "output/store")
    assert code == 1
    assert stderr == (
        "kg: error: output/store: --store takes the http(s) URL of a SPARQL endpoint, e.g. http://127.0.0.1:7878/query\n"
    )


def test_an_empty_endpoint_says_how_to_fill_it(oxigraph_url: str) -> None:
    clear(oxigraph_url)
    code, _, stderr = run("show", "Zaluzhny", "--store", oxigraph_url)
    assert code == 1
    url = oxigraph_url
    assert (
        stderr == f"kg: error: {url}: no kg graph in this endpoint; build one with: kg build ARTICLES --store {url}\n"
    )


def test_a_wrong_password_is_one_line(virtuoso_url: str) -> None:
    wrong = virtuoso_url.replace("dba:dba@", "dba:wrong@")
    code, _, stderr = run("build", str(ARTICLES / "us-worried-by-rift.txt"), "--store", wrong, "--no-html")
    assert code == 1
    assert stderr.startswith("kg: error: http://127.0.0.1:")
    assert stderr.endswith("the endpoint refused the query (HTTP 401); check the user and password in the URL\n")
