"""kg.render: a self-contained, escaped, deterministic HTML page, checked in a real browser too."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib
from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.graph import project
from kg.render import STATUS_STYLES, TYPE_COLORS, graph_data, render_html
from kg.vocab import ARTICLE, ENTITY, KG, ONTOLOGY_GRAPH, PRED, STATEMENT

CHROMIUM = shutil.which("chromium") or shutil.which("/usr/bin/chromium")

SCRIPT_ATTACK = "<script>document.title='pwned';document.body.dataset.pwned='script'</script>"
IMG_ATTACK = "<img src=x onerror=\"document.title='pwned';document.body.dataset.pwned='img'\">"
HOSTILE = f"Zelensky said {SCRIPT_ATTACK} and {IMG_ATTACK} & left."

A = "https://w3id.org/kg/entity/person/a-zelensky"
B = "https://w3id.org/kg/entity/person/b-zaluzhny"
C = "https://w3id.org/kg/entity/country/c-united-states"
D = "https://w3id.org/kg/entity/mediaoutlet/d-bloomberg"


def evidence(sentence: str, status: str, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "statement": "https://w3id.org/kg/statement/x",
        "status": status,
        "sentence": sentence,
        "surface": "said",
        "start": 0,
        "end": len(sentence),
        "confidence": 0.7,
        "article": "https://w3id.org/kg/article/a1",
        "title": "Rift deepens",
        "date": "2024-01-30",
        "source": "rift.txt",
        "source_chain": "",
    }
    item.update(extra)
    return item


def add(g: nx.MultiDiGraph, s: str, o: str, label: str, status: str, items: list[dict[str, Any]]) -> None:
    head = items[0] if items else evidence("", status)
    g.add_edge(
        s,
        o,
        key=f"{label} {status}",
        predicate=f"https://w3id.org/kg/predicate/{label}",
        label=label,
        status=status,
        surface=head["surface"],
        sentence=head["sentence"],
        title=head["title"],
        date=head["date"],
        source=head["source"],
        source_chain=head["source_chain"],
        confidence=head["confidence"],
        count=len(items),
        evidence=items,
    )


def hostile_graph(reverse: bool = False) -> nx.MultiDiGraph:
    """A small projected graph with every status and article text that tries to run script."""
    g = nx.MultiDiGraph()
    nodes = [
        (
            A,
            {
                "label": "Volodymyr Zelensky",
                "type": "Person",
                "aliases": [IMG_ATTACK],
                "roles": ["President"],
            },
        ),
        (B, {"label": SCRIPT_ATTACK, "type": "Person", "aliases": ["Zaluzhny"], "roles": ["</script><b>x"]}),
        (C, {"label": "United States", "type": "Country", "aliases": ["US"], "roles": []}),
        (D, {"label": "Bloomberg", "type": "MediaOutlet", "aliases": [], "roles": []}),
    ]
    edges: list[tuple[str, str, str, str, list[dict[str, Any]]]] = [
        (A, B, "criticizes", "asserted", [evidence(HOSTILE, "asserted"), evidence("Second.", "asserted")]),
        (A, B, "dismisses", "hedgedClaim", [evidence("Zelensky may dismiss him.", "hedgedClaim")]),
        (
            C,
            A,
            "supports",
            "attributed",
            [evidence("US backs him.", "attributed", source_chain=SCRIPT_ATTACK)],
        ),
        (D, B, "supports", "negatedClaim", [evidence("Not so.", "negatedClaim", title=IMG_ATTACK)]),
        (C, B, "meets", "deniedClaim", [evidence("Denied.", "deniedClaim", source="<b>src</b>")]),
        (D, C, "participant", "structural", []),
    ]
    for node, attrs in reversed(nodes) if reverse else nodes:
        g.add_node(node, **attrs)
    for s, o, label, status, items in reversed(edges) if reverse else edges:
        add(g, s, o, label, status, items)
    return g


def page_data(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert match is not None
    data = json.loads(match.group(1))
    assert isinstance(data, dict)
    return data


# ---------------------------------------------------------------- the page as text


def test_untrusted_text_never_appears_as_markup() -> None:
    page = render_html(hostile_graph(), title=f"Graph {SCRIPT_ATTACK}")
    for attack in ("<script>document.title", "<img src=x", "</script><b>", "<b>src</b>"):
        assert attack not in page
    assert "\\u003cscript\\u003edocument.title='pwned'" in page  # the JSON keeps it as text
    assert "<title>Graph &lt;script&gt;document.title=&#x27;pwned&#x27;" in page


def test_data_round_trips_through_the_escaped_json() -> None:
    data = page_data(render_html(hostile_graph()))
    by_label = {node["label"]: node for node in data["nodes"]}
    assert by_label[SCRIPT_ATTACK]["roles"] == ["</script><b>x"]
    assert by_label["Volodymyr Zelensky"]["aliases"] == [IMG_ATTACK]
    sentences = [ev["sentence"] for edge in data["edges"] for ev in edge["evidence"]]
    assert HOSTILE in sentences


def test_page_loads_nothing_from_the_network() -> None:
    page = render_html(hostile_graph())
    assert not re.search(r"<(script|img|iframe|link|source|video|audio|embed|object)\b[^>]*\s(src|href)=", page, re.I)
    assert not re.search(r"\b(src|href|action)\s*=\s*[\"']?\s*(https?:)?//", page, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?\s*(https?:)?//", page, re.I)
    assert "default-src 'none'" in page  # and the browser is told to refuse any load


def test_page_inlines_vis_network() -> None:
    page = render_html(hostile_graph())
    assert len(re.findall(r"^<script", page, re.M)) == 3  # data, vis-network, ours
    assert "vis-network" in page and "new vis.Network(" in page


def test_render_is_deterministic() -> None:
    first = render_html(hostile_graph())
    assert render_html(hostile_graph()) == first
    assert render_html(hostile_graph(reverse=True)) == first  # insertion order does not matter


def test_node_colour_by_type_and_size_by_degree() -> None:
    data = graph_data(hostile_graph())
    by_iri = {node["iri"]: node for node in data["nodes"]}
    assert by_iri[A]["color"] == TYPE_COLORS["Person"] != by_iri[C]["color"] == TYPE_COLORS["Country"]
    assert (by_iri[A]["degree"], by_iri[B]["degree"], by_iri[D]["degree"]) == (3, 4, 2)
    assert by_iri[B]["size"] > by_iri[A]["size"] > by_iri[D]["size"]
    assert [t["name"] for t in data["types"]] == ["Person", "MediaOutlet", "Country"]


def test_edges_styled_by_status_with_legend() -> None:
    data = graph_data(hostile_graph())
    style = {edge["status"]: (edge["dashes"], edge["color"], edge["label"]) for edge in data["edges"]}
    assert style["asserted"][0] is False
    assert style["attributed"][0] and style["hedgedClaim"][0]
    assert style["negatedClaim"][1] == style["deniedClaim"][1] == "#c0392b"
    assert style["negatedClaim"][0] and style["deniedClaim"][0]
    assert style["hedgedClaim"][2] == "dismisses"
    legend = {s["name"]: (s["label"], s["css"], s["count"]) for s in data["statuses"]}
    assert list(legend) == list(STATUS_STYLES)
    assert legend["negatedClaim"] == ("negated", "dotted", 1)
    assert legend["attributed"] == ("attributed", "dashed", 1)


def test_parallel_edges_bend_apart_and_thicken_with_evidence() -> None:
    data = graph_data(hostile_graph())
    ids = {node["iri"]: node["id"] for node in data["nodes"]}
    between = [e for e in data["edges"] if {e["from"], e["to"]} == {ids[A], ids[B]}]
    assert sorted((e["smooth"]["type"], e["smooth"]["roundness"]) for e in between) == [
        ("curvedCCW", 0.25),
        ("curvedCW", 0.25),
    ]
    widths = {e["label"]: e["width"] for e in between}
    assert widths["criticizes"] > widths["dismisses"]


def test_large_graphs_lay_out_quickly() -> None:
    g = nx.MultiDiGraph()
    for i in range(1500):
        g.add_node(f"n{i:04}", label=f"n{i}", type="Person", aliases=[], roles=[])
        add(g, f"n{i:04}", f"n{(i * 7) % 1500:04}", "meets", "asserted", [evidence("x", "asserted")])
    options = graph_data(g)["options"]
    assert options["physics"]["stabilization"]["iterations"] <= 100
    assert options["layout"] == {"randomSeed": 1, "improvedLayout": False}
    assert options["edges"]["smooth"] is False


def test_empty_graph_renders() -> None:
    data = page_data(render_html(nx.MultiDiGraph()))
    assert data["nodes"] == [] and data["edges"] == []


def test_projected_dataset_renders() -> None:
    ds = rdflib.Dataset(default_union=True)
    onto, article = ds.graph(ONTOLOGY_GRAPH), ds.graph(ARTICLE["a1"])
    onto.add((PRED.criticizes, RDFS.label, Literal("criticizes")))
    article.add((ARTICLE["a1"], DCTERMS.title, Literal("Rift <i>deepens</i>")))
    for iri, label in ((ENTITY["person/a"], "A"), (ENTITY["person/b"], "B")):
        article.add((iri, RDF.type, KG.Person))
        article.add((iri, RDFS.label, Literal(label)))
    article.add((ENTITY["person/a"], SKOS.altLabel, Literal("<b>Ay</b>")))
    st = STATEMENT["s1"]
    for p, o in (
        (RDF.type, KG.ExtractedStatement),
        (RDF.subject, ENTITY["person/a"]),
        (RDF.predicate, PRED.criticizes),
        (RDF.object, ENTITY["person/b"]),
        (KG.status, KG.attributed),
        (KG.sentence, Literal(HOSTILE)),
        (PROV.wasDerivedFrom, ARTICLE["a1"]),
    ):
        article.add((st, p, o))
    page = render_html(project(ds))
    assert "<script>document" not in page and "<b>Ay" not in page and "<i>deepens" not in page
    [edge] = page_data(page)["edges"]
    assert (edge["label"], edge["status"], edge["evidence"][0]["title"]) == (
        "criticizes",
        "attributed",
        "Rift <i>deepens</i>",
    )


# ---------------------------------------------------------------- in a real browser

# Appended to the page by the tests only: once the layout is done, hover a node with a
# real mouse event, fire an edge hover, and record which resources the page loaded.
PROBE = """
<script>
(function () {
  function probe() {
    var status = document.getElementById("kg-status");
    if (status.getAttribute("data-stabilized") !== "true") { setTimeout(probe, 50); return; }
    var net = window.kgNetwork;
    // vis-network's own hover events, as a pointer over the node and then the edge fires them
    // (a synthetic mouse move may land on an edge that crosses the node: not deterministic)
    net.body.emitter.emit("hoverNode", { node: NODE, pointer: { DOM: { x: 10, y: 10 } } });
    var out = document.createElement("div");
    out.id = "probe";
    out.setAttribute("data-node-tip", document.getElementById("kg-tip").textContent);
    net.body.emitter.emit("hoverEdge", { edge: EDGE, pointer: { DOM: { x: 10, y: 10 } } });
    out.setAttribute("data-edge-tip", document.getElementById("kg-tip").textContent);
    out.setAttribute("data-resources", JSON.stringify(
      performance.getEntriesByType("resource").map(function (r) { return r.name; })));
    document.body.appendChild(out);
  }
  probe();
})();
</script>
</body>"""


def chromium(tmp_path: Path, url: str, *args: str) -> str:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=5000",
        "--window-size=1200,800",
        *args,
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def attribute(dom: str, element_id: str, name: str) -> str:
    match = re.search(rf'<[a-z]+ id="{element_id}"[^>]*?\s{name}="([^"]*)"', dom)
    assert match is not None, f"no {name} on #{element_id}"
    return match.group(1)


browser = pytest.mark.skipif(CHROMIUM is None, reason="needs chromium for the browser tests")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    """The hostile page with the probe, opened on its hostile edge; the DOM Chromium dumps."""
    if CHROMIUM is None:
        pytest.skip("needs chromium for the browser tests")
    tmp_path = tmp_path_factory.mktemp("browser")
    page = render_html(hostile_graph(), title="kg test")
    data = page_data(page)
    node = next(n["id"] for n in data["nodes"] if n["iri"] == A)
    edge = next(e["id"] for e in data["edges"] if e["label"] == "criticizes")
    path = tmp_path / "graph.html"
    probe = PROBE.replace("NODE", str(node)).replace("EDGE", str(edge))
    head, tail = page.rsplit("</body>", 1)
    path.write_text(head + probe + tail, encoding="utf-8")
    return chromium(tmp_path, f"{path.as_uri()}#edge={edge}", "--dump-dom"), data


@pytest.mark.browser
@browser
def test_browser_draws_the_network(drawn: tuple[str, dict[str, Any]]) -> None:
    dom, data = drawn
    assert attribute(dom, "kg-status", "data-nodes") == str(len(data["nodes"])) == "4"
    assert attribute(dom, "kg-status", "data-edges") == str(len(data["edges"])) == "6"
    assert attribute(dom, "kg-status", "data-drawn") == "true"
    assert attribute(dom, "kg-status", "data-stabilized") == "true"
    assert "<canvas" in dom


@pytest.mark.browser
@browser
def test_browser_runs_no_script_from_the_data(drawn: tuple[str, dict[str, Any]]) -> None:
    dom, _ = drawn
    assert "<title>kg test</title>" in dom
    assert "pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "<img" not in dom
    assert json.loads(attribute(dom, "probe", "data-resources").replace("&quot;", '"')) == []


@pytest.mark.browser
@browser
def test_browser_shows_evidence_as_text(drawn: tuple[str, dict[str, Any]]) -> None:
    dom, _ = drawn
    details = dom.split('<div id="kg-details">', 1)[1].split("</aside>", 1)[0]
    assert "Volodymyr Zelensky — criticizes → &lt;script&gt;document.title" in details
    assert "&lt;img src=x onerror=\"document.title='pwned'" in details
    assert "Rift deepens · 2024-01-30 · rift.txt" in details
    assert "“Second.”" in details


@pytest.mark.browser
@browser
def test_browser_tooltips_show_node_and_edge_details(drawn: tuple[str, dict[str, Any]]) -> None:
    dom, _ = drawn
    node_tip = attribute(dom, "probe", "data-node-tip")
    assert node_tip.startswith("Volodymyr ZelenskyPerson · 3 connections")
    assert "Also: &lt;img src=x" in node_tip and "Roles: President" in node_tip
    edge_tip = attribute(dom, "probe", "data-edge-tip")
    assert "criticizes" in edge_tip and "&lt;script&gt;document.title" in edge_tip
    assert "Rift deepens · 2024-01-30" in edge_tip


@pytest.mark.browser
@browser
def test_browser_screenshot(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    path.write_text(render_html(hostile_graph()), encoding="utf-8")
    shot = tmp_path / "shot.png"
    chromium(tmp_path, path.as_uri(), f"--screenshot={shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a drawn graph and legend, not a blank page
