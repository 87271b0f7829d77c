"""Language knowledge with no spaCy: lexicons and the finders that read text with them.

One module per kind of knowledge, each with one loader per data file of ``nlp/data``
(loaded on first use and cached):

- ``gazetteer``: the division gazetteer, foreign places, locations (lookups by name/code);
- ``words``: jieba's dictionary (the one instance the process holds) and word flags;
- ``names``: surnames and the shape of a Chinese name;
- ``titles``: the title lexicon and grammar, and the TITLE finder;
- ``places``: the place finder (GPE with division codes, LOC);
- ``addresses``: an address string's chain of units by the gazetteer (gold drafts, benchmark);
- ``orgs``: organisation lists, suffixes and the ORG finder;
- ``people``: PERSON from cues (titles, appointments, dotted foreign names);
- ``numbers``: DATE / MONEY / PERCENT / QUANTITY with values;
- ``model_spans``: repairs of the statistical model's spans;
- ``relations``: person_title and city_province over entities.

Finders take a text, its word boundaries and the entities found before them, and return
``Ent`` candidates; the spaCy components in ``nlp/pipeline`` are thin adapters over them.
"""
