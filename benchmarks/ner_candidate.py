"""Score a trained NER model as the pipeline would use it, on the splits we may choose by.

    python benchmarks/ner_candidate.py build/ner_vec/model/model-best [--name vec]

Runs ``python -m nlp evaluate`` with the candidate in place of models/ner (through
``NLP_MODELS_DIR``, a folder of links beside the shipped segmenter) on:

- corpora/gold/dev.jsonl (our dev gold, all labels, pipeline);
- the MSRA dev split (2,000 sentences of MSRA train never trained on; MSRA label mapping);
- Resume test PERSON and Weibo test, which show how names generalise off MSRA's domain
  (both have been used to choose between variants, so they are no longer clean measures);
- PERSON recall on the people of the DuIE sample's triples (benchmarks/duie_recall.py),
  modern web and news text.

MSRA test is not read: it is reported by benchmarks/ner_msra.py for the chosen model only.
Writes logs/ner_candidate_<name>.txt.
"""
from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks._common import SHARED  # noqa: E402


def msra_dev_file(path: Path) -> Path:
    """Write the MSRA dev split as a char-per-line BIO file (once)."""
    if path.exists():
        return path
    from nlp.training.ner import msra_split

    dev, _ = msra_split(SHARED / "corpora")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for text, spans in dev:
            tags = ["O"] * len(text)
            for s, e, label in spans:
                tags[s:e] = [f"B-{label}"] + [f"I-{label}"] * (e - s - 1)
            f.write("".join(f"{c}\t{t}\n" for c, t in zip(text, tags)) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path)
    ap.add_argument("--name", help="label for the log file (default: the model's parent folder)")
    args = ap.parse_args()
    name = args.name or args.model.resolve().parent.parent.name
    corpora = SHARED / "corpora"
    sets = [("dev gold (pipeline)", ROOT / "corpora/gold/dev.jsonl", []),
            ("MSRA dev split, 2000 sentences never trained on (pipeline, MSRA mapping)",
             msra_dev_file(ROOT / "build/msra_dev_split_bio.txt"), []),
            ("Resume test PERSON (pipeline)", corpora / "resume_ner/test.char.bmes", ["--labels", "PERSON"]),
            ("Weibo test names (pipeline)", corpora / "weibo_ner/weiboNER_2nd_conll.test", [])]
    with tempfile.TemporaryDirectory() as tmp:
        for item in ("pkuseg.tar.xz", "README.md"):
            os.symlink(ROOT / "models" / item, Path(tmp) / item)
        os.symlink(args.model.resolve(), Path(tmp) / "ner")
        env = {**os.environ, "NLP_MODELS_DIR": tmp}
        out = [f"# candidate {name}: {args.model} ({datetime.datetime.now():%Y-%m-%d %H:%M})"]
        for title, gold, extra in sets:
            res = subprocess.run([sys.executable, "-m", "nlp", "evaluate", str(gold), *extra],
                                 env=env, cwd=ROOT, capture_output=True, text=True, check=True)
            out += [f"## {title}", res.stdout.strip()]
            print("\n".join(out[-2:]), flush=True)
        res = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "duie_recall.py"), "--no-write"],
                             env=env, cwd=ROOT, capture_output=True, text=True, check=True)
        out += ["## DuIE people, organisations, places: recall (pipeline)", res.stdout.strip()]
        print("\n".join(out[-2:]), flush=True)
    log = ROOT / "logs" / f"ner_candidate_{name}.txt"
    log.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"-> {log}")


if __name__ == "__main__":
    main()
