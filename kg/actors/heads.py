"""Head words of organisation names: the last word tells what kind of organisation it is.

"Foreign Ministry" is a government body, "Red Army" a military one, "Monier Ltd" and
"Barclays Bank" companies; a public bank ("World Bank", "Asian Development Bank", "European
Central Bank") is an organisation, no company. ORG_HEADS are all the words that end an
organisation's name, also inside a person's title ("Senate Banking Committee Chairman").
"""

from __future__ import annotations

from ..models import COMPANY, GOVERNMENT_BODY, MILITARY, ORGANIZATION

GOVERNMENT_HEADS = frozenset(
    {"ministry", "department", "council", "administration", "government", "parliament", "cabinet",
     "commission", "senate", "congress", "assembly", "office", "treasury", "executive", "authority",
     "court", "police", "kremlin", "duma", "rada", "presidency", "commons", "lords", "secretariat",
     "bureau", "directorate"}
)  # fmt: skip
MILITARY_HEADS = frozenset(
    {"army", "forces", "force", "navy", "military", "command", "brigade", "battalion", "regiment",
     "corps", "guard", "guards", "troops", "staff", "militia"}
)  # fmt: skip
COMPANY_HEADS = frozenset(
    {"bank", "corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "plc", "company", "co",
     "co.", "holdings", "llc", "gmbh", "ag", "airlines", "airways", "motors", "group", "industries",
     "energy", "oil", "telecom"}
)  # fmt: skip
# Words before "Bank" that make it a public institution, not a company ("World Bank").
INSTITUTION_BANKS = frozenset({"world", "development", "central", "reserve", "investment"})
# Last words of names that name an organisation (also inside a person's title).
ORG_HEADS = (
    GOVERNMENT_HEADS | MILITARY_HEADS | COMPANY_HEADS
    | {"association", "institute", "committee", "federation", "union", "party", "foundation", "society",
       "club", "league", "organisation", "organization", "agency", "board", "fund", "trust", "university",
       "college", "school", "centre", "center", "forum", "council", "confederation", "alliance"}
)  # fmt: skip


def org_type(name: str) -> str:
    """Organization subtype by the name's head (last) word."""
    words = name.lower().split()
    if not words:
        return ORGANIZATION
    if words[-1] in GOVERNMENT_HEADS or "ministry" in words or "department" in words:
        return GOVERNMENT_BODY
    if words[-1] in MILITARY_HEADS:
        return MILITARY
    if words[-1] == "bank" and len(words) > 1 and words[-2] in INSTITUTION_BANKS:
        return ORGANIZATION  # "World Bank", "Asian Development Bank", "European Central Bank": no company
    if words[-1] in COMPANY_HEADS:
        return COMPANY
    return ORGANIZATION
