"""kg.graph.project on small hand-built datasets that follow the RDF model."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

import networkx as nx
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import KgError
from kg.graph import STRUCTURAL, flatten, project
from kg.vocab import ARTICLE, ENTITY, KG, ONTOLOGY_GRAPH, OPEN, PRED, STATEMENT

ZELENSKY = ENTITY["person/volodymyr-zelensky"]
ZALUZHNY = ENTITY["person/valery-zaluzhny"]
US = ENTITY["country/united-states"]
RIFT = ENTITY["situation/rift-between-zelensky-and-zaluzhny"]
BLOOMBERG = ENTITY["mediaoutlet/bloomberg"]
PEOPLE = ENTITY["anonymoussource/people-familiar-with-the-matter"]
KREMLIN = ENTITY["governmentbody/kremlin"]

ARTICLE_1 = ARTICLE["a1"]
ARTICLE_2 = ARTICLE["a2"]

HOSTILE = "Zelensky <script>document.title='pwned'</script> said <img src=x onerror=alert(1)> it."


@dataclass(frozen=True)
class Stmt:
    """A statement node to add: the fields the projection reads."""

    key: str
    subject: URIRef
    predicate: URIRef
    object: URIRef | Literal
    sentence: str
    status: URIRef = KG.asserted
    surface: str = ""
    source: URIRef | None = None
    chain: str | None = None
    start: int = 0
    confidence: float = 0.8


def add_entity(
    g: rdflib.Graph,
    iri: URIRef,
    cls: URIRef,
    label: str,
    *,
    aliases: tuple[str, ...] = (),
    roles: tuple[str, ...] = (),
) -> None:
    g.add((iri, RDF.type, cls))
    g.add((iri, RDFS.label, Literal(label)))
    for alias in aliases:
        g.add((iri, SKOS.altLabel, Literal(alias)))
    for role in roles:
        g.add((iri, KG.role, Literal(role)))


def add_article(g: rdflib.Graph, iri: URIRef, title: str, date: str, source: str) -> None:
    g.add((iri, RDF.type, KG.Article))
    g.add((iri, DCTERMS.title, Literal(title)))
    g.add((iri, DCTERMS.date, Literal(date, datatype=XSD.date)))
    g.add((iri, DCTERMS.source, Literal(source)))
    g.add((iri, KG.contentHash, Literal(str(iri).rsplit("/", 1)[-1] * 8)))


def add_statement(g: rdflib.Graph, article: URIRef, st: Stmt) -> URIRef:
    node = STATEMENT[st.key]
    for cls in (RDF.Statement, KG.ExtractedStatement, PROV.Entity):
        g.add((node, RDF.type, cls))
    g.add((node, RDF.subject, st.subject))
    g.add((node, RDF.predicate, st.predicate))
    g.add((node, RDF.object, st.object))
    g.add((node, PROV.wasDerivedFrom, article))
    g.add((node, KG.sentence, Literal(st.sentence)))
    g.add((node, KG.charStart, Literal(st.start)))
    g.add((node, KG.charEnd, Literal(st.start + len(st.sentence))))
    g.add((node, KG.surface, Literal(st.surface or "says")))
    g.add((node, KG.confidence, Literal(st.confidence, datatype=XSD.decimal)))
    g.add((node, KG.status, st.status))
    g.add((node, KG.negated, Literal(st.status == KG.negatedClaim)))
    g.add((node, KG.hedged, Literal(st.status == KG.hedgedClaim)))
    if st.source is not None:
        g.add((node, PROV.wasAttributedTo, st.source))
    if st.chain is not None:
        g.add((node, KG.sourceChain, Literal(st.chain)))
    if st.status == KG.asserted and isinstance(st.object, URIRef):
        g.add((st.subject, st.predicate, st.object))
    return node


def sample_dataset(store: str = "default") -> rdflib.Dataset:
    """Two articles about the rift, with claims of every status and one hostile sentence."""
    ds = rdflib.Dataset(store=store, default_union=True)
    onto = ds.graph(ONTOLOGY_GRAPH)
    for name, label in (
        ("concernedAbout", "concerned about"),
        ("criticizes", "criticizes"),
        ("supports", "supports"),
        ("reports", "reports"),
        ("says", "says"),
        ("dismisses", "dismisses"),
    ):
        onto.add((PRED[name], RDF.type, KG.Predicate))
        onto.add((PRED[name], RDFS.label, Literal(label)))
    onto.add((KG.participant, RDFS.label, Literal("participant")))

    g1 = ds.graph(ARTICLE_1)
    add_article(g1, ARTICLE_1, "US worried about rift", "2024-01-30", "rift.txt")
    add_entity(g1, ZELENSKY, KG.Person, "Volodymyr Zelensky", aliases=("Zelensky",), roles=("President",))
    add_entity(g1, ZALUZHNY, KG.Person, "Valery Zaluzhny", aliases=("Zaluzhny",), roles=("commander-in-chief",))
    add_entity(g1, US, KG.Country, "United States", aliases=("US",))
    add_entity(g1, RIFT, KG.Situation, "rift between Zelensky and Zaluzhny")
    add_entity(g1, BLOOMBERG, KG.MediaOutlet, "Bloomberg")
    add_entity(g1, PEOPLE, KG.AnonymousSource, "people familiar with the matter")
    g1.add((RIFT, KG.participant, ZELENSKY))
    g1.add((RIFT, KG.participant, ZALUZHNY))
    worried = add_statement(
        g1,
        ARTICLE_1,
        Stmt(
            "s1",
            US,
            PRED.concernedAbout,
            RIFT,
            "The US is worried that the rift is hampering Kiev's efforts, Bloomberg has reported.",
            status=KG.attributed,
            surface="is worried",
            source=BLOOMBERG,
            chain="Bloomberg > people familiar with the matter",
            start=0,
        ),
    )
    add_statement(g1, ARTICLE_1, Stmt("s1r", BLOOMBERG, PRED.reports, worried, "same sentence"))
    add_statement(g1, ARTICLE_1, Stmt("s2", ZELENSKY, PRED.criticizes, ZALUZHNY, HOSTILE, start=100))
    add_statement(
        g1,
        ARTICLE_1,
        Stmt(
            "s3",
            ZELENSKY,
            PRED.dismisses,
            ZALUZHNY,
            "Zelensky may dismiss Zaluzhny.",
            KG.hedgedClaim,
            start=200,
        ),
    )
    add_statement(
        g1,
        ARTICLE_1,
        Stmt("s4", ZELENSKY, PRED.says, Literal("a literal object"), "Zelensky said something.", start=300),
    )

    g2 = ds.graph(ARTICLE_2)
    add_article(g2, ARTICLE_2, "Kremlin comments", "2024-02-01", "https://example.org/kremlin")
    add_entity(g2, ZELENSKY, KG.Person, "Volodymyr Zelensky", aliases=("Zelenskyy",))
    add_entity(g2, ZALUZHNY, KG.Person, "Valery Zaluzhny")
    add_entity(g2, KREMLIN, KG.GovernmentBody, "Kremlin")
    add_entity(g2, KREMLIN, KG.Organization, "Kremlin")
    add_statement(g2, ARTICLE_2, Stmt("s5", ZELENSKY, PRED.criticizes, ZALUZHNY, "Zelensky criticised him.", start=5))
    add_statement(
        g2,
        ARTICLE_2,
        Stmt("s6", KREMLIN, PRED.supports, ZALUZHNY, "The Kremlin does not back Zaluzhny.", KG.negatedClaim),
    )
    add_statement(
        g2,
        ARTICLE_2,
        Stmt("s7", KREMLIN, OPEN["meddle-in"], ZELENSKY, "Kyiv says the Kremlin meddles.", KG.deniedClaim),
    )
    g2.add((OPEN["meddle-in"], RDF.type, KG.OpenPredicate))
    g2.add((OPEN["meddle-in"], RDFS.label, Literal("meddle in")))
    return ds


@pytest.fixture(scope="module", params=["default", "Oxigraph"])
def dataset(request: pytest.FixtureRequest) -> rdflib.Dataset:
    return sample_dataset(str(request.param))


def edge_table(g: nx.MultiDiGraph) -> list[tuple[str, str, str, str, int]]:
    return sorted(
        (str(s).rsplit("/", 1)[-1], data["label"], str(o).rsplit("/", 1)[-1], data["status"], data["count"])
        for s, o, data in g.edges(data=True)
    )


def test_nodes_carry_label_type_aliases_roles(dataset: rdflib.Dataset) -> None:
    g = project(dataset, isolated=True)
    assert sorted(g.nodes) == sorted(str(iri) for iri in (ZELENSKY, ZALUZHNY, US, RIFT, BLOOMBERG, PEOPLE, KREMLIN))
    assert g.nodes[str(ZELENSKY)] == {
        "label": "Volodymyr Zelensky",
        "type": "Person",
        "aliases": ["Zelensky", "Zelenskyy"],
        "roles": ["President"],
    }
    assert g.nodes[str(KREMLIN)]["type"] == "GovernmentBody"  # the more specific of two types
    assert g.nodes[str(BLOOMBERG)]["type"] == "MediaOutlet"


def test_entities_without_relations_are_left_out_unless_asked(dataset: rdflib.Dataset) -> None:
    connected = project(dataset)
    everything = project(dataset, isolated=True)
    lonely = set(everything) - set(connected)
    assert lonely and all(everything.degree(n) == 0 for n in lonely)
    assert all(connected.degree(n) > 0 for n in connected)


def test_edges_come_from_statement_nodes_between_entities(dataset: rdflib.Dataset) -> None:
    g = project(dataset)
    assert edge_table(g) == [
        ("kremlin", "meddle in", "volodymyr-zelensky", "deniedClaim", 1),
        ("kremlin", "supports", "valery-zaluzhny", "negatedClaim", 1),
        ("rift-between-zelensky-and-zaluzhny", "participant", "valery-zaluzhny", STRUCTURAL, 0),
        ("rift-between-zelensky-and-zaluzhny", "participant", "volodymyr-zelensky", STRUCTURAL, 0),
        ("united-states", "concerned about", "rift-between-zelensky-and-zaluzhny", "attributed", 1),
        ("volodymyr-zelensky", "criticizes", "valery-zaluzhny", "asserted", 2),
        ("volodymyr-zelensky", "dismisses", "valery-zaluzhny", "hedgedClaim", 1),
    ]


def test_edge_carries_provenance(dataset: rdflib.Dataset) -> None:
    g = project(dataset)
    data = g.get_edge_data(str(US), str(RIFT))[f"{PRED.concernedAbout} attributed"]
    assert data["predicate"] == str(PRED.concernedAbout)
    assert data["surface"] == "is worried"
    assert data["sentence"].startswith("The US is worried")
    assert (data["title"], data["date"], data["source"]) == (
        "US worried about rift",
        "2024-01-30",
        "rift.txt",
    )
    assert data["source_chain"] == "Bloomberg > people familiar with the matter"
    assert data["confidence"] == pytest.approx(0.8)
    assert data["evidence"][0]["statement"] == str(STATEMENT["s1"])
    assert data["evidence"][0]["article"] == str(ARTICLE_1)


def test_parallel_statements_merge_with_evidence_in_date_order(dataset: rdflib.Dataset) -> None:
    g = project(dataset)
    data = g.get_edge_data(str(ZELENSKY), str(ZALUZHNY))[f"{PRED.criticizes} asserted"]
    assert [(e["date"], e["sentence"]) for e in data["evidence"]] == [
        ("2024-01-30", HOSTILE),
        ("2024-02-01", "Zelensky criticised him."),
    ]
    assert data["sentence"] == HOSTILE  # the edge's own fields are those of the earliest evidence
    assert [e["start"] for e in data["evidence"]] == [100, 5]


def test_without_claims_only_asserted_statements_remain(dataset: rdflib.Dataset) -> None:
    g = project(dataset, include_claims=False)
    statuses = {data["status"] for _, _, data in g.edges(data=True)}
    assert statuses == {"asserted", STRUCTURAL}


@pytest.mark.parametrize("focus", ["zaluzhny", "VALERY ZALUZHNY", str(ZALUZHNY)])
def test_focus_by_label_alias_or_iri(dataset: rdflib.Dataset, focus: str) -> None:
    g = project(dataset, focus=focus, depth=1)
    assert sorted(g.nodes) == sorted(str(iri) for iri in (ZALUZHNY, ZELENSKY, KREMLIN, RIFT))


def test_focus_depth(dataset: rdflib.Dataset) -> None:
    assert sorted(project(dataset, focus="United States", depth=0).nodes) == [str(US)]
    assert sorted(project(dataset, focus="United States", depth=1).nodes) == sorted([str(US), str(RIFT)])
    two = project(dataset, focus="United States", depth=2)
    assert sorted(two.nodes) == sorted(str(iri) for iri in (US, RIFT, ZELENSKY, ZALUZHNY))
    assert two.number_of_edges() == 3 + 2  # US->rift, rift->2 participants, Zelensky->Zaluzhny x2


def test_unknown_focus_names_the_choices(dataset: rdflib.Dataset) -> None:
    with pytest.raises(KgError, match=r"no entity is named 'Zaluzny'; did you mean: Valery Zaluzhny") as info:
        project(dataset, focus="Zaluzny")
    assert "\n" not in str(info.value)
    with pytest.raises(KgError, match=r"^no entity is named 'qqq' and none is close; list them with: kg entities$"):
        project(dataset, focus="qqq")


def test_limit_keeps_top_degree_nodes(dataset: rdflib.Dataset) -> None:
    g = project(dataset, limit=2)
    assert sorted(g.nodes) == sorted([str(ZALUZHNY), str(ZELENSKY)])
    assert g.number_of_edges() == 2
    focused = project(dataset, focus="Bloomberg", limit=1)
    assert list(focused.nodes) == [str(BLOOMBERG)]


@pytest.mark.parametrize(("options", "message"), [({"depth": -1}, "depth"), ({"limit": 0}, "limit")])
def test_bad_options(dataset: rdflib.Dataset, options: dict[str, int], message: str) -> None:
    with pytest.raises(KgError, match=message):
        project(dataset, **options)  # type: ignore[arg-type]


def test_same_result_on_both_stores() -> None:
    memory, oxigraph = project(sample_dataset("default")), project(sample_dataset("Oxigraph"))
    assert list(memory.nodes(data=True)) == list(oxigraph.nodes(data=True))
    assert list(memory.edges(keys=True, data=True)) == list(oxigraph.edges(keys=True, data=True))


def test_empty_dataset() -> None:
    g = project(rdflib.Dataset(default_union=True))
    assert g.number_of_nodes() == 0
    with pytest.raises(KgError, match="no entities"):
        project(rdflib.Dataset(default_union=True), focus="anyone")


def test_flatten_makes_graphml_ready(dataset: rdflib.Dataset) -> None:
    flat = flatten(project(dataset))
    assert flat.nodes[str(ZELENSKY)]["aliases"] == "Zelensky; Zelenskyy"
    data = flat.get_edge_data(str(ZELENSKY), str(ZALUZHNY))[f"{PRED.criticizes} asserted"]
    assert [e["sentence"] for e in json.loads(data["evidence"])][0] == HOSTILE
    out = io.BytesIO()
    nx.write_graphml(flat, out)
    back = nx.read_graphml(io.BytesIO(out.getvalue()), force_multigraph=True)
    assert back.number_of_edges() == flat.number_of_edges()


def test_evidence_carries_hedge_argument_texts_and_offsets() -> None:
    ds = sample_dataset()
    g1 = ds.graph(ARTICLE_1)
    s3 = STATEMENT["s3"]
    for p, o in (
        (KG.hedge, Literal("may")),
        (KG.subjectText, Literal("Zelensky")),
        (KG.subjectStart, Literal(200)),
        (KG.subjectEnd, Literal(208)),
        (KG.objectText, Literal("Zaluzhny")),
        (KG.objectStart, Literal(221)),
        (KG.objectEnd, Literal(229)),
    ):
        g1.add((s3, p, o))
    data = project(ds).get_edge_data(str(ZELENSKY), str(ZALUZHNY))[f"{PRED.dismisses} hedgedClaim"]
    [item] = data["evidence"]
    assert (item["hedge"], item["subject_text"], item["object_text"]) == ("may", "Zelensky", "Zaluzhny")
    assert (item["subject_span"], item["object_span"]) == ((200, 208), (221, 229))
    assert item["sentence"][221 - 200 : 229 - 200] == "Zaluzhny"
