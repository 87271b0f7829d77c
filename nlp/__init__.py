"""zh_news: Chinese news information extraction (entities, values, relations) on spaCy.

    import nlp
    extractor = nlp.load()
    doc = extractor("武汉市委副书记、市长李明出席会议。")
    [(e.text, e.label_) for e in doc.ents]; doc._.relations
"""
from __future__ import annotations

import functools

__version__ = "0.1.0"


def load(segmenter: str = "tagger"):
    """Load the shipped default pipeline (offline). RETURNS a spaCy ``Language``.

    segmenter (str): "tagger" (default: the joint tagger's word head, one model pass
        with its names), "pkuseg" (the trained pkuseg model), "jieba" or "char".
    """
    from .language import create

    return create(segmenter=segmenter)


__all__ = ["load", "__version__"]
