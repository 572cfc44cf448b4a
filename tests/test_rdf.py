"""RDF: the quads of an extraction, round trips through every format, independent parsers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import PROV, RDF, RDFS

from kg.export import EXPORTERS
from kg.models import Argument, Article, Entity, Extraction, Statement
from kg.rdf import extraction_quads, predicate_iri, statement_iri
from kg.store import Store
from kg.terms import as_rdflib, nquads
from kg.vocab import KG, article_iri, entity_iri

ARTICLE = Article(
    id="abc123",
    text="Zelensky met Sullivan. Sullivan may meet Brende.",
    title="T",
    date="2024-01-30",
    source="t.txt",
    content_hash="abc123" + "0" * 58,
)
ZEL, SUL, BRE = "person/zelensky", "person/sullivan", "person/brende"


def _statement(
    subject: str, obj: str, *, start: int, hedge: str | None = None, attribution: tuple[str, ...] = ()
) -> Statement:
    return Statement(
        subject=Argument(subject.split("/")[1].title(), start, start + 8, subject),
        relation="met",
        lemma="meet",
        predicate="meets",
        object=Argument(obj.split("/")[1].title(), start + 13, start + 21, obj),
        sentence="…",
        sentence_start=start,
        sentence_end=start + 22,
        hedge=hedge,
        attribution=attribution,
    )


EXTRACTION = Extraction(
    article=ARTICLE,
    entities=tuple(Entity(key=k, label=k.split("/")[1].title(), type="Person") for k in (ZEL, SUL, BRE)),
    statements=(
        _statement(ZEL, SUL, start=0),
        _statement(SUL, BRE, start=23, hedge="may"),
        _statement(BRE, ZEL, start=40, attribution=(SUL,)),
    ),
    extractor="kg test",
)


def _dataset() -> Dataset:
    ds = Dataset()
    for quad in extraction_quads(EXTRACTION):
        ds.add(as_rdflib(quad))
    return ds


def test_plain_triple_only_for_what_the_article_asserts() -> None:
    graph = _dataset().graph(article_iri(ARTICLE.id))
    meets = predicate_iri("meets")
    assert (entity_iri(ZEL), meets, entity_iri(SUL)) in graph
    assert (entity_iri(SUL), meets, entity_iri(BRE)) not in graph  # hedged
    assert (entity_iri(BRE), meets, entity_iri(ZEL)) not in graph  # someone else's claim


def test_statement_nodes_carry_provenance_and_status() -> None:
    graph = _dataset().graph(article_iri(ARTICLE.id))
    statuses = {}
    for node in graph.subjects(RDF.type, RDF.Statement):
        assert graph.value(node, PROV.wasDerivedFrom) == article_iri(ARTICLE.id)
        assert graph.value(node, KG.sentence) is not None
        assert graph.value(node, KG.charStart) is not None
        statuses[graph.value(node, RDF.subject)] = graph.value(node, KG.status)
    assert statuses == {
        entity_iri(ZEL): KG.asserted,
        entity_iri(SUL): KG.hedgedClaim,
        entity_iri(BRE): KG.attributed,
    }
    attributed = statement_iri(ARTICLE.id, EXTRACTION.statements[2])
    assert graph.value(attributed, PROV.wasAttributedTo) == entity_iri(SUL)


def test_quads_are_deterministic() -> None:
    assert nquads(extraction_quads(EXTRACTION)) == nquads(extraction_quads(EXTRACTION))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_survives_literal_to_nquads_and_back(text: str) -> None:
    quad = (URIRef("https://example.org/s"), RDFS.label, Literal(text), URIRef("https://example.org/g"))
    parsed = list(ox.parse(nquads([quad]), format=ox.RdfFormat.N_QUADS))
    assert [q.object.value for q in parsed] == [text]  # type: ignore[union-attr]
    graph = Graph()
    graph.parse(data=nquads([quad]).replace(" <https://example.org/g> .", " ."), format="nt")
    assert [str(o) for o in graph.objects(None, RDFS.label)] == [text]


# ------------------------------------------------------------------ exports of a real store


def _stored_dataset(out: Path) -> Dataset:
    with Store.open(out) as store:
        data = EXPORTERS["nquads"](store)
    ds = Dataset()
    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        ds.add((_term(q.subject), _term(q.predicate), _term(q.object), _term(q.graph_name)))
    return ds


def _term(term: object) -> URIRef | BNode | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype == XSD_STRING:  # RDF 1.1: a plain literal is an xsd:string
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


def _union(ds: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # rdflib's JSON-LD parser
@pytest.mark.parametrize("fmt,parse_as", [("turtle", "turtle"), ("jsonld", "json-ld")])
def test_triple_exports_round_trip(built_out: Path, fmt: str, parse_as: str) -> None:
    with Store.open(built_out) as store:
        data = EXPORTERS[fmt](store)
    graph = Graph()
    graph.parse(data=data, format=parse_as)
    expected = _union(_stored_dataset(built_out))
    if not isomorphic(graph, expected):
        _, only_export, only_store = graph_diff(to_isomorphic(graph), to_isomorphic(expected))
        pytest.fail(f"{fmt} differs: {len(only_export)} extra, {len(only_store)} missing triples")


def test_trig_keeps_the_named_graphs(built_out: Path) -> None:
    with Store.open(built_out) as store:
        trig = EXPORTERS["trig"](store)
        names = set(store.named_graphs())
    parsed = ox.Store()
    parsed.load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)
    assert {URIRef(g.value) for g in parsed.named_graphs()} == names  # type: ignore[union-attr]
    expected = _stored_dataset(built_out)
    assert len(parsed) == len(list(expected.quads((None, None, None, None))))


def test_one_named_graph_per_article(built_out: Path) -> None:
    ds = _stored_dataset(built_out)
    homes = {s: g for s, _, _, g in ds.quads((None, RDF.type, KG.Article, None))}
    assert len(homes) == 5
    assert all(article == graph for article, graph in homes.items())


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
def test_rapper_accepts_the_turtle(built_out: Path) -> None:
    result = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(built_out / "kg.ttl")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "returned" in result.stderr and " triples" in result.stderr


def test_pyoxigraph_parses_the_turtle(built_out: Path) -> None:
    triples = list(ox.parse(path=str(built_out / "kg.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(_union(_stored_dataset(built_out)))


def test_graphml_round_trip(built_out: Path) -> None:
    import io

    import networkx as nx

    from kg.graph import project

    with Store.open(built_out) as store:
        data = EXPORTERS["graphml"](store)
        expected = project(store.dataset, isolated=True)
    read = nx.read_graphml(io.BytesIO(data.encode("utf-8")), force_multigraph=True)
    assert set(read.nodes) == set(expected.nodes)
    assert read.number_of_edges() == expected.number_of_edges()
    some = next(iter(expected.nodes))
    assert read.nodes[some]["label"] == expected.nodes[some]["label"]


def test_csv_has_one_row_per_statement(built_out: Path) -> None:
    import csv
    import io

    with Store.open(built_out) as store:
        data = EXPORTERS["csv"](store)
        count = int(store.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:ExtractedStatement }")[0][0])
    rows = list(csv.DictReader(io.StringIO(data)))
    assert len(rows) == count
    statuses = {"asserted", "attributed", "hedgedClaim", "negatedClaim", "deniedClaim"}
    assert all(r["sentence"] and r["status"] in statuses and hasattr(KG, r["status"]) for r in rows)
    with_outlet = [r for r in rows if r["source_chain"]]
    assert with_outlet
