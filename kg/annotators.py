"""spaCy's attribute ruler and rule lemmatizer, run from tables: the same annotations, at a fraction of the time.

In en_core_web_sm the two components are Python code over every token: the attribute ruler
runs 179 Matcher patterns (several with predicates evaluated in Python) and sets the matched
attributes token by token; the lemmatizer builds a morphology object per token for its cache
key. Together they took about 12% of a whole `kg build --jobs 1` (py-spy, 150 BBC articles),
as much as all of kg's clause extraction.

Both are pure functions of a few token attributes, so a table gives the same result:

- the attribute ruler's one-token patterns look only at a token's TAG, LOWER, DEP and
  IS_SPACE (checked when the component is set up; any other pattern keeps spaCy's own
  component), so which of them match a token is looked up by those four values, and worked
  out once per distinct four; its few longer patterns ("gon na", "ai n't") still run through
  a Matcher of their own; the matched patterns' attributes are applied in spaCy's order
  (later patterns win) and written with one ``Doc.from_array``;
- the lemmatizer's lemma depends on a token's ORTH, POS and MORPH (rule and lookup modes), so
  it is asked once per distinct three.

tests/test_annotators.py checks that the annotations equal spaCy's own, token for token.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher

# The token attributes a one-token pattern may test here, in the order of a key's values.
FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")
WRITTEN = [POS, MORPH, LEMMA, TAG, DEP]  # what the attribute ruler may set
OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})
LEMMATIZER_MODES = frozenset({"rule", "lookup"})
MAX_ENTRIES = 200_000  # per table: a few tens of MB at most; news text uses far fewer keys

_ORIGINALS: dict[str, Any] = {}  # stock components handed to the factories below


def use_tables(nlp: Any) -> None:
    """Swap the model's attribute ruler and lemmatizer for their table-driven equivalents, where supported."""
    for name, factory, supported in (
        ("attribute_ruler", "kg_tabled_attribute_ruler", _ruler_supported),
        ("lemmatizer", "kg_tabled_lemmatizer", _lemmatizer_supported),
    ):
        if name in nlp.pipe_names and supported(nlp.get_pipe(name)):
            _ORIGINALS[name] = nlp.get_pipe(name)
            nlp.replace_pipe(name, factory, config={"original": name})


def _ruler_supported(ruler: Any) -> bool:
    """Whether every pattern tests only FIELDS, each by a value or by OPERATORS."""
    return all(
        field in FIELDS and (not isinstance(value, dict) or set(value) <= OPERATORS)
        for entry in ruler.patterns
        for pattern in entry["patterns"]
        for token in pattern
        for field, value in token.items()
    )


def _lemmatizer_supported(lemmatizer: Any) -> bool:
    return getattr(lemmatizer, "mode", None) in LEMMATIZER_MODES and hasattr(lemmatizer, "lemmatize")


@Language.factory("kg_tabled_attribute_ruler", default_config={"original": "attribute_ruler"})
def _make_ruler(nlp: Any, name: str, original: str) -> TabledRuler:
    return TabledRuler(_ORIGINALS[original])


@Language.factory("kg_tabled_lemmatizer", default_config={"original": "lemmatizer"})
def _make_lemmatizer(nlp: Any, name: str, original: str) -> TabledLemmatizer:
    return TabledLemmatizer(_ORIGINALS[original])


def _holds(wanted: Any, value: str | bool) -> bool:
    """Whether a token's value meets one pattern constraint: a value, or {IN, NOT_IN, REGEX}."""
    if not isinstance(wanted, dict):
        return bool(value == wanted)
    return all(
        (value in arg) if op == "IN" else (value not in arg) if op == "NOT_IN" else bool(re.search(arg, str(value)))
        for op, arg in wanted.items()
    )


class TabledRuler:
    """spaCy's AttributeRuler, with the one-token patterns matched by table."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self.attrs = [dict(a) for a in ruler.attrs]  # normalized: attribute ID -> value ID
        self.indices = list(ruler.indices)
        self.longer = Matcher(self.vocab, validate=False)
        self._by_lower: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self._by_tag: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self._rest: list[tuple[int, dict[str, Any]]] = []
        self.has_longer = False
        for key, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if len(pattern) > 1:
                    self.longer.add(str(key), [pattern])
                    self.has_longer = True
                    continue
                (token,) = pattern
                lower, tag = token.get("LOWER"), token.get("TAG")
                if isinstance(lower, str):
                    self._by_lower.setdefault(lower, []).append((key, token))
                elif isinstance(tag, str):
                    self._by_tag.setdefault(tag, []).append((key, token))
                else:
                    self._rest.append((key, token))
        self._matched: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], list[tuple[int, int]]] = {}

    def _match_one(self, key: tuple[int, ...]) -> tuple[int, ...]:
        strings = self.vocab.strings
        values = dict(zip(FIELDS, (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3])), strict=True))
        candidates = self._by_lower.get(str(values["LOWER"]), []) + self._by_tag.get(str(values["TAG"]), [])
        return tuple(
            sorted(k for k, token in candidates + self._rest if all(_holds(w, values[f]) for f, w in token.items()))
        )

    def _merge(self, keys: tuple[int, ...]) -> list[tuple[int, int]]:
        merged: dict[int, int] = {}
        for k in sorted(keys):  # spaCy applies matches by pattern order: later patterns win
            merged.update(self.attrs[k])
        return [(WRITTEN.index(attr), value) for attr, value in merged.items()]

    def __call__(self, doc: Any) -> Any:
        matched = _bounded(self._matched)
        per_token: list[tuple[int, ...]] = []
        for row in map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            keys = matched.get(row)
            if keys is None:
                keys = matched[row] = self._match_one(row)
            per_token.append(keys)
        if self.has_longer:
            for match_id, start, end in self.longer(doc, allow_missing=True):
                key = int(self.vocab.strings[match_id])
                index = self.indices[key]
                at = start + index if index >= 0 else end + index
                per_token[at] = (*per_token[at], key)
        columns = doc.to_array(WRITTEN)
        merged = _bounded(self._merged)
        for i, keys in enumerate(per_token):
            if keys:
                sets = merged.get(keys)
                if sets is None:
                    sets = merged[keys] = self._merge(keys)
                row = columns[i]
                for column, value in sets:
                    row[column] = value
        doc.from_array(WRITTEN, columns)
        return doc


class TabledLemmatizer:
    """spaCy's rule or lookup Lemmatizer, asked once per distinct (ORTH, POS, MORPH).

    The table keeps lemmas as text and adds them to the doc's strings each time: inside
    ``nlp.memory_zone()`` (kg parses every batch in one) a string added is dropped when the zone
    ends, and a hash kept from an earlier batch would name nothing.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.overwrite = bool(lemmatizer.overwrite)
        self._lemmas: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Any) -> Any:
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        known, add = _bounded(self._lemmas), doc.vocab.strings.add
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not self.overwrite:
                continue
            text = known.get((orth, pos, morph))
            if text is None:
                text = known[orth, pos, morph] = self.lemmatizer.lemmatize(doc[i])[0]
            lemmas[i] = add(text)
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def _bounded(table: dict[Any, Any]) -> dict[Any, Any]:
    """The table, emptied first once it holds MAX_ENTRIES (so memory stays flat over any corpus)."""
    if len(table) >= MAX_ENTRIES:
        table.clear()
    return table
