#!/usr/bin/env python3
"""Take the README's screenshots of the graph page in headless Chromium.

Usage: python docs/screenshots.py SEED_OUT BBC_OUT

SEED_OUT is built from articles/ (``kg build articles --out SEED_OUT``), BBC_OUT from all
of ../shared/corpus/bbc_news/. Writes docs/seed.png (the whole sample graph),
docs/zaluzhny.png (focused on Zaluzhny, depth 2, a relation's evidence open) and
docs/bbc-overview.png (the opening overview of 1,861 BBC articles).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.render import render_store  # noqa: E402
from kg.store import Store  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

OPEN_EVIDENCE = """() => {
  const z = kg.data.nodes.find(n => n.label === 'Valery Zaluzhny');
  const e = kg.data.edges.filter(e => !e.concept && (e.from === z.id || e.to === z.id) && e.ev.length)
    .sort((a, b) => b.ev.length - a.ev.length)[0];
  kg.openEdge(e.id);
}"""


def shoot(browser: object, html: str, target: Path, script: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_selector("#kg-status[data-drawn=true]", state="attached", timeout=120_000)
        if script:
            page.evaluate(script)
        page.wait_for_timeout(300)
        page.screenshot(path=str(target))
        context.close()
    print(f"wrote {target}")


def main() -> None:
    from playwright.sync_api import sync_playwright

    seed, bbc = Path(sys.argv[1]), Path(sys.argv[2])
    with Store.open(seed) as store:
        whole = render_store(store, top=1600, title="kg graph of articles/")
        zaluzhny = render_store(store, focus="https://w3id.org/kg/entity/person/valery-zaluzhny", depth=2,
                                title="kg graph of articles/: Zaluzhny")  # fmt: skip
    with Store.open(bbc) as store:
        overview = render_store(store, title="kg graph of 1,861 BBC articles")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        shoot(browser, whole, ROOT / "docs" / "seed.png")
        shoot(browser, zaluzhny, ROOT / "docs" / "zaluzhny.png", OPEN_EVIDENCE)
        shoot(browser, overview, ROOT / "docs" / "bbc-overview.png")
        browser.close()


if __name__ == "__main__":
    main()
