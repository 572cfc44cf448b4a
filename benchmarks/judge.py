"""Hand-judged precision of kg's statements: draw a sample to judge, then score the verdicts.

Run from the project root:

    python benchmarks/judge.py sample ARTICLES... --out DIR --seed S [--n 80] [--articles 50]
        [--max-per-article 3] [--tsv FILE]
    python benchmarks/judge.py score JUDGED.tsv [JUDGED.tsv ...]
    python benchmarks/judge.py facts ARTICLES... --articles 8 --seed S --tsv FACTS.tsv
    python benchmarks/judge.py facts-score FACTS.tsv [FACTS.tsv ...]

``sample`` builds the articles into DIR (or reuses DIR when it already holds a kg store and
no ARTICLES are given), draws N statements at random with ``random.Random(S)`` from every
``kg:ExtractedStatement`` in the store, and writes a TSV to judge (default DIR/judge.tsv): one
row per statement with the article, the sentence, subject, predicate, object, status and
speaker as kg stored them, plus empty verdict columns. ``--articles K`` first draws K of the
article files found under ARTICLES (seeded too), so a fresh sample of unseen articles is one
command. The same articles, kg version and seed give the same rows.

``score`` reads judged TSVs (the verdict columns filled in by a judge following
benchmarks/judged/README.md) and prints the precision table with Wilson 95% intervals.

``facts`` draws K article files (seeded, as ``sample`` does) and writes a TSV in which a judge
lists each article's key facts from reading it alone, before looking at what kg made of it,
then says for each whether kg states it: ``clean`` (one statement says it, with the right
actors, predicate sense and status), ``partial`` (said, but with a flaw) or ``no``.
``facts-score`` prints the share found cleanly, and found at all, with Wilson intervals.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Columns kg fills in, then the judge's columns (left empty by `sample`).
INFO_COLUMNS = (
    "id",
    "article",
    "sentence",
    "subject",
    "subject_entity",
    "predicate",
    "object",
    "object_entity",
    "status",
    "speaker",
    "statement",
)
VERDICT_COLUMNS = ("triple", "status_ok", "entity_ok", "note")
COLUMNS = INFO_COLUMNS + VERDICT_COLUMNS
TRIPLE_VERDICTS = ("correct", "partial", "wrong")
YES_NO = ("yes", "no")
ENTITY_VERDICTS = ("yes", "no", "n/a")  # n/a: neither argument names an entity to check

FACT_COLUMNS = ("id", "article", "fact", "found", "statement", "note")
FOUND_VERDICTS = ("clean", "partial", "no")
FACT_ROWS = 5  # blank rows per article in a new facts TSV (the judge adds or deletes rows)

STATEMENTS = """
SELECT ?st ?source ?sentence ?start ?subjectText ?subject ?subjectLabel ?subjectType ?predicate ?predicateLabel
       ?objectText ?object ?objectLabel ?objectType ?status ?chain ?kind WHERE {
  ?st a kg:ExtractedStatement ; prov:wasDerivedFrom ?article ; kg:sentence ?sentence ; kg:charStart ?start ;
      kg:subjectText ?subjectText ; rdf:subject ?subject ; rdf:predicate ?predicate ; kg:status ?status ;
      kg:kind ?kind .
  ?article dcterms:source ?source .
  OPTIONAL { ?subject rdfs:label ?subjectLabel }
  OPTIONAL { ?subject a ?subjectType }
  OPTIONAL { ?predicate rdfs:label ?predicateLabel }
  OPTIONAL { ?st kg:objectText ?objectText }
  OPTIONAL { ?st rdf:object ?object . OPTIONAL { ?object rdfs:label ?objectLabel } OPTIONAL { ?object a ?objectType } }
  OPTIONAL { ?st kg:sourceChain ?chain }
}"""


@dataclass(frozen=True, slots=True)
class Row:
    """One statement as the judge sees it."""

    article: str
    sentence: str
    subject: str
    subject_entity: str
    predicate: str
    object: str
    object_entity: str
    status: str
    speaker: str
    statement: str  # the statement node's IRI, to find it again in the store
    start: int

    def cells(self, n: int) -> dict[str, str]:
        info = {
            "id": str(n),
            "article": self.article,
            "sentence": self.sentence,
            "subject": self.subject,
            "subject_entity": self.subject_entity,
            "predicate": self.predicate,
            "object": self.object,
            "object_entity": self.object_entity,
            "status": self.status,
            "speaker": self.speaker,
            "statement": self.statement,
        }
        return {**info, **dict.fromkeys(VERDICT_COLUMNS, "")}


def _local(term: object) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _entity(term: object, label: object, type_: object) -> str:
    """'Valery Zaluzhny (Person)' for an entity; '' for a literal or a statement node."""
    text = str(term) if term is not None else ""
    if "/entity/" not in text:
        return ""
    name = str(label) if label is not None else _local(text)
    return f"{name} ({_local(type_)})" if type_ is not None else name


def _clean(text: object) -> str:
    """One line, so every statement is one TSV row."""
    return " ".join(str(text).split()) if text is not None else ""


def statement_rows(out_dir: Path) -> list[Row]:
    """Every statement in the store under out_dir, in a stable order."""
    from kg.store import Store

    best: dict[str, Row] = {}
    with Store.open(out_dir) as store:
        for r in store.select(STATEMENTS):
            st, source, sentence, start, subj_text, subj, subj_label, subj_type = r[:8]
            pred, pred_label, obj_text, obj, obj_label, obj_type, status, chain, kind = r[8:]
            obj_shown = obj_text if obj_text is not None else ("(a reported statement)" if obj is not None else "")
            row = Row(
                article=str(source) if "://" in str(source) else Path(str(source)).name,
                sentence=_clean(sentence),
                subject=_clean(subj_text),
                subject_entity=_entity(subj, subj_label, subj_type),
                predicate=_clean(pred_label if pred_label is not None else _local(pred)),
                object=_clean(obj_shown),
                object_entity=_entity(obj, obj_label, obj_type),
                status=_local(status) + (f" ({kind})" if str(kind) in ("report", "denial") else ""),
                speaker=_clean(chain),
                statement=str(st),
                start=int(start),
            )
            # an entity with several types or labels gives several rows; keep one, deterministically
            key = str(st)
            if key not in best or _order(row) < _order(best[key]):
                best[key] = row
    return sorted(best.values(), key=lambda row: (row.article, row.start, row.statement))


def _order(row: Row) -> tuple[str, ...]:
    return (row.subject_entity, row.object_entity, row.predicate)


def draw(rows: Sequence[Row], n: int, seed: int, *, max_per_article: int | None = None) -> list[Row]:
    """N rows at random (seeded), at most max_per_article from one article, in article order.

    >>> rows = [Row("a", "", "", "", "", "", "", "", "", str(i), i) for i in range(10)]
    >>> [r.statement for r in draw(rows, 3, seed=1)] == [r.statement for r in draw(rows, 3, seed=1)]
    True
    """
    order = list(rows)
    random.Random(seed).shuffle(order)
    picked: list[Row] = []
    per_article: Counter[str] = Counter()
    for row in order:
        if max_per_article is not None and per_article[row.article] >= max_per_article:
            continue
        picked.append(row)
        per_article[row.article] += 1
        if len(picked) == n:
            break
    return sorted(picked, key=lambda row: (row.article, row.start, row.statement))


def draw_files(paths: Iterable[Path], k: int, seed: int) -> list[Path]:
    """K article files at random (seeded) from the files found under paths."""
    from kg.articles import find_files

    files = find_files(paths)
    if k >= len(files):
        return files
    return sorted(random.Random(seed).sample(files, k))


def write_tsv(rows: Sequence[Row], path: Path) -> None:
    """The rows to judge, atomically."""
    sys.path.insert(0, str(ROOT))
    from kg.files import write_atomic

    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    for n, row in enumerate(rows, 1):
        writer.writerow(row.cells(n))
    write_atomic(path, out.getvalue())


def wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials (95% by default).

    >>> [round(x, 3) for x in wilson(49, 80)]
    [0.503, 0.716]
    """
    if n == 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


class JudgeError(Exception):
    """A judged TSV that cannot be scored: names the file, row and fix."""


def _judged_rows(path: Path, needed: Sequence[str], writer: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) of one judged TSV that has the needed columns (written by `judge.py WRITER`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise JudgeError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    reader = csv.DictReader(text.splitlines(), delimiter="\t")
    missing = [c for c in needed if c not in (reader.fieldnames or [])]
    if missing:
        raise JudgeError(f"{path}: no column {', '.join(missing)}; write the TSV with `judge.py {writer}`")
    yield from enumerate(reader, 2)


def read_judged(paths: Iterable[Path]) -> list[dict[str, str]]:
    """The judged rows of every file; every verdict must be filled in with an allowed value."""
    rows: list[dict[str, str]] = []
    for path in paths:
        for line, row in _judged_rows(path, ("article", *VERDICT_COLUMNS[:3]), "sample"):
            for column, allowed in (("triple", TRIPLE_VERDICTS), ("status_ok", YES_NO), ("entity_ok", ENTITY_VERDICTS)):
                value = (row.get(column) or "").strip().lower()
                if value not in allowed:
                    raise JudgeError(
                        f"{path}:{line}: {column} is {value!r}; write one of {', '.join(allowed)} "
                        "(see benchmarks/judged/README.md)"
                    )
                row[column] = value
            rows.append(row)
    return rows


def score_table(rows: Sequence[dict[str, str]]) -> str:
    """The precision table: each measure as a percentage with its Wilson 95% interval."""
    n = len(rows)
    articles = len({r["article"] for r in rows})
    measures = [
        ("triple correct", sum(r["triple"] == "correct" for r in rows), n),
        ("triple correct or partial", sum(r["triple"] != "wrong" for r in rows), n),
        ("triple wrong", sum(r["triple"] == "wrong" for r in rows), n),
        ("status right (speaker, negation, hedge)", sum(r["status_ok"] == "yes" for r in rows), n),
    ]
    checked = [r for r in rows if r["entity_ok"] != "n/a"]
    measures.append(("entity right (where one is named)", sum(r["entity_ok"] == "yes" for r in checked), len(checked)))
    measures.append(
        (
            "triple, status and entity all right",
            sum(r["triple"] == "correct" and r["status_ok"] == "yes" and r["entity_ok"] != "no" for r in rows),
            n,
        )
    )
    lines = [
        f"{n} statements from {articles} articles",
        f"{'measure':<42} {'share':>6} {'95% interval':>13} {'k/n':>8}",
    ]
    for name, k, total in measures:
        low, high = wilson(k, total)
        share = 100 * k / total if total else 0.0
        lines.append(f"{name:<42} {share:>5.1f}% {100 * low:>5.1f}–{100 * high:<5.1f}  {k:>3}/{total}")
    return "\n".join(lines) + "\n"


def sample(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing
    from kg.build import build
    from kg.errors import KgError

    out: Path = args.out
    try:
        if args.articles_paths:
            files = draw_files(args.articles_paths, args.articles, args.seed) if args.articles else args.articles_paths
            report = build(files, out, n_process=args.jobs)
            print(report.summary(), file=sys.stderr)
        rows = statement_rows(out)
    except KgError as exc:
        print(f"judge: error: {exc}", file=sys.stderr)
        return 1
    picked = draw(rows, args.n, args.seed, max_per_article=args.max_per_article)
    tsv: Path = args.tsv or out / "judge.tsv"
    write_tsv(picked, tsv)
    n_articles = len({r.article for r in picked})
    print(f"{len(picked)} of {len(rows)} statements from {n_articles} articles -> {tsv}", file=sys.stderr)
    return 0


def score(args: argparse.Namespace) -> int:
    return _print_score(lambda: score_table(read_judged(args.judged)))


def _print_score(table: Callable[[], str]) -> int:
    try:
        text = table()
    except JudgeError as exc:
        print(f"judge: error: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


def facts(args: argparse.Namespace) -> int:
    """A TSV of key facts to fill in: FACT_ROWS blank rows for each drawn article."""
    sys.path.insert(0, str(ROOT))
    from kg.errors import KgError

    try:
        files = draw_files(args.articles_paths, args.articles, args.seed)
    except KgError as exc:
        print(f"judge: error: {exc}", file=sys.stderr)
        return 1
    from kg.files import write_atomic

    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(FACT_COLUMNS)
    blanks = [file.name for file in files for _ in range(FACT_ROWS)]
    writer.writerows([n, name, "", "", "", ""] for n, name in enumerate(blanks, 1))
    write_atomic(args.tsv, out.getvalue())
    print(f"{len(files)} articles, {FACT_ROWS} blank fact rows each -> {args.tsv}", file=sys.stderr)
    return 0


def read_facts(paths: Iterable[Path]) -> list[dict[str, str]]:
    """The judged facts of every file (rows with no fact are left out); each needs a verdict."""
    rows: list[dict[str, str]] = []
    for path in paths:
        for line, row in _judged_rows(path, ("article", "fact", "found"), "facts"):
            if not (row.get("fact") or "").strip():
                continue
            found = (row.get("found") or "").strip().lower()
            if found not in FOUND_VERDICTS:
                raise JudgeError(
                    f"{path}:{line}: found is {found!r}; write one of {', '.join(FOUND_VERDICTS)} "
                    "(see benchmarks/judged/README.md)"
                )
            row["found"] = found
            rows.append(row)
    return rows


def facts_table(rows: Sequence[dict[str, str]]) -> str:
    """Key facts found cleanly, and found at all, each with its Wilson 95% interval."""
    n = len(rows)
    lines = [
        f"{n} key facts from {len({r['article'] for r in rows})} articles",
        f"{'measure':<42} {'share':>6} {'95% interval':>13} {'k/n':>8}",
    ]
    for name, k in (
        ("key facts found cleanly", sum(r["found"] == "clean" for r in rows)),
        ("key facts found, cleanly or in part", sum(r["found"] != "no" for r in rows)),
    ):
        low, high = wilson(k, n)
        share = 100 * k / n if n else 0.0
        lines.append(f"{name:<42} {share:>5.1f}% {100 * low:>5.1f}–{100 * high:<5.1f}  {k:>3}/{n}")
    return "\n".join(lines) + "\n"


def facts_score(args: argparse.Namespace) -> int:
    return _print_score(lambda: facts_table(read_facts(args.judged)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("sample", help="build (or reuse) a folder and write a TSV of statements to judge")
    s.add_argument("articles_paths", nargs="*", type=Path, metavar="ARTICLES", help="files or folders to build")
    s.add_argument("--out", type=Path, required=True, help="output folder to build into, or a built one to reuse")
    s.add_argument("--seed", type=int, required=True, help="seed of the draw (use a new one for every round)")
    s.add_argument("--n", type=int, default=80, help="statements to draw (default 80)")
    s.add_argument("--articles", type=int, help="first draw this many article files from ARTICLES")
    s.add_argument("--max-per-article", type=int, help="draw at most this many statements from one article")
    s.add_argument("--jobs", type=int, default=1, help="spaCy processes for the build")
    s.add_argument("--tsv", type=Path, help="where to write the TSV (default OUT/judge.tsv)")
    c = sub.add_parser("score", help="print the precision table of judged TSVs")
    c.add_argument("judged", nargs="+", type=Path, help="TSV files with the verdict columns filled in")
    f = sub.add_parser("facts", help="draw articles and write a TSV of key facts to list and check by hand")
    f.add_argument("articles_paths", nargs="+", type=Path, metavar="ARTICLES", help="files or folders to draw from")
    f.add_argument("--articles", type=int, default=8, help="article files to draw (default 8)")
    f.add_argument("--seed", type=int, required=True, help="seed of the draw (use a new one for every round)")
    f.add_argument("--tsv", type=Path, required=True, help="where to write the TSV")
    fs = sub.add_parser("facts-score", help="print the share of key facts kg states cleanly")
    fs.add_argument("judged", nargs="+", type=Path, help="facts TSVs with the found column filled in")
    args = ap.parse_args(argv)
    modes = {"sample": sample, "score": score, "facts": facts, "facts-score": facts_score}
    return modes[args.mode](args)


if __name__ == "__main__":
    raise SystemExit(main())
