"""Score kg's clause extractor and textacy's SVO baseline on the CaRB dev split, and time them.

Run from the project root:  python benchmarks/carb.py [--out DIR] [--repeat N]
Needs ../shared (the CaRB data and scorer); textacy is optional (pip install kg[bench]).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CARB = SHARED / "benchmarks" / "carb"
SCORER = SHARED / "tools" / "carb_score.py"


def parsed_docs(nlp: Any, sentences: list[str]) -> list[Any]:
    """The bare spaCy pipeline, batched, over Docs that keep the benchmark's tokens."""
    from spacy.tokens import Doc

    return list(nlp.pipe(Doc(nlp.vocab, words=s.split(" ")) for s in sentences))


def textacy_lines(docs: Iterable[Any], sentences: Iterable[str]) -> Iterator[str]:
    """textacy SVO triples laid out for the scorer (all with confidence 1)."""
    from textacy.extract.triples import subject_verb_object_triples

    for doc, sentence in zip(docs, sentences, strict=True):
        for triple in subject_verb_object_triples(doc):
            parts = [" ".join(t.text for t in part) for part in (triple.verb, triple.subject, triple.object)]
            yield "\t".join([sentence, "1.0", *parts])


def kg_lines(docs: Iterable[Any], sentences: Iterable[str]) -> Iterator[str]:
    """kg clauses of already parsed docs, laid out for the scorer."""
    from kg.extract.carb import doc_lines

    for doc, sentence in zip(docs, sentences, strict=True):
        yield from doc_lines(doc, sentence)


def score(pred: Path) -> dict[str, float]:
    """Run the shared CaRB scorer on a prediction file."""
    gold = CARB / "gold" / "dev.tsv"
    cmd = [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out)
    return result


def timed(func: Callable[[], object], repeat: int) -> float:
    """Best wall time of repeat runs of func, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="keep the prediction files in this folder")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    args = ap.parse_args(argv)
    if not (CARB / "dev.txt").exists() or not SCORER.exists():
        print(f"skipped: CaRB data or scorer not found under {SHARED}", file=sys.stderr)
        return 0

    sys.path.insert(0, str(ROOT))  # run from a checkout without installing
    from kg.nlp import load_model

    nlp = load_model()
    sentences = [s.strip() for s in (CARB / "dev.txt").read_text(encoding="utf-8").splitlines() if s.strip()]
    n_words = sum(len(s.split(" ")) for s in sentences)
    docs = parsed_docs(nlp, sentences)
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="carb-"))
    out_dir.mkdir(parents=True, exist_ok=True)

    systems: dict[str, Callable[[], list[str]]] = {"kg": lambda: list(kg_lines(docs, sentences))}
    try:
        import textacy  # noqa: F401

        systems["textacy-svo"] = lambda: list(textacy_lines(docs, sentences))
    except ImportError:
        print("textacy not installed: baseline skipped (pip install textacy)", file=sys.stderr)

    spacy_seconds = timed(lambda: parsed_docs(nlp, sentences), args.repeat)
    print(f"CaRB dev: {len(sentences)} sentences, {n_words} words")
    print(f"{'system':<12} {'P':>6} {'R':>6} {'F1':>6} {'AUC':>6} {'tuples':>7} {'words/s':>10}")
    print(f"{'spaCy only':<12} {'':>6} {'':>6} {'':>6} {'':>6} {'':>7} {n_words / spacy_seconds:>10,.0f}")
    kg_seconds = 0.0
    for name, run in systems.items():
        lines = run()
        seconds = timed(run, args.repeat)
        if name == "kg":
            kg_seconds = seconds
        pred = out_dir / f"{name}_dev.tsv"
        pred.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        r = score(pred)
        # words/s of spaCy plus the extractor, so the rows compare with the bare pipeline
        speed = n_words / (spacy_seconds + seconds)
        print(
            f"{name:<12} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} {r['auc']:>6.3f} "
            f"{len(lines):>7} {speed:>10,.0f}"
        )
    print(f"kg extraction alone: {n_words / kg_seconds:,.0f} words/s")
    print(f"kg overhead over bare spaCy: {100 * kg_seconds / spacy_seconds:.1f}%")
    print(f"predictions in {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
