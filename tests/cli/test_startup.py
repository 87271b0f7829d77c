"""The command line starts light: torch (which thinc imports when the train extra is
installed) and spaCy's own command line (``spacy.cli``) are never imported by ``extract``,
and one tagger instance serves the pipeline."""
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
    # spaCy without its command line, and the default segmenter without pkuseg's downloader
    assert not {"spacy.cli", "requests", "typer", "spacy_pkuseg"} & modules


def test_extract_workers_leave_out_spacy_cli():
    text = "国家统计局局长康义说，羚锐公司的营收增长7.2%。\n武汉市委副书记、市长李明出席会议。\n"
    out, modules = _imports(["extract", "-q", "--n-process", "2"], text)  # the workers' imports too
    assert out == _imports(["extract", "-q"], text)[0]
    assert '"label": "PERSON", "text": "康义"' in out
    assert "spacy" in modules and "spacy.cli" not in modules


def test_spacy_cli_still_imports_after_import_spacy_without_cli():
    code = ("import sys; from nlp.extract import import_spacy_without_cli; import_spacy_without_cli();"
            "import spacy; print('spacy.cli' in sys.modules, hasattr(spacy, 'cli'));"
            "import spacy.cli; print(callable(spacy.cli.setup_cli), spacy.cli.info.__module__);"
            "print(spacy.info(silent=True)['spacy_version'] == spacy.__version__)")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
    assert run.stdout.split() == ["False", "False", "True", "spacy.cli.info", "True"], run.stderr[-2000:]


def test_extract_output_same_as_with_spacy_cli(tmp_path):
    """The command line's output is the library's, in a process that imported spaCy whole."""
    src = tmp_path / "in.txt"
    src.write_text("武汉市委副书记、市长李明出席会议。2021年3月5日，青岛市新增5G基站1.2万个。\n", encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "nlp", "extract", "-q", str(src)], cwd=ROOT, env=ENV,
                         capture_output=True, text=True, timeout=600)
    code = ("import io, sys, spacy.cli, nlp; from nlp.extract import extract, load_pipeline;"
            "from nlp.io.documents import read_documents; from nlp.io.records import write_jsonl;"
            f"write_jsonl(extract(load_pipeline(nlp.load), read_documents([{str(src)!r}])), sys.stdout)")
    lib = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)
    assert cli.returncode == 0 and lib.returncode == 0, cli.stderr[-2000:] + lib.stderr[-2000:]
    assert cli.stdout == lib.stdout and '"text": "李明"' in cli.stdout


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


def test_collector_paused_freezes_and_restores():
    import gc

    from nlp.extract import collector_paused

    try:
        assert gc.isenabled()
        try:
            with collector_paused():
                assert not gc.isenabled()
                raise KeyError("load failed")
        except KeyError:
            pass
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
