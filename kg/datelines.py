"""News-agency datelines: "LONDON, March 3 - Britain said ..." names where the story was filed.

A dateline is no part of the first sentence: read as text, "LONDON" becomes the subject of
whatever the sentence says ("LONDON is seeking a credit line"). The loader reads it as the
article's place (``kg:dateline``) and gives the extractor the text after it.
"""

from __future__ import annotations

import re

_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-zA-Z]*\.?"
_WORD = r"[A-Z][A-Za-z.'&/-]*"
_PLACE = rf"{_WORD}(?: {_WORD}| de| del| da| do| la| el| am| upon| on){{0,4}}"
# PLACE[, REGION[, COUNTRY]][,] MONTH DAY[, Reuter][,] - text
_DATELINE = re.compile(
    rf"\A\**(?P<place>{_PLACE})(?P<region>(?: ?, ?{_PLACE}){{0,2}}) ?,? ?"
    rf"(?P<day>{_MONTH} ?\d{{1,2}}|\d{{1,2}} {_MONTH})"
    r"(?:, ?Reuters?)?,? ?-{1,2} +(?=\S)"
)
MAX_PLACE_CHARS = 40


def split_dateline(text: str) -> tuple[str | None, str]:
    """(place of the dateline, the text after it), or (None, text) when it opens with none.

    >>> split_dateline("LONDON, March 3 - Britain said ...")
    ('London', 'Britain said ...')
    >>> split_dateline("VANCOUVER, British Columbia, March 17 - MacMillan Bloedel said ...")
    ('Vancouver', 'MacMillan Bloedel said ...')
    >>> split_dateline("OKLAHOMA CITY, Okla. March 11, Reuter - Robert Empie said ...")
    ('Oklahoma City', 'Robert Empie said ...')
    >>> split_dateline("Ministers met in London on March 3 - and agreed.")
    (None, 'Ministers met in London on March 3 - and agreed.')
    """
    match = _DATELINE.match(text)
    if match is None or len(match.group("place")) > MAX_PLACE_CHARS:
        return None, text
    place = match.group("place")
    if place.isupper():
        place = " ".join(word.capitalize() for word in place.split())
    return place, text[match.end() :]


# Reuters marks a company's ticker after its name ("CSR Ltd <CSRA.S> said"). Read as text, a ticker
# becomes a word of the sentence: "CSRA.S said", "MNRA.S offers 3.50 dlrs". A name it has no ticker
# for stays in its brackets ("<Rainbow Corp Ltd>."): the bracket keeps "Ltd." from hiding the full stop.
_TICKER = re.compile(r" ?<[A-Z0-9][A-Z0-9.&/-]{0,11}>")


def strip_tickers(text: str) -> str:
    """The text without ticker marks; before a full stop a space stays, so "Ltd ." still ends the sentence.

    >>> strip_tickers("CSR Ltd <CSRA.S> said it plans to offer 3.50 dlrs a share for Monier Ltd <MNRA.S>. It")
    'CSR Ltd said it plans to offer 3.50 dlrs a share for Monier Ltd . It'
    >>> strip_tickers("CTC said <Canadian Tire Corp Ltd> shareholders did not extend it; 2 < 3 > 1.")
    'CTC said <Canadian Tire Corp Ltd> shareholders did not extend it; 2 < 3 > 1.'
    """
    return _TICKER.sub(lambda m: " " if text.startswith(".", m.end()) else "", text)
