"""The process holds at most one jieba dictionary, cached in the project's folder, and jieba is quiet.

The default pipeline segments with the joint tagger, so it should not load jieba at all;
``segmenter="jieba"`` loads exactly one dictionary.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import gc, sys
import jieba
import nlp
from nlp.lexicon import words
extractor = nlp.load(segmenter=sys.argv[1])
extractor("国家统计局局长康义说，保险公司和羚锐公司的营收增长7.2%。")
loaded = [o for o in gc.get_objects() if isinstance(o, jieba.Tokenizer) and o.initialized]
print(len(loaded), all(o.tmp_dir == str(words.cache_dir()) for o in loaded),
      (words.cache_dir() / "jieba.cache").exists())
"""


def _run(segmenter):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", SCRIPT, segmenter], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Prefix dict" not in run.stderr and "Loading model" not in run.stderr  # jieba's log is silenced
    return run.stdout.split()


def test_default_pipeline_loads_no_jieba_dictionary():
    assert _run("tagger")[0] == "0"


def test_jieba_segmenter_loads_one_dictionary_in_the_project_cache():
    assert _run("jieba") == ["1", "True", "True"]
