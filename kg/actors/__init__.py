"""Actors: who is named in the articles, one node per real-world actor.

Three stages, each importing only the ones before it:

1. mentions (`mentions.py`, with `names.py` and `gazetteer.py`): the names in one parsed
   article, cleaned and typed.
2. within the article (`clusters.py` names, `roles.py` titles and role nouns, `kinds.py` "the company",
   `pronouns.py`, joined by `coref.py`): which mentions are one actor;
   `coref.find_entities(doc)` is the entry point.
3. across articles (`resolve.py`): which article-level entities are one actor;
   `resolve.resolve(extractions)` is the entry point.
"""
