"""The top actors of a build, for an auditor: aliases, type, roles, article and statement counts.

Run from the project root:

    python benchmarks/actors.py list ARTICLES... --out DIR [--articles 50 --seed S] [--top 60] [--tsv FILE]
    python benchmarks/actors.py score AUDITED.tsv [AUDITED.tsv ...]

``list`` builds the articles into DIR (or reuses DIR when it already holds a kg store and no
ARTICLES are given; ``--articles K --seed S`` first draws K article files at random), then
writes the TOP actors with the most statements (as ``kg entities`` counts them) to a TSV
(default DIR/actors.tsv) with empty verdict columns that an auditor fills in following the
entity part of benchmarks/judged/README.md. ``score`` counts the verdicts.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

INFO_COLUMNS = ("rank", "key", "type", "label", "aliases", "roles", "articles", "statements")
VERDICT_COLUMNS = ("problem", "note")
COLUMNS = INFO_COLUMNS + VERDICT_COLUMNS
# One verdict per actor: "ok", or the first problem found, in this order.
PROBLEMS = ("ok", "false-merge", "split", "wrong-type", "junk")


def actor_rows(out_dir: Path, top: int) -> list[dict[str, str]]:
    """The `top` actors of the store in out_dir, most statements first, as TSV cells."""
    from kg.dossier import list_entities
    from kg.store import Store

    with Store.open(out_dir, write=False) as store:
        rows = list_entities(store)[:top]
    return [
        {
            "rank": str(n),
            "key": r.key,
            "type": r.type,
            "label": r.label,
            "aliases": " | ".join(r.aliases),
            "roles": " | ".join(r.roles),
            "articles": str(r.articles),
            "statements": str(r.statements),
            "problem": "",
            "note": "",
        }
        for n, r in enumerate(rows, 1)
    ]


def write_tsv(rows: Iterable[dict[str, str]], path: Path) -> None:
    """The rows to audit, atomically."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def score_table(paths: Iterable[Path]) -> str:
    """Verdict counts of audited TSVs; an empty or unknown verdict is an error naming its row."""
    counts: Counter[str] = Counter()
    for path in paths:
        with path.open(encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f, delimiter="\t"), 2):
                verdict = (row.get("problem") or "").strip()
                if verdict not in PROBLEMS:
                    raise ValueError(f"{path}:{line}: problem is {verdict!r}; write one of: {', '.join(PROBLEMS)}")
                counts[verdict] += 1
    total = sum(counts.values())
    lines = [f"{'verdict':<12} {'actors':>6}"]
    lines += [f"{p:<12} {counts[p]:>6}" for p in PROBLEMS]
    lines.append(f"{'with a problem':<12} {total - counts['ok']:>6} of {total}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("list", help="build (or reuse) a folder and write its top actors to audit")
    s.add_argument("articles_paths", nargs="*", type=Path, metavar="ARTICLES", help="files or folders to build")
    s.add_argument("--out", type=Path, required=True, help="output folder to build into, or a built one to reuse")
    s.add_argument("--articles", type=int, help="first draw this many article files from ARTICLES")
    s.add_argument("--seed", type=int, default=0, help="seed of the article draw")
    s.add_argument("--top", type=int, default=60, help="actors to list (default 60)")
    s.add_argument("--jobs", type=int, default=1, help="spaCy processes for the build")
    s.add_argument("--tsv", type=Path, help="where to write the TSV (default OUT/actors.tsv)")
    c = sub.add_parser("score", help="count the verdicts of audited TSVs")
    c.add_argument("audited", nargs="+", type=Path)
    args = ap.parse_args(argv)
    from kg.errors import KgError

    if args.mode == "score":
        try:
            sys.stdout.write(score_table(args.audited))
        except (OSError, ValueError) as exc:
            print(f"actors: error: {exc}", file=sys.stderr)
            return 1
        return 0
    try:
        if args.articles_paths:
            from benchmarks.judge import draw_files
            from kg.build import build

            paths = args.articles_paths
            files = draw_files(paths, args.articles, args.seed) if args.articles else paths
            print(build(files, args.out, n_process=args.jobs).summary(), file=sys.stderr)
        rows = actor_rows(args.out, args.top)
    except KgError as exc:
        print(f"actors: error: {exc}", file=sys.stderr)
        return 1
    tsv: Path = args.tsv or args.out / "actors.tsv"
    write_tsv(rows, tsv)
    print(f"{len(rows)} actors -> {tsv}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
