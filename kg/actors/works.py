"""Creative works and bands: what the words around a name tell when it is a title or a group of people.

Entertainment news names films, songs, albums, shows, books and games, and the bands that
make them; the NER types most of them Person, Place or Organization. These rules, all of
news style and English grammar, give hints that mentions.py turns into types:

- "work" (type CreativeWork, see kg.models): a title is the head of a noun phrase whose
  work noun stands just before it ("the single So High", "her 2000 album Drama", "the top
  five hit Money", "the song "Money""; evidence.py) or in apposition to it ("her next
  single, Superstar, ...", "Killamangiro, their last single, ..."), or is the subject of a
  copula with a work noun ("Thank You is her biggest single"). A title runs whole across
  capitalised words, digits, "'s" and the small words of titles ("Carry On at your
  Convenience", "See It In A Boy's Eyes", "Revenge of the Sith"), up to a comma or the next
  name of another kind (`title_spans`), in quotes up to the closing quote. A title is never
  a modifier of a noun after it ("a single AAA battery").
- "organisation" (a band is an Organization, as schema.org's MusicGroup is one; kg's Group
  is a nationality or other NORP): a band member's noun after the name ("Libertines
  frontman Pete Doherty", "Clash guitarist Mick Jones"); a plural verb after a name that
  is no plural ("Keane have sold", "Keane, who are ..."); a band noun as its copula's complement
  ("Franz Ferdinand were the only UK band"); a name among acts or bands
  ("Keane are among the acts", "bands such as Keane"); a relative clause on "which" ("Babyshambles,
  which he formed"), never said of a person.

Pure functions of a parsed doc and a token span.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .evidence import ENSEMBLE_NOUNS, WORK_NOUNS

# Nouns of band members: the name right before one is the band ("Libertines frontman Pete Doherty").
MEMBER_NOUNS = frozenset(
    {"frontman", "frontwoman", "guitarist", "bassist", "drummer", "keyboardist", "vocalist", "singer"}
)  # fmt: skip
# Nouns of kinds of work, besides evidence.WORK_NOUNS: "the comedy Bless This House", "the 1979 masterpiece Stalker".
GENRE_NOUNS = frozenset(
    {"track", "comedy", "drama", "thriller", "sequel", "blockbuster", "programme", "soap", "serial", "ballad",
     "anthem", "memoir", "cartoon", "masterpiece", "miniseries", "franchise"}
)  # fmt: skip
VOICE_NOUNS = frozenset({"singer", "vocalist"})  # also of a solo singer's home: a band only when named as a group
FRONT_NOUNS = frozenset({"frontman", "frontwoman"})  # only a band has one, never a person
# Work nouns that the tagger often reads as adjectives or verbs ("her next single", "the top five hit").
LOOSE_WORK_NOUNS = frozenset({"single", "hit", "musical"})
TITLE_NOUNS = WORK_NOUNS | GENRE_NOUNS | LOOSE_WORK_NOUNS
# Lower-case words inside a title between capitalised words ("Revenge of the Sith", "Carry On at your Convenience").
TITLE_SMALL_WORDS = frozenset(
    {"of", "the", "a", "an", "at", "in", "on", "to", "for", "from", "with", "your", "my", "his", "her", "our",
     "their", "me", "you", "'s", "’s"}
)  # fmt: skip
# Prepositions that open a place or time after a title, unless a possessive follows ("at your Convenience").
PLACE_WORDS = frozenset({"at", "in", "on", "to", "for", "from", "with"})
TITLE_MARKS = frozenset({":", "-", "–"})  # "Star Wars: Episode III - Revenge of the Sith"
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
MAX_TITLE = 10
NP_OPENERS = frozenset({"DT", "PRP$", "POS"})
POSSESSIVE_WORDS = frozenset({"my", "your", "his", "her", "its", "our", "their"})  # the tagger reads "her" as PRP too
NP_WORDS = frozenset({"JJ", "JJS", "JJR", "NN", "NNP", "CD", "HYPH"})


def work_noun(tok: Any) -> bool:
    """A lower-case work noun opening a noun phrase: 'the', 'her' or a possessive, then adjectives and nouns
    ("her 2000 album", "the top five hit", "Foxx's movie"; not "a downloaded movie")."""
    if tok.lower_ not in TITLE_NOUNS or not tok.text.islower():
        return False
    if tok.tag_ != "NN" and tok.lower_ not in LOOSE_WORK_NOUNS:
        return False
    if tok.tag_.startswith("VB") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False  # "the storm hit Boston": a verb
    return _opens_phrase(tok)


def _opens_phrase(tok: Any, *, listed: bool = False) -> bool:
    """The noun opens its noun phrase: after 'the', 'her', a possessive or the sentence's start, with adjectives
    and nouns between; `listed`: also after 'and', a comma or a preposition ("The Killers and dance act The
    Prodigy")."""
    doc, j, start, named = tok.doc, tok.i - 1, tok.sent.start, False
    while j >= start and doc[j].lower_ not in ("the", "a", "an") and (doc[j].tag_ in NP_WORDS or _hyphenated(doc, j)):
        named = named or doc[j].tag_ == "NNP"  # "BBC mini-series The Cazalets"
        j -= 1
    opener = doc[j].tag_ in NP_OPENERS or doc[j].dep_ == "poss" or doc[j].lower_ in POSSESSIVE_WORDS
    return j < start or opener or ((named or listed) and doc[j].tag_ in ("IN", "CC", ","))


def band_noun(tok: Any) -> bool:
    """A lower-case band noun opening a noun phrase, also in a list: "rock band", "dance act"."""
    return tok.lower_ in ENSEMBLE_NOUNS and tok.tag_ == "NN" and tok.text.islower() and _opens_phrase(tok, listed=True)


def band_spans(doc: Any) -> Iterator[tuple[int, int]]:
    """Bands the NER missed after a band noun: 'dance act The Prodigy', 'the band Razorlight'."""
    named = {i for e in doc.ents for i in range(e.start, e.end)}
    for tok in doc:
        if not band_noun(tok):
            continue
        start = end = tok.i + 1
        while end < len(doc) and end - start < 5 and end not in named and doc[end].text[:1].isupper():
            if doc[end].pos_ != "PROPN" and not (end == start and doc[end].text == "The"):
                break
            end += 1
        if (
            end > start
            and doc[end - 1].pos_ == "PROPN"
            and not (doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end)
        ):
            yield start, end


def _hyphenated(doc: Any, j: int) -> bool:
    """A word of a hyphenated adjective: 'well-loved', 'long-awaited' (not 'a downloaded movie')."""
    return (j > 0 and doc[j - 1].tag_ == "HYPH") or (j + 1 < len(doc) and doc[j + 1].tag_ == "HYPH")


def work_hints(doc: Any, start: int, end: int) -> set[str]:
    """'work' or 'organisation' for the name at tokens [start, end) (see the module docstring)."""
    hints: set[str] = set()
    head = doc[end - 1]
    if head.dep_ in ("compound", "amod") and head.head.i >= end and head.head.lower_ not in MEMBER_NOUNS:
        return hints  # a modifier of a noun after it: "a single AAA battery", "the Carry On films"
    before = start - 1
    while before >= 0 and (doc[before].text in QUOTES or doc[before].text in ("The", "A", "An")):
        before -= 1  # 'the song "Money"', "the musical The Producers"
    if before >= 0 and band_noun(doc[before]):
        hints.add("organisation")  # "The Killers and dance act The Prodigy"
    if before >= 0 and work_noun(doc[before]):
        hints.add("work")  # also the tagger's adjective or verb: "her next single Superstar", "the top five hit Money"
    quoted = start > 0 and end < len(doc) and doc[start - 1].text in QUOTES and doc[end].text in QUOTES
    if quoted and doc[start].ent_type_ == "WORK_OF_ART":
        hints.add("work")  # 'sang "Money"': the NER's title, in quotes of its own
    if _in_apposition(doc, start, end) or _copula_work(head):
        hints.add("work")
    member = end < len(doc) and doc[end].lower_ in MEMBER_NOUNS and head.dep_ == "compound" and head.head.i == end
    full_name = head.ent_type_ == "PERSON" and end - start > 1  # "Elvis Presley guitarist Scotty Moore"
    fronted = end < len(doc) and doc[end].lower_ in FRONT_NOUNS  # "Franz Ferdinand frontman Alex Kapranos"
    sings = end < len(doc) and doc[end].lower_ in VOICE_NOUNS  # "Devon singer Joss Stone": a place, as often
    grouped = head.ent_type_ in ("ORG", "NORP") or head.tag_ == "NNPS"  # "the former Libertines singer"
    if member and head.ent_type_ not in ("GPE", "LOC", "FAC") and (fronted or not full_name) and (grouped or not sings):
        hints |= {"organisation", "band"}  # "Libertines frontman Pete Doherty" (NER: a NORP, a Group)
    if _plural_verb(head) or _among_bands(head) or _which_clause(doc, head, end) or _copula_band(head):
        hints.add("organisation")
    return hints


def _in_apposition(doc: Any, start: int, end: int) -> bool:
    """'her next single, Superstar, that ...' and 'Killamangiro, their last single, which ...'."""
    after = doc[end] if end < len(doc) else None
    closes = after is None or after.text in (",", ".", ";", ")") or after.lower_ in ("which", "that")
    if start >= 2 and doc[start - 1].text == "," and closes and work_noun(doc[start - 2]):
        return True
    if after is None or after.text != "," or end + 1 >= len(doc):
        return False
    for j in range(end + 1, min(end + 7, len(doc))):
        tok = doc[j]
        if tok.tag_ not in NP_WORDS | NP_OPENERS | {"NNP", "NNS"} and tok.lower_ not in POSSESSIVE_WORDS:
            return False  # "Paramount Pictures, the studio behind the film": the film is not its head
        if tok.lower_ in TITLE_NOUNS and tok.text.islower():
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            heads_it = nxt is None or nxt.tag_ not in ("NN", "NNS", "NNP", "POS")
            return heads_it and doc[end + 1].tag_ in NP_OPENERS | {"NNP"} and work_noun(tok)
    return False


def _copula_work(head: Any) -> bool:
    """'Thank You is her biggest single': a work noun as the complement of the name's copula."""
    if head.dep_ != "nsubj" or head.head.lemma_ != "be":
        return False
    attrs = [c for c in head.head.children if c.dep_ == "attr" and c.lower_ in TITLE_NOUNS]
    return any(not any(c.dep_ == "prep" and c.lower_ == "of" for c in a.children) for a in attrs)


def _copula_band(head: Any) -> bool:
    """'Franz Ferdinand were the only UK band to win': a band noun as the complement of the name's copula."""
    if head.dep_ != "nsubj" or head.head.lemma_ != "be":
        return False
    return any(c.dep_ == "attr" and c.lemma_.lower() in ENSEMBLE_NOUNS - {"act"} for c in head.head.children)


def _plural_verb(head: Any) -> bool:
    """'Keane have sold', 'Keane, who are ...': 'are' or 'have' after a name that is no plural or list (not
    any plural verb: 'Devon, beat' is a misparse, "Bill don't" is speech)."""
    listed = any(t.dep_ in ("conj", "cc", "appos") for t in head.subtree if t.i != head.i)
    if head.tag_ != "NNP" or listed or head.dep_ in ("conj", "appos"):
        return False  # "Michael Jackson, Billy Joel, Jay-Z and Beyonce are", "Knight and ... Roni Size have"
    subject = head
    if head.dep_ not in ("nsubj", "nsubjpass"):
        who = [c for c in head.children if c.dep_ == "relcl"]
        subjects = [s for r in who for s in r.children if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ == "who"]
        if not subjects:
            return False
        subject = subjects[0]
    verb = subject.head
    finite = min([verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))], key=lambda t: t.i)
    return bool(finite.tag_ == "VBP" and finite.lemma_ in ("be", "have") and subject.i < finite.i)


def _which_clause(doc: Any, head: Any, end: int) -> bool:
    """'Babyshambles, which he formed ..., played': a relative clause on 'which' after a subject is about no person."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "which" or head.tag_ != "NNP":
        return False
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False  # "a trumpet which belonged to Dizzy Gillespie, which is expected to fetch ...": the trumpet
    return any(c.dep_ == "relcl" and doc[end + 1].head.i == c.i for c in head.children)


def _among_bands(head: Any) -> bool:
    """'Keane are among the acts', 'bands such as Keane', 'acts including Keane': one of the bands."""
    first = head
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ in ("nsubj",) and first.head.lemma_ == "be":
        for prep in first.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "among":
                return any(c.dep_ == "pobj" and c.lemma_.lower() in ENSEMBLE_NOUNS for c in prep.children)
    if first.dep_ == "pobj" and first.head.lower_ in ("as", "including", "like"):
        noun = first.head.head.head if first.head.head.lower_ == "such" else first.head.head
        return noun.tag_ == "NNS" and noun.lemma_.lower() in ENSEMBLE_NOUNS
    return False


def title_spans(doc: Any) -> Iterator[tuple[int, int]]:
    """Token spans of titles after a work noun: 'the song See It In A Boy's Eyes', 'the song "Money"'."""
    for tok in doc:
        if not work_noun(tok) or tok.i + 1 >= len(doc):
            continue
        start = tok.i + 1
        if doc[start].text in QUOTES:
            ends = range(start + 1, min(start + MAX_TITLE + 2, len(doc)))
            close = next((j for j in ends if doc[j].text in QUOTES), 0)
            if close > start + 1 and doc[start + 1].text[:1].isupper():
                yield start + 1, close
            continue
        end = _title_end(doc, start)
        last = doc[end - 1]
        if end > start and not (last.dep_ in ("compound", "amod") and last.head.i >= end):
            yield start, end  # not "the hit TV show": a modifier is no title


def _title_end(doc: Any, start: int) -> int:
    """The end of a title-case run from `start` (0 when none starts there)."""
    end = start
    j = start
    while j < len(doc) and j - start < MAX_TITLE:
        tok = doc[j]
        if tok.text[:1].isupper() or (tok.like_num and j > start):
            end = j + 1
        elif tok.lower_ in PLACE_WORDS and not (j + 1 < len(doc) and doc[j + 1].lower_ in POSSESSIVE_WORDS):
            break  # "the film Ray at Cannes", "in London": a place or time; "Carry On at your Convenience" goes on
        elif not ((tok.lower_ in TITLE_SMALL_WORDS or tok.text in TITLE_MARKS) and j > start):
            break
        j += 1
    if end > start:
        ent = next((e for e in doc.ents if e.start == start), None)
        end = max(end, ent.end) if ent is not None else end  # "Mind, Body & Soul": the NER's longer span
    return end
