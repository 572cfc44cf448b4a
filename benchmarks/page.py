#!/usr/bin/env python3
"""The graph page at size: Python time to build it, and time to first draw in headless Chromium.

Usage: python benchmarks/page.py OUT [OUT ...] [--layouts] [--top N]

OUT is a folder built by ``kg build`` (its store). For each: the projection (SPARQL
reading), the page data with its layouts (the layout time alone too), the HTML, then
Chromium (Debian's, driven by Playwright, network blocked) opens the file: time to the
first drawn frame since navigation, a redraw, a filter change, switching to the largest
overview and focusing on the top actor to depth 2. ``--layouts`` also times the layout
libraries against each other on the default view's actor graph.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kg.layout  # noqa: E402
import kg.overview  # noqa: E402
from kg.counts import store_counts  # noqa: E402
from kg.graph import project  # noqa: E402
from kg.render import _page, graph_data  # noqa: E402
from kg.store import Store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
]  # fmt: skip

IN_PAGE = """async () => {
  const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
  const runs = (f, n) => {
    const ts = []; for (let i = 0; i < n; i++) ts.push(time(f));
    ts.sort((a, b) => a - b); return ts[n >> 1];
  };
  const out = { firstDraw: kg.firstDrawMs, shown: kg.shown().nodes.length, shownEdges: kg.shown().edges.length };
  out.redraw = runs(() => kg.network.redraw(), 9);
  const box = document.querySelector("[data-status='attributed']");
  out.filter = runs(() => box.click(), 9);  // an odd number of clicks: leaves it unticked
  box.click();
  const last = kg.data.levels.length - 1;
  out.largest = kg.data.levels.length ? kg.data.levels[last].nodes.length : 0;
  out.switchLargest = time(() => kg.showOverview(last));
  out.redrawLargest = runs(() => kg.network.redraw(), 9);
  const top = kg.data.nodes.slice().sort((a, b) => a.rank - b.rank)[0];
  out.focus2 = time(() => kg.focus(top.id, 2));
  out.focusNodes = kg.shown().nodes.length;
  out.redrawFocus = runs(() => kg.network.redraw(), 9);
  return out;
}"""


def build_page(out: Path, top: int) -> tuple[str, dict[str, Any]]:
    timings: dict[str, Any] = {}
    layout_seconds = [0.0]
    real_layout = kg.layout.layout

    def timed_layout(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return real_layout(*args, **kwargs)
        finally:
            layout_seconds[0] += time.perf_counter() - t

    kg.overview.layout = timed_layout  # type: ignore[assignment]
    t = time.perf_counter()
    with Store.open(out) as store:
        g = project(store.dataset, isolated=True)
        counts = store_counts(store)
    timings["project_s"] = time.perf_counter() - t
    t = time.perf_counter()
    data = graph_data(g, top=top, counts=counts)
    timings["data_s"] = time.perf_counter() - t
    timings["layout_s"] = layout_seconds[0]
    t = time.perf_counter()
    html = _page(data, f"kg graph of {out.name}")
    timings["html_s"] = time.perf_counter() - t
    kg.overview.layout = real_layout  # type: ignore[assignment]
    timings.update(
        articles=counts.articles, graph_nodes=g.number_of_nodes(), graph_edges=g.number_of_edges(),
        page_nodes=len(data["nodes"]), page_edges=len(data["edges"]), connected=data["connected"],
        levels=[(level["top"], len(level["nodes"])) for level in data["levels"]], size=len(html),
    )  # fmt: skip
    return html, timings


def browse(browser: Any, html: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kg-page-") as tmp:
        path = Path(tmp) / "graph.html"
        path.write_text(html, encoding="utf-8")
        results = []
        for _ in range(3):  # the median of three fresh loads
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page = context.new_page()
            page.goto(path.as_uri())
            page.wait_for_selector("#kg-status[data-drawn=true]", state="attached", timeout=120_000)
            results.append(page.evaluate(IN_PAGE))
            context.close()
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def compare_layouts(out: Path, top: int) -> None:
    import networkx as nx

    with Store.open(out) as store:
        g = project(store.dataset, isolated=True)
    view = kg.overview.overview(g, top=top)
    size, drawn, _ = next(level for level in view.levels if level[0] >= min(top, view.connected))
    actor = nx.Graph()
    actor.add_nodes_from(drawn)
    actor.add_edges_from((s, o) for s, o, _ in view.edges if s in actor and o in actor and s != o)
    nodes = sorted(actor.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in actor.edges]
    print(f"layouts of the top {size} view: {len(nodes)} nodes, {len(edges)} edges, 100 iterations each")

    def run(name: str, f: Any) -> None:
        try:
            best = min(_seconds(f) for _ in range(3))
            print(f"  {name:44s} {best * 1000:8.1f} ms")
        except ImportError as exc:
            print(f"  {name:44s} not installed ({exc.name})")

    import igraph as ig

    graph = ig.Graph(n=len(nodes), edges=edges)
    run("igraph fruchterman_reingold", lambda: graph.layout_fruchterman_reingold(niter=100))
    run("igraph kamada_kawai (kg, maxiter 50 n)", lambda: graph.layout_kamada_kawai(maxiter=50 * len(nodes)))
    run(
        "kg.layout.layout (KK or FR, packing, spread)",
        lambda: kg.layout.layout(nodes, [(nodes[a], nodes[b], 1.0) for a, b in edges]),
    )

    def rustworkx() -> None:
        import rustworkx as rx

        r = rx.PyGraph()
        r.add_nodes_from(range(len(nodes)))
        r.add_edges_from_no_data(edges)
        rx.spring_layout(r, num_iter=100, seed=1)

    run("rustworkx spring_layout", rustworkx)

    def fa2() -> None:
        import scipy.sparse as sp
        from fa2_modified import ForceAtlas2

        rows = [a for a, b in edges] + [b for a, b in edges]
        cols = [b for a, b in edges] + [a for a, b in edges]
        matrix = sp.coo_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(nodes), len(nodes))).tocsr()
        ForceAtlas2(verbose=False).forceatlas2(matrix, pos=None, iterations=100)

    run("fa2_modified ForceAtlas2", fa2)
    run("networkx forceatlas2_layout", lambda: nx.forceatlas2_layout(actor, max_iter=100, seed=1))


def _seconds(f: Any) -> float:
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outs", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=kg.overview.DEFAULT_TOP)
    parser.add_argument("--layouts", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for out in args.outs:
            html, t = build_page(out, args.top)
            b = browse(browser, html)
            print(
                f"{out}: {t['articles']:,} articles; projection {t['graph_nodes']:,} nodes, {t['graph_edges']:,} edges;"
                f" page holds {t['page_nodes']:,} nodes, {t['page_edges']:,} edges ({t['size'] / 1e6:.1f} MB),"
                f" {t['connected']:,} connected actors; views {t['levels']}"
            )
            print(
                f"  python: projection {t['project_s']:.1f} s, page data {t['data_s']:.1f} s"
                f" (layouts {t['layout_s']:.2f} s), html {t['html_s']:.1f} s"
            )
            print(
                f"  chromium: first draw {b['firstDraw']:.0f} ms ({b['shown']:.0f} nodes, {b['shownEdges']:.0f} edges),"
                f" redraw {b['redraw']:.1f} ms, filter {b['filter']:.1f} ms;"
                f" largest view ({b['largest']:.0f} nodes) switch {b['switchLargest']:.0f} ms,"
                f" redraw {b['redrawLargest']:.1f} ms;"
                f" focus depth 2 ({b['focusNodes']:.0f} nodes) {b['focus2']:.0f} ms, redraw {b['redrawFocus']:.1f} ms"
            )
            print(f"  load average now {os.getloadavg()[0]:.1f}", flush=True)
        browser.close()
    if args.layouts:
        compare_layouts(args.outs[0], args.top)


if __name__ == "__main__":
    main()
