"""Map a relation's lemma phrase, and the types of its arguments, to the controlled predicates.

The vocabulary lives in ontology/predicates.ttl (its header documents the rules): each
predicate lists trigger lemma phrases, passive triggers, and the types its subject and
object may have. The first phrase (the whole lemma phrase, then shorter forms) that is a
trigger decides the sense; of the predicates it triggers, the first whose argument types
fit is taken. A phrase that matches no trigger, or whose predicates do not fit the
arguments, becomes an open predicate ("open:<slug>"), never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from ..models import ENTITY_TYPES
from ..vocab import KG, PRED, ontology_dir, slug

OPEN_PREFIX = "open:"
# Words dropped from a lemma phrase before trying again: auxiliaries and modal verbs.
DROPPABLE = frozenset(
    {"be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "not", "to"}
)
# Particles, prepositions and complementisers a lemma phrase may carry after its verb ("take over from",
# "agree that"); any other word there is a second verb ("help control") or a noun, and is never cut off.
PARTICLES = frozenset(
    {"up", "down", "over", "out", "off", "in", "on", "at", "to", "for", "with", "from", "by", "about", "as"}
    | {"back", "away", "into", "against", "of", "through", "forward", "ahead", "across", "around", "behind"}
    | {"under", "between", "among", "towards", "toward", "onto", "upon", "that", "if", "whether", "without"}
)
# Argument "types" besides the entity types: an object given as text, an amount, and no object at all.
TEXT = "Literal"
FIGURE = "Figure"  # "rose 30 pct", "won 52 pct of the vote": a quantity, typed kg:Figure in the ontology
NO_OBJECT = "None"
_TYPE_OF_PREFIX = {slug(t): t for t in ENTITY_TYPES}
# Adverbial particles that make a phrasal verb of their own right after the verb: "write off" a loan is
# no "write", "pay out" no "pay"; a cut may drop a preposition after them ("pay out to"), never them.
SENSE_PARTICLES = frozenset({"off", "out", "up", "down", "away", "back"})


# Complementisers: cutting one keeps the verb's sense ("say that" is "say"), cutting a preposition may not.
COMPLEMENTISERS = frozenset({"that", "if", "whether"})


@dataclass(frozen=True, slots=True)
class Sense:
    """The argument types a controlled predicate allows (None: any)."""

    subjects: frozenset[str] | None
    objects: frozenset[str] | None
    # kg:bareOnly: not reached by cutting a preposition ("add to reserves", "said in the complaint" say nothing)
    bare_only: bool = False

    def fits(self, subject: str | None, obj: str | None) -> bool:
        if self.subjects is not None and subject is not None and subject not in self.subjects:
            return False
        return self.objects is None or (obj or NO_OBJECT) in self.objects


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[str, tuple[str, ...]]  # lemma phrase -> predicate names, in file order
    passive: dict[str, tuple[str, ...]]
    senses: dict[str, Sense]
    labels: dict[str, str]
    # (trigger, predicate) pairs that select the predicate only for a clause or no object (kg:clauseTrigger)
    clause_only: frozenset[tuple[str, str]] = frozenset()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The predicate vocabulary of ontology/predicates.ttl, with the class tree of ontology/kg.ttl."""
    graph = Graph()
    graph.parse(ontology_dir() / "predicates.ttl", format="turtle")
    tree = Graph()
    tree.parse(ontology_dir() / "kg.ttl", format="turtle")
    triggers: dict[str, list[str]] = {}
    passive: dict[str, list[str]] = {}
    senses: dict[str, Sense] = {}
    labels: dict[str, str] = {}
    clause_only: set[tuple[str, str]] = set()
    # file order decides between predicates sharing a trigger; rdflib keeps no order, so read it
    text = (ontology_dir() / "predicates.ttl").read_text(encoding="utf-8")
    preds = sorted(graph.subjects(RDF.type, KG.Predicate), key=lambda p: text.find(f"kgp:{_name(p)} a "))
    for pred in preds:
        name = _name(pred)
        labels[name] = str(graph.value(pred, RDFS.label) or name)
        for prop, table in ((KG.trigger, triggers), (KG.clauseTrigger, triggers), (KG.passiveTrigger, passive)):
            for trigger in sorted(graph.objects(pred, prop), key=str):
                table.setdefault(" ".join(str(trigger).lower().split()), []).append(name)
        clause_only.update((" ".join(str(t).lower().split()), name) for t in graph.objects(pred, KG.clauseTrigger))
        subjects = _types(tree, list(graph.objects(pred, KG.subjectType)))
        objects = _types(tree, list(graph.objects(pred, KG.objectType)))
        senses[name] = Sense(subjects, objects, bool(graph.value(pred, KG.bareOnly)))
    return Lexicon(
        {k: tuple(v) for k, v in triggers.items()},
        {k: tuple(v) for k, v in passive.items()},
        senses,
        labels,
        frozenset(clause_only),
    )


def _name(pred: object) -> str:
    return str(pred)[len(str(PRED)) :]


def _types(tree: Graph, classes: list[object]) -> frozenset[str] | None:
    """The entity type names of the classes and their subclasses; Literal, Figure and None for text, an
    amount and no object."""
    if not classes:
        return None
    names: set[str] = set()
    for cls in classes:
        if cls == RDFS.Literal:
            names.add(TEXT)
        elif cls == OWL.Nothing:
            names.add(NO_OBJECT)
        elif cls == KG.Figure:
            names.add(FIGURE)
        else:
            assert isinstance(cls, URIRef)
            names.update(_local(c) for c in tree.transitive_subjects(RDFS.subClassOf, cls))
    return frozenset(n for n in names if n in ENTITY_TYPES or n in (TEXT, FIGURE, NO_OBJECT))


def _local(term: object) -> str:
    return str(term).rsplit("#", 1)[-1]


def vocabulary() -> tuple[dict[str, str], dict[str, str]]:
    """(trigger -> first predicate name, predicate name -> label), read from ontology/predicates.ttl."""
    lex = lexicon()
    return {k: v[0] for k, v in lex.triggers.items()}, lex.labels


def entity_type(key: str | None) -> str | None:
    """The entity type named by an entity key's prefix.

    >>> entity_type("person/valery-zaluzhny"), entity_type("governmentbody/cabinet")
    ('Person', 'GovernmentBody')
    """
    if key is None:
        return None
    return _TYPE_OF_PREFIX.get(key.split("/", 1)[0])


def predicate_for(
    lemma: str,
    *,
    subject: str | None = None,
    obj: str | None = None,
    object_head: str | None = None,
    passive: bool = False,
) -> str:
    """The controlled predicate name for a lemma phrase and its argument types, or an open predicate.

    subject and obj are entity type names ("Person"), "Literal" for an object given as text,
    "Figure" for an amount, None for no object; object_head is the lemma of the object's head noun.

    >>> predicate_for("turn down", obj="Concept")
    'rejects'
    >>> predicate_for("be worried about")
    'concernedAbout'
    >>> predicate_for("juggle")
    'open:juggle'
    >>> predicate_for("dismiss", subject="Person", obj="Person"), predicate_for("dismiss", obj="Concept")
    ('dismisses', 'rejects')
    >>> predicate_for("take", obj="Concept", object_head="control"), predicate_for("take", obj="Concept")
    ('wins', 'open:take')
    >>> predicate_for("accept by", passive=True)
    'open:accept-by'
    >>> predicate_for("say that", obj="Literal"), predicate_for("add to", obj="Concept")
    ('says', 'open:add-to')
    >>> predicate_for("add", obj="Literal"), predicate_for("add", obj="Concept"), predicate_for("say", obj="Concept")
    ('says', 'open:add', 'says')
    >>> predicate_for("decline", obj="Concept"), predicate_for("decline", obj="Figure"), predicate_for("decline in")
    ('rejects', 'open:decline', 'open:decline-in')
    """
    lex = lexicon()
    phrase = " ".join(lemma.lower().split())
    if not phrase:
        return OPEN_PREFIX + "related-to"
    table = lex.passive if passive else lex.triggers
    candidates = _candidates(phrase)
    if object_head:
        # a light verb takes its sense from its object: "take control", "raise concerns"
        candidates = [f"{c} {object_head.lower()}" for c in candidates[:2]] + candidates
    for candidate in candidates:
        names = table.get(candidate)
        if names is None:
            continue
        cut = phrase.split()[len(candidate.split()) :] if phrase.startswith(candidate + " ") else []
        by_preposition = any(w in PARTICLES and w not in COMPLEMENTISERS for w in cut)
        for name in names:
            if (candidate, name) in lex.clause_only and obj not in (TEXT, None):
                continue  # "added the trophy to his list" says nothing; "added that ..." does
            if lex.senses[name].fits(subject, obj) and not (by_preposition and lex.senses[name].bare_only):
                return name
        break  # the sense this phrase selects does not fit its arguments: keep the verb's own
    return OPEN_PREFIX + slug(phrase)


def _candidates(phrase: str) -> list[str]:
    """The phrase, then shorter forms: without auxiliaries, then cut from the right.

    A bare "be" is tried only when it is the whole phrase, so "be rival of" stays open. A copula keeps
    its "be": "be back in" is no "back". A cut never drops a second verb: "help control the spread"
    is no "help" (the object is the second verb's), while "take over from" may be cut to "take over".

    A phrasal particle right after the verb stays: "write off" is no "write".

    >>> _candidates("take over from"), _candidates("help control"), _candidates("be back in")
    (['take over from', 'take over', 'take'], ['help control'], ['be back in', 'be back'])
    >>> _candidates("write off"), _candidates("pay out to")
    (['write off'], ['pay out to', 'pay out'])
    """
    words = phrase.split()
    # "do" after "to" is the infinitive's verb, not an auxiliary: "agree to do" is no "agree"
    core = [w for n, w in enumerate(words) if w not in DROPPABLE or (w == "do" and words[n - 1 : n] == ["to"])]
    core = core or words
    inner = [n for n, w in enumerate(core) if n > 0 and (w not in PARTICLES or (n == 1 and w in SENSE_PARTICLES))]
    shortest = inner[-1] + 1 if inner else 1
    if words[0] == "be" and len(words) > 1:
        found = [phrase, "be " + " ".join(core)]
        found += ["be " + " ".join(core[:n]) for n in range(len(core) - 1, max(shortest, 1) - 1, -1)]
        return [c for c in dict.fromkeys(found) if c != "be"]
    found = [phrase, " ".join(core)]
    found += [" ".join(core[:n]) for n in range(len(core) - 1, shortest - 1, -1)]
    return [c for c in dict.fromkeys(found) if c != "be" or phrase == "be"]


def predicate_label(name: str) -> str:
    """The human label of a predicate name (open predicates: their lemma phrase)."""
    if name.startswith(OPEN_PREFIX):
        return name[len(OPEN_PREFIX) :].replace("-", " ")
    return lexicon().labels.get(name, name)
