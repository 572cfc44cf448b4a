#!/usr/bin/env python3
"""Time of parsing and extraction on one long synthetic sentence, with and without kg's bounds.

Usage: python benchmarks/long_text.py [--chars N ...] [--unbounded-up-to N]

The sentence is 'Smith said prices rose and prices rose and ...' of about N characters (the shape
that made extraction quadratic, issue 12). "unbounded" parses it with spaCy's nlp.pipe as one
sentence; "bounded" with kg.nlp.parse, which parses sentences over MAX_SENTENCE_TOKENS tokens
again in pieces. Both are then extracted with kg.extract.statements.extract_article. Unbounded
runs stop at --unbounded-up-to characters (default 20,000: beyond, they take minutes).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.articles import make_article  # noqa: E402
from kg.extract.statements import extract_article  # noqa: E402
from kg.nlp import MAX_SENTENCE_TOKENS, load_model, parse  # noqa: E402


def and_sentence(chars: int) -> str:
    return "Smith said " + " and ".join(["prices rose"] * (chars // 16)) + "."


def run(nlp: Any, text: str, *, bounded: bool) -> tuple[float, float, int, int]:
    """Seconds of parsing, seconds of extraction, longest sentence in tokens, statements."""
    start = time.perf_counter()
    (doc,) = parse(nlp, [text]) if bounded else nlp.pipe([text])
    parsed = time.perf_counter()
    x = extract_article(doc, make_article(text), extractor="bench")
    return parsed - start, time.perf_counter() - parsed, max(len(s) for s in doc.sents), len(x.statements)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, nargs="+", default=[5_000, 10_000, 20_000, 40_000, 200_000])
    ap.add_argument("--unbounded-up-to", type=int, default=20_000)
    args = ap.parse_args()
    nlp = load_model()
    nlp.max_length = max(nlp.max_length, *args.chars) + 100
    print(f"MAX_SENTENCE_TOKENS = {MAX_SENTENCE_TOKENS}")
    print(f"{'chars':>8} {'mode':<10} {'parse s':>8} {'extract s':>10} {'longest':>8} {'statements':>10}")
    for chars in args.chars:
        text = and_sentence(chars)
        for bounded in (False, True):
            if not bounded and chars > args.unbounded_up_to:
                continue
            p, e, longest, n = run(nlp, text, bounded=bounded)
            mode = "bounded" if bounded else "unbounded"
            print(f"{len(text):>8} {mode:<10} {p:>8.2f} {e:>10.2f} {longest:>8} {n:>10}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
