"""The command line starts light: torch (which thinc imports when the train extra is
installed) is never imported by ``extract``, and one tagger instance serves the pipeline."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _imports(args, stdin):
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "nlp", *args], cwd=ROOT, env=ENV,
                         input=stdin, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout, {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()
                        if line.startswith("import time:")}


def test_extract_never_imports_torch():
    out, modules = _imports(["extract", "-q"], "国家统计局局长康义说，羚锐公司的营收增长7.2%。\n")
    assert '"label": "PERSON", "text": "康义"' in out
    assert "spacy" in modules and "onnxruntime" in modules  # the pipeline did load
    assert not any(m.startswith("torch.") for m in modules)  # an import of torch that failed at once
    # jieba's flags are read from its dictionary: no part-of-speech tagger, no HMM tables, and
    # none of the previous spaCy model's layers
    assert "jieba.posseg" not in modules and "nlp.pipeline.char_features" not in modules


def test_hide_torch_keeps_an_imported_torch():
    code = ("import sys, types; sys.modules['torch'] = types.ModuleType('torch');"
            "from nlp.extract import hide_torch; hide_torch(); print(sys.modules['torch'] is not None)")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
    assert run.stdout.split() == ["True"], run.stderr


def test_tokenizer_and_ner_share_one_tagger():
    code = ("import gc, nlp; from nlp.tagging.model import JointTagger; ex = nlp.load(); ex('康义说。');"
            "print(sum(isinstance(o, JointTagger) for o in gc.get_objects()))")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)
    assert run.stdout.split() == ["1"], run.stderr[-2000:]
