"""The process holds one jieba dictionary, cached in the project's folder, and jieba is quiet."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import gc, sys
import jieba
import nlp
from nlp.lexicon import words
extractor = nlp.load()
extractor("国家统计局局长康义说，保险公司和羚锐公司的营收增长7.2%。")
loaded = [o for o in gc.get_objects() if isinstance(o, jieba.Tokenizer) and o.initialized]
print(len(loaded), jieba.dt.initialized, jieba.dt.tmp_dir == str(words.cache_dir()),
      (words.cache_dir() / "jieba.cache").exists())
"""


def test_words_one_jieba_dictionary_in_the_project_cache():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["1", "True", "True", "True"]
    assert "Prefix dict" not in run.stderr and "Loading model" not in run.stderr  # jieba's log is silenced
