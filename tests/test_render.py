"""kg.render: a self-contained, escaped, deterministic HTML page, checked in a real browser too."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib
from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.errors import KgError
from kg.graph import project
from kg.page_evidence import span
from kg.render import STATUS_STYLES, TYPE_COLORS, graph_data, render_html, render_store
from kg.vocab import ARTICLE, ENTITY, KG, ONTOLOGY_GRAPH, PRED, STATEMENT

CHROMIUM = Path("/usr/bin/chromium")

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
        "hedge": "",
        "subject_text": "",
        "object_text": "",
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
        (
            A,
            B,
            "criticizes",
            "asserted",
            [
                evidence(HOSTILE, "asserted", subject_text="Zelensky", object_text=SCRIPT_ATTACK),
                evidence("Second.", "asserted", source="other.txt", article="https://w3id.org/kg/article/a2"),
            ],
        ),
        (
            A,
            B,
            "dismisses",
            "hedgedClaim",
            [evidence("Zelensky may dismiss him.", "hedgedClaim", hedge="may", subject_text="Zelensky")],
        ),
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


def nodes_by_label(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {node["label"]: node for node in data["nodes"]}


# ---------------------------------------------------------------- the page as text


def test_untrusted_text_never_appears_as_markup() -> None:
    page = render_html(hostile_graph(), title=f"Graph {SCRIPT_ATTACK}")
    for attack in ("<script>document.title", "<img src=x", "</script><b>", "<b>src</b>"):
        assert attack not in page
    assert "\\u003cscript\\u003edocument.title='pwned'" in page  # the JSON keeps it as text
    assert "<title>Graph &lt;script&gt;document.title=&#x27;pwned&#x27;" in page


def test_data_round_trips_through_the_escaped_json() -> None:
    data = page_data(render_html(hostile_graph()))
    by_label = nodes_by_label(data)
    assert by_label[SCRIPT_ATTACK]["roles"] == ["</script><b>x"]
    assert by_label["Volodymyr Zelensky"]["aliases"] == [IMG_ATTACK]
    assert HOSTILE in data["sentences"]


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


def test_layout_is_computed_here_and_physics_is_off() -> None:
    data = graph_data(hostile_graph())
    assert data["options"]["physics"] == {"enabled": False}
    [level] = data["levels"]
    assert sorted(level["nodes"]) == [n["id"] for n in data["nodes"]]  # every node has an edge
    assert len(set(zip(level["x"], level["y"], strict=True))) == 4  # four distinct positions


def test_overview_keeps_the_most_important_actors_and_only_connected_ones() -> None:
    g = nx.MultiDiGraph()
    for i in range(40):
        g.add_node(f"p{i:02}", label=f"P{i}", type="Person", aliases=[], roles=[])
    # p00 talks to everyone (from 39 articles), p39 only once; p01..p03 form a triangle
    for i in range(1, 40):
        add(g, "p00", f"p{i:02}", "meets", "asserted", [evidence("x", "asserted", source=f"a{i}.txt")])
    data = graph_data(g, top=25)
    level = data["levels"][data["level"]]
    assert level["top"] == 25
    ranked = sorted(data["nodes"], key=lambda n: n["rank"])
    assert ranked[0]["label"] == "P0" and ranked[0]["sources"] == 39
    assert [lv["top"] for lv in data["levels"]] == [25, 40]  # the ladder stops at all 40
    assert data["connected"] == 40


def test_concepts_are_not_drawn_but_kept_for_the_panel() -> None:
    g = hostile_graph()
    g.add_node("https://w3id.org/kg/entity/concept/offer", label="offer", type="Concept", aliases=[], roles=[])
    add(
        g,
        B,
        "https://w3id.org/kg/entity/concept/offer",
        "rejects",
        "asserted",
        [evidence("He rejects it.", "asserted")],
    )
    data = graph_data(g)
    offer = nodes_by_label(data)["offer"]["id"]
    assert all(offer not in level["nodes"] for level in data["levels"])
    assert any(e["to"] == offer and e["label"] == "rejects" for e in data["edges"])


def test_unknown_types_get_a_colour_of_their_own() -> None:
    g = hostile_graph()
    g.add_node("x/ship", label="Endeavour", type="Ship", aliases=[], roles=[])  # a type render.py does not know
    add(g, "x/ship", A, "meets", "asserted", [evidence("x", "asserted")])
    types = {t["name"]: t["color"] for t in graph_data(g)["types"]}
    assert types["Person"] == TYPE_COLORS["Person"]
    assert types["Ship"] not in TYPE_COLORS.values()


def test_each_status_has_its_own_style() -> None:
    styles = {s["name"]: (s["color"], json.dumps(s["dashes"])) for s in graph_data(hostile_graph())["statuses"]}
    assert list(styles) == list(STATUS_STYLES)
    assert len(set(styles.values())) == len(styles)  # no two share colour and dash
    assert styles["asserted"][1] == "false" and styles["attributed"][1] != styles["hedgedClaim"][1]
    assert styles["negatedClaim"] != styles["deniedClaim"]


def test_evidence_keeps_highlights_hedges_and_independent_sources() -> None:
    data = graph_data(hostile_graph())
    fields = data["evidenceFields"]
    criticizes = next(e for e in data["edges"] if e["label"] == "criticizes")
    assert criticizes["sources"] == 2 and len(criticizes["ev"]) == 2
    first = dict(zip(fields, criticizes["ev"][0], strict=True))
    sentence = data["sentences"][first["sentence"]]
    assert sentence[slice(*first["subject"])] == "Zelensky"
    assert sentence[slice(*first["object"])] == SCRIPT_ATTACK
    dismisses = dict(zip(fields, next(e for e in data["edges"] if e["label"] == "dismisses")["ev"][0], strict=True))
    assert dismisses["hedge"] == "may"


def test_span_prefers_an_occurrence_apart_from_the_subject() -> None:
    assert span("Kyiv says Kyiv won", "Kyiv", avoid=(0, 4)) == [10, 14]
    assert span("The KREMLIN said", "Kremlin") == [4, 11]
    assert span("nothing here", "Kremlin") is None


def test_focus_and_options_are_checked() -> None:
    data = graph_data(hostile_graph(), focus="zaluzhny", depth=2)
    assert data["focus"] == {"node": nodes_by_label(data)[SCRIPT_ATTACK]["id"], "depth": 2}
    with pytest.raises(KgError, match="no entity is named 'Nobody'"):
        graph_data(hostile_graph(), focus="Nobody")
    with pytest.raises(KgError, match="depth must be 1, 2 or 3"):
        graph_data(hostile_graph(), depth=4)


def test_empty_graph_renders() -> None:
    data = page_data(render_html(nx.MultiDiGraph()))
    assert data["nodes"] == [] and data["edges"] == [] and data["levels"] == []


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
    data = page_data(page)
    [edge] = data["edges"]
    assert (edge["label"], edge["status"]) == ("criticizes", "attributed")
    assert data["articles"][0]["title"] == "Rift <i>deepens</i>"


def test_store_page_counts_what_kg_counts(built_out: Path) -> None:
    from kg.counts import store_counts
    from kg.store import Store

    with Store.open(built_out) as store:
        data = page_data(render_store(store))
        counts = store_counts(store)
    assert data["counts"] == {
        "articles": counts.articles,
        "actors": counts.actors,
        "concepts": counts.concepts,
        "situations": counts.situations,
        "statements": counts.statements,
    }
    searchable = [n for n in data["nodes"] if n["type"] != "Concept"]
    assert len(searchable) == counts.actors + counts.situations  # search reaches every actor


# ---------------------------------------------------------------- in a real browser (Playwright + Debian's chromium)

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for every browser test of the session."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium (/usr/bin/chromium) for the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A page opened from disk, with what it tried to load and the script errors it raised."""

    def __init__(self, page: Any, requests: list[str], errors: list[str]) -> None:
        self.page, self.requests, self.errors = page, requests, errors

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Callable[[str, str], Opened]]:
    contexts = []

    def opener(html: str, fragment: str = "") -> Opened:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        requests: list[str] = []
        errors: list[str] = []

        def route(r: Any) -> None:  # nothing but the file itself may load
            requests.append(r.request.url)
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        path = tmp_path / f"page{len(contexts)}.html"
        path.write_text(html, encoding="utf-8")
        page.goto(path.as_uri() + fragment)
        page.wait_for_selector("#kg-status[data-drawn=true]", state="attached", timeout=20_000)
        return Opened(page, requests, errors)

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def seed_page(built_out: Path) -> str:
    """The page of the sample articles, opening on its 5 most important actors."""
    from kg.store import Store

    with Store.open(built_out) as store:
        return render_store(store, top=5)


def shown(opened: Opened) -> dict[str, list[int]]:
    result: dict[str, list[int]] = opened.js("kg.shown()")
    return result


def check_no_orphans(opened: Opened) -> None:
    """Every drawn node has a drawn edge (the focus aside)."""
    orphans = opened.js(
        """() => { const s = kg.shown(), E = kg.data.edges, ends = new Set();
           s.edges.forEach(id => { ends.add(E[id].from); ends.add(E[id].to); });
           const v = kg.view(); return s.nodes.filter(id => !ends.has(id) && id !== v.node).length; }"""
    )
    assert orphans == 0


@pytest.mark.browser
def test_browser_runs_no_script_from_the_data(open_page: Callable[..., Opened]) -> None:
    opened = open_page(render_html(hostile_graph(), title="kg test"))
    edge = opened.js("kg.data.edges.find(e => e.label === 'criticizes').id")
    opened.js(f"kg.openEdge({edge})")
    assert opened.page.title() == "kg test"
    assert opened.js("document.body.dataset.pwned === undefined && !document.querySelector('img')")
    details = opened.page.inner_text("#kg-details")
    assert SCRIPT_ATTACK in details and IMG_ATTACK in details
    assert opened.page.inner_text("#kg-details mark.kg-obj") == SCRIPT_ATTACK
    assert [url for url in opened.requests if not url.startswith("file:")] == []
    assert opened.errors == []


@pytest.mark.browser
def test_browser_click_an_edge_shows_its_evidence(open_page: Callable[..., Opened], seed_page: str) -> None:
    opened = open_page(seed_page)
    opened.js("kg.showOverview(kg.data.levels.length - 1)")
    # a relation between two actors, alone between them, with subject and object found in its sentence
    found = opened.js(
        """() => { const E = kg.data.edges, s = kg.shown(), pair = {};
           s.edges.forEach(id => { const k = [E[id].from, E[id].to].sort().join(); pair[k] = (pair[k] || 0) + 1; });
           const id = s.edges.find(id => pair[[E[id].from, E[id].to].sort().join()] === 1 &&
                                         E[id].ev.length && E[id].ev[0].sub && E[id].ev[0].obj);
           const p = kg.network.getPositions([E[id].from, E[id].to]), a = p[E[id].from], b = p[E[id].to];
           const dom = kg.network.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
           const ev = E[id].ev[0], text = kg.data.sentences[ev.s];
           return {id: id, x: dom.x, y: dom.y,
                   sub: text.slice(ev.sub[0], ev.sub[1]), obj: text.slice(ev.obj[0], ev.obj[1])}; }"""
    )
    box = opened.page.locator("#kg-network canvas").bounding_box()
    opened.page.mouse.click(box["x"] + found["x"], box["y"] + found["y"])
    opened.page.wait_for_selector("#kg-details mark.kg-sub")
    assert opened.js("kg.network.getSelectedEdges()") == [found["id"]]
    assert opened.page.inner_text("#kg-details mark.kg-sub") == found["sub"]
    assert opened.page.inner_text("#kg-details mark.kg-obj") == found["obj"]
    assert re.search(r"\d+ statements? from \d+ independent sources?", opened.page.inner_text("#kg-details"))
    assert opened.errors == []


@pytest.mark.browser
def test_browser_search_an_actor_not_drawn_centres_it(open_page: Callable[..., Opened], seed_page: str) -> None:
    opened = open_page(seed_page)
    drawn = set(shown(opened)["nodes"])
    target = opened.js(
        "(drawn) => kg.data.nodes.filter(n => n.type !== 'Concept' && !drawn.includes(n.id) && n.aliases.length"
        " && kg.data.edges.some(e => !e.concept && (e.from === n.id || e.to === n.id)))"
        ".sort((a, b) => a.rank - b.rank)[0]",
        sorted(drawn),
    )
    opened.page.fill("#kg-search", target["aliases"][0])
    opened.page.press("#kg-search", "Enter")
    assert opened.js("kg.view()")["node"] == target["id"]
    assert target["id"] in shown(opened)["nodes"]
    centre = opened.js(
        f"(() => {{ const p = kg.network.getPositions([{target['id']}])[{target['id']}];"
        " const d = kg.network.canvasToDOM(p), c = document.getElementById('kg-network');"
        " return [d.x - c.clientWidth / 2, d.y - c.clientHeight / 2]; })()"
    )
    assert abs(centre[0]) < 12 and abs(centre[1]) < 12  # centred (to a few pixels of the canvas)
    assert opened.page.inner_text("#kg-details .kg-head") == target["label"]


@pytest.mark.browser
def test_browser_focus_to_depth_two(open_page: Callable[..., Opened], seed_page: str) -> None:
    opened = open_page(seed_page)
    zaluzhny = opened.js("kg.data.nodes.find(n => n.label === 'Valery Zaluzhny').id")
    opened.js(f"kg.openNode({zaluzhny})")
    opened.page.click("#kg-details button[data-depth='2']")
    assert opened.js("kg.view()") == {
        "mode": "focus",
        "level": opened.js("kg.data.level"),
        "node": zaluzhny,
        "depth": 2,
    }
    expected = opened.js(
        f"""() => {{ const E = kg.data.edges.filter(e => !e.concept);
           let ring = new Set([{zaluzhny}]), all = new Set(ring);
           for (let d = 0; d < 2; d++) {{ const next = new Set();
             E.forEach(e => {{ if (ring.has(e.from) && !all.has(e.to)) next.add(e.to);
                               if (ring.has(e.to) && !all.has(e.from)) next.add(e.from); }});
             next.forEach(n => all.add(n)); ring = next; }}
           return Array.from(all).sort((a, b) => a - b); }}"""
    )
    assert len(expected) > 3
    assert sorted(shown(opened)["nodes"]) == expected
    check_no_orphans(opened)
    assert opened.page.inner_text("#kg-status").startswith("Focus on Valery Zaluzhny, 2 hops")


@pytest.mark.browser
def test_browser_filters_compose_and_take_orphans(open_page: Callable[..., Opened], seed_page: str) -> None:
    opened = open_page(seed_page)
    opened.js("kg.showOverview(kg.data.levels.length - 1)")
    page = opened.page
    everything = shown(opened)
    edges_of = "(ids) => ids.map(id => kg.data.edges[id])"

    def count(name: str) -> int:
        return int(page.inner_text(f"label:has([data-status='{name}']) .kg-count"))

    attributed = count("attributed")
    assert attributed > 0
    page.uncheck("[data-status='attributed']")
    after = shown(opened)
    assert all(e["status"] != "attributed" for e in opened.js(edges_of, after["edges"]))
    assert count("attributed") == 0 and len(after["edges"]) == len(everything["edges"]) - attributed
    check_no_orphans(opened)

    page.uncheck("[data-type='AnonymousSource']")
    types = {n["type"] for n in opened.js("(ids) => ids.map(id => kg.data.nodes[id])", shown(opened)["nodes"])}
    assert (
        "AnonymousSource" not in types
        and int(page.inner_text("label:has([data-type='AnonymousSource']) .kg-count")) == 0
    )
    check_no_orphans(opened)
    page.click("#kg-reset")
    assert shown(opened) == everything

    predicate = page.eval_on_selector("#kg-predicate", "s => s.options[1].value")
    page.select_option("#kg-predicate", predicate)
    assert {e["predicate"] for e in opened.js(edges_of, shown(opened)["edges"])} == {predicate}
    page.click("#kg-reset")

    page.fill("#kg-source", "Bloomberg")
    some = opened.js(edges_of, shown(opened)["edges"])
    assert some and all(any("bloomberg" in (ev["c"] + ev["by"]).lower() for ev in e["ev"]) for e in some)
    check_no_orphans(opened)
    page.click("#kg-reset")

    page.fill("#kg-from", "2024-01-29")
    page.fill("#kg-to", "2024-01-31")
    dates = {
        kg_date
        for e in opened.js(edges_of, shown(opened)["edges"])
        for kg_date in opened.js("(ev) => ev.map(v => kg.data.articles[v.a].date)", e["ev"])
    }
    assert dates and any("2024-01-29" <= d <= "2024-01-31" for d in dates)
    assert len(shown(opened)["edges"]) < len(everything["edges"])
    check_no_orphans(opened)


@pytest.mark.browser
def test_browser_screenshot_is_not_blank(open_page: Callable[..., Opened], seed_page: str, tmp_path: Path) -> None:
    opened = open_page(seed_page)
    inked = opened.js(
        """() => { const c = document.querySelector('#kg-network canvas'), x = c.getContext('2d');
           const d = x.getImageData(0, 0, c.width, c.height).data; let n = 0;
           for (let i = 0; i < d.length; i += 4) {
             if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) n++;
           }
           return n / (c.width * c.height); }"""
    )
    assert inked > 0.005  # nodes, lines and labels, not an empty canvas
    shot = tmp_path / "shot.png"
    opened.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert opened.js("kg.lastDrawMs") < 2000


def test_highlights_come_from_the_stored_offsets() -> None:
    g = nx.MultiDiGraph()
    g.add_node(A, label="Kyiv", type="GovernmentBody", aliases=[], roles=[])
    g.add_node(B, label="Moscow", type="GovernmentBody", aliases=[], roles=[])
    sentence = " Kyiv says Kyiv met Moscow."  # as stored: the sentence starts at 100, after a space
    item = evidence(sentence, "asserted", start=100, subject_text="Kyiv", object_text="Moscow")
    item.update(subject_span=(111, 115), object_span=(120, 126))  # the second 'Kyiv'
    add(g, A, B, "meets", "asserted", [item])
    data = graph_data(g)
    [edge] = data["edges"]
    fields = dict(zip(data["evidenceFields"], edge["ev"][0], strict=True))
    assert (fields["subject"], fields["object"]) == ([10, 14], [19, 25])
    item.update(subject_span=(0, 4))  # offsets that do not hold the subject: found in the text instead
    assert dict(zip(data["evidenceFields"], graph_data(g)["edges"][0]["ev"][0], strict=True))["subject"] == [0, 4]


@pytest.mark.browser
def test_browser_concepts_only_on_demand(open_page: Callable[..., Opened], seed_page: str) -> None:
    opened = open_page(seed_page)
    concept_shown = "() => kg.shown().nodes.filter(id => kg.data.nodes[id].type === 'Concept').length"
    assert opened.js(concept_shown) == 0
    opened.page.check("#kg-concepts")
    assert opened.js(concept_shown) > 0
    check_no_orphans(opened)
    opened.page.uncheck("#kg-concepts")
    assert opened.js(concept_shown) == 0


def test_communities_group_densely_linked_actors() -> None:
    g = nx.MultiDiGraph()
    groups = {"a": range(0, 5), "b": range(5, 10)}
    for members in groups.values():
        for i in members:
            g.add_node(f"n{i}", label=f"N{i}", type="Person", aliases=[], roles=[])
        for i in members:
            for j in members:
                if i < j:
                    add(g, f"n{i}", f"n{j}", "meets", "asserted", [evidence("x", "asserted")])
    add(g, "n4", "n5", "meets", "asserted", [evidence("x", "asserted")])  # one bridge
    community = {n["label"]: n["community"] for n in graph_data(g)["nodes"]}
    assert len({community[f"N{i}"] for i in groups["a"]}) == 1
    assert len({community[f"N{i}"] for i in groups["b"]}) == 1
    assert community["N0"] != community["N9"]


@pytest.mark.browser
def test_browser_links_to_the_other_relations_of_a_sentence(open_page: Callable[..., Opened], seed_page: str) -> None:
    opened = open_page(seed_page)
    # a relation whose sentence gave another relation too
    pair = opened.js(
        """() => { const seen = new Map();
           for (const e of kg.data.edges) for (const ev of e.ev) {
             const key = ev.a + ':' + ev.s, other = seen.get(key);
             if (other !== undefined && other !== e.id) return [other, e.id];
             seen.set(key, e.id); }
           return null; }"""
    )
    assert pair is not None
    opened.js(f"kg.openEdge({pair[0]})")
    first_head = opened.page.inner_text("#kg-details .kg-head")
    link = opened.page.locator("#kg-details .kg-ev li button.kg-link").first
    target = link.inner_text()
    link.click()
    head = opened.page.inner_text("#kg-details .kg-head")
    assert target in head.replace("\n", " ") and head != first_head  # the panel now shows that other relation
