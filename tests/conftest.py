"""Shared fixtures (the only place fixtures live)."""
from __future__ import annotations

import spacy
import pytest

import nlp.extensions  # noqa: F401
import nlp.pipeline  # noqa: F401
import nlp.tokenizer  # noqa: F401


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", help="also run the slow tests (model training)")


def pytest_collection_modifyitems(config, items):
    """Skip the tests marked ``slow`` unless ``--slow`` is given."""
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def zh_jieba():
    """A blank pipeline with the jieba segmenter and no stages."""
    return spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "zh_news.Tokenizer.v1", "segmenter": "jieba"}}})


@pytest.fixture(scope="session")
def extractor():
    """The shipped default pipeline, loaded once."""
    import nlp

    return nlp.load()


def _jieba_pipeline(*stages: str):
    from nlp.language import create

    return create(segmenter="jieba", pipes=stages)


@pytest.fixture(scope="session")
def rules_nlp():
    """The four rule stages (places, orgs, titles, person cues) on jieba, no model."""
    return _jieba_pipeline("zh_news_places", "zh_news_orgs", "zh_news_titles", "zh_news_person_cues")


@pytest.fixture(scope="session")
def places_nlp():
    """The places stage alone on jieba."""
    return _jieba_pipeline("zh_news_places")
