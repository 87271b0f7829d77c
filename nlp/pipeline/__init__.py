"""Pipeline components, one module each; importing this package registers their factories.

Rule stages and their order (``add_entities``: an entity already on the Doc wins over a
later overlapping one, unless a stage asks ``replace_contained`` and strictly contains it):

1. ``zh_news_places`` (places.py): GPE with division codes and LOC from the gazetteer.
2. ``zh_news_orgs`` (orgs.py): ORG; reads the GPEs as anchors (湖北省 + 人民政府) and
   replaces the places inside an ORG (``replace_contained``). After places because it
   needs them, before titles so that 武汉市委书记 becomes ORG 武汉市委 + TITLE 书记.
3. ``zh_news_titles`` (titles.py): TITLE; skips text inside existing entities, so 市长
   in 南京市长江大桥 is never read, and 局长 after ORG 湖北省统计局 is.
4. ``zh_news_person_cues`` (person_cues.py): PERSON next to titles; needs the TITLEs.

5. ``zh_news_numbers`` (numbers.py): DATE/MONEY/PERCENT/QUANTITY with values; names found
   earlier win over overlapping numbers.
6. ``zh_news_ner`` (statistical_ner.py): the trained character model; fills only what the
   rules left (PERSON above all, and ORG/places no list knows).
7. ``zh_news_relations`` (relations.py): person_title and city_province from the entities.
"""
from . import char_features  # noqa: F401  (used inside the NER model)
from . import orgs, person_cues, places, titles  # noqa: F401  (rule stages)
from . import numbers  # noqa: F401  (DATE/MONEY/PERCENT/QUANTITY)
from . import relations, statistical_ner  # noqa: F401

DEFAULT_PIPELINE: tuple[str, ...] = ("zh_news_places", "zh_news_orgs", "zh_news_titles", "zh_news_person_cues",
                                    "zh_news_numbers", "zh_news_ner", "zh_news_relations")
