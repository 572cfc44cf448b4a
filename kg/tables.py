"""Aligned text tables that fit a width without cutting the values one copies (keys, IRIs).

Used by the table formats of `kg query` and `kg entities`; CSV, TSV and JSON never cut.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

ELLIPSIS = "…"
NARROWEST = 12  # a column that may be cut keeps at least this many characters
GAP = "  "


def widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], width: int | None, whole: Collection[int]
) -> list[int]:
    """Column widths: natural ones, or, to fit `width`, the widest cuttable columns narrowed first.

    >>> widths(["key", "text"], [["person/valery-zaluzhny", "x" * 50]], 50, whole={0})
    [22, 26]
    """
    natural = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    if width is None:
        return natural
    sizes = list(natural)
    spare = sum(sizes) + len(GAP) * (len(sizes) - 1) - width
    while spare > 0:
        cuttable = [i for i in range(len(sizes)) if i not in whole and sizes[i] > NARROWEST]
        if not cuttable:
            break
        widest = max(cuttable, key=lambda i: (sizes[i], -i))
        sizes[widest] -= 1
        spare -= 1
    return sizes


def cut(text: str, size: int) -> str:
    """`text` in at most `size` characters, cut with an ellipsis.

    >>> cut("people cited by bloomberg", 12)
    'people cite…'
    """
    return text if len(text) <= size else text[: max(size - 1, 0)] + ELLIPSIS


def render(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    width: int | None = None,
    whole: Collection[int] = (),
) -> str:
    """The table with a rule under the header; columns in `whole` are never cut."""
    shown = [[" ".join(cell.split()) for cell in row] for row in rows]
    sizes = widths(header, shown, width, whole)

    def line(cells: Sequence[str]) -> str:
        return GAP.join(cut(c, w).ljust(w) for c, w in zip(cells, sizes, strict=True)).rstrip()

    return "".join(line(r) + "\n" for r in [header, ["-" * w for w in sizes], *shown])
