"""The gender a person's first name tells, for he/she (rule 4 of coref.py).

A person whose mentions tell no gender (no "Mr", "Mrs", no "actress") gets the one their
first name tells when it is in one of the tables below: common given names of news in
English that are borne (nearly) only by men or only by women. Names borne by both ("Kim",
"Jean", "Leslie", "Andrea", "Nicola", "Robin", "Chris", "Billy") are in neither, so that "she"
never skips a woman called Kim. A first name is the first word of a name of two words or
more ("Peter Chelsom"), never a lone surname.
"""

from __future__ import annotations

from .clusters import Cluster


def _table(words: str) -> frozenset[str]:
    return frozenset(words.split())


MALE_NAMES = _table(
    """aaron adam adrian alan alastair albert alberto alexander alfred alistair allan andre andrew andy angus anthony
    antonio arnold arthur barry ben benjamin bernard bill bob bobby boris brad bradley brendan brian bruce
    bryan carl carlos charles christian christopher clive colin craig damien daniel danny darren dave david
    dean dennis derek desmond dominic don donald douglas duncan dustin eddie edward eric ernest eugene frank
    fred frederick gary gavin geoff geoffrey george gerald gerard gerhard giles gordon graham grant greg
    gregory guy harold harry henry herbert howard hugh hugo iain ian ivan jack jacques jake james jason jeff
    jeffrey jeremy jim jimmy joe joel john johnny jon jonathan jonny jose joseph juan julian justin keith ken
    kenneth kevin kieran larry len leonard lewis liam lloyd luis luke malcolm marc marco marcus mario mark
    martin matt matthew michael mick mike miles mohammed muhammad neil nicholas nick nigel norman oliver oscar
    owen patrick paul pedro pete peter phil philip phillip pierre rafael ralph ray raymond richard rick ricky
    rob robbie robert rod rodney roger ron ronald ross roy rupert russell ryan samuel scott sean sebastian
    sergei sergey simon stanley stephen steve steven stuart ted thomas tim timothy toby todd tom tommy tony
    trevor vincent vladimir walter warren wayne william willie yuri"""
)  # fmt: skip
FEMALE_NAMES = _table(
    """abigail alice alison amanda amy angela angelina anita ann anna anne annie barbara beatrice becky belinda beth
    betty beverley brenda bridget britney caroline carol carole catherine charlotte cheryl chloe christina
    christine claire clare claudia cynthia daisy dawn deborah debbie denise diana diane donna dorothy elaine
    eleanor elizabeth ellen emily emma erica esther eva eve fiona frances gemma georgia gillian gloria grace
    hannah harriet heather helen helena holly irene isabel jane janet janice jennifer jenny jessica jill joan
    joanna joanne josephine joy judith judy julia julie justine karen kate katherine kathleen kathryn katie
    kylie laura lauren linda lindsay lisa liz lois louise lucy madonna maggie margaret maria marie marion
    martha mary maureen melanie melissa michelle monica nancy natalie natasha nicole nina olivia pamela
    patricia paula pauline penny rachel rebecca rita rose rosemary ruth sally samantha sandra sarah serena
    sharon sheila shirley sophie stella stephanie sue susan suzanne tessa teresa theresa tina tracey valerie
    vanessa venus veronica victoria virginia wendy yvonne zoe"""
)  # fmt: skip


def name_gender(name: str) -> str:
    """ "m", "f" or "" for a person's name, by its first word (see the module docstring)."""
    words = name.split()
    if len(words) < 2:
        return ""
    first = words[0].lower()
    return "m" if first in MALE_NAMES else "f" if first in FEMALE_NAMES else ""


def guess_genders(clusters: list[Cluster]) -> None:
    """Give each person of unknown gender the one its fullest name's first word tells."""
    for c in clusters:
        if c.gender:
            continue
        genders = {g for m in c.mentions for g in [name_gender(m.name)] if g}
        if len(genders) == 1:
            c.gender = genders.pop()
