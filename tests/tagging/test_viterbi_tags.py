"""Viterbi against brute force; tag/span conversions; sentence pieces (no model needed)."""
import itertools

import numpy as np

from nlp.tagging.sentences import pieces, sentence_cuts
from nlp.tagging.tags import NER_TAGS, SEG_TAGS, allowed_transitions, spans_to_tags, tags_to_spans, words_to_tags
from nlp.tagging.viterbi import viterbi


def _brute(em, n, trans, start, end):
    k = em.shape[1]
    return max(itertools.product(range(k), repeat=n),
               key=lambda p: start[p[0]] + end[p[-1]] + sum(em[i, p[i]] for i in range(n))
               + sum(trans[p[i], p[i + 1]] for i in range(n - 1)))


def test_viterbi_equals_brute_force_on_padded_batches():
    rng = np.random.default_rng(0)
    for _ in range(100):
        b, t, k = 4, 5, 3
        em, trans = rng.normal(size=(b, t, k)), rng.normal(size=(k, k))
        start, end = rng.normal(size=k), rng.normal(size=k)
        lengths = rng.integers(1, t + 1, size=b)
        for i, path in enumerate(viterbi(em, lengths, trans, start, end)):
            assert tuple(path) == _brute(em[i], int(lengths[i]), trans, start, end)


def test_constrained_decoding_gives_well_formed_bioes():
    trans, start, end = (np.where(x, 0.0, -1e4) for x in allowed_transitions(NER_TAGS))
    rng = np.random.default_rng(1)
    em = rng.normal(size=(8, 12, len(NER_TAGS))) * 5
    for path in viterbi(em, np.full(8, 12), trans, start, end):
        tags = [NER_TAGS[i] for i in path]
        assert spans_to_tags(12, tags_to_spans(path)) == tags


def test_span_and_word_conversions_round_trip():
    spans = [(0, 3, "ORG"), (3, 4, "LOC"), (6, 9, "PER")]
    tags = spans_to_tags(10, spans)
    assert tags[:4] == ["B-ORG", "I-ORG", "E-ORG", "S-LOC"]
    assert tags_to_spans([NER_TAGS.index(t) for t in tags]) == spans
    ids = words_to_tags(["中国", "人", "新华社"])
    assert [SEG_TAGS[i] for i in ids] == ["B", "E", "S", "B", "M", "E"]
    assert [(s, e) for s, e, _ in tags_to_spans(ids, SEG_TAGS)] == [(0, 2), (2, 3), (3, 6)]


def test_pieces_skip_whitespace_and_cut_long_text_at_sentence_ends():
    text = "第一句。 第二句！\n" + "长" * 150 + "。" + "长" * 150 + "。"
    got = pieces(text, max_len=200)
    assert all(not text[s:e].isspace() and " " not in text[s:e] for s, e in got)
    assert "".join(text[s:e] for s, e in got) == "".join(text.split())
    assert max(e - s for s, e in got) <= 200
    # never inside a span
    assert sentence_cuts("甲。乙。丙", [(0, 4, "X")], max_len=2) == [(0, 4), (4, 5)]
