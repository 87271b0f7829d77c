"""How far the pkuseg model can be pruned: for each threshold, the packed size and the
agreement of the pruned model's words with the unpruned model's on MSRA train sentences
(text that neither was trained or tested on for words).

    git show 0a26508:models/pkuseg.tar.xz > /tmp/pkuseg_full.tar.xz    # the last unpruned archive
    python benchmarks/pkuseg_pruning.py /tmp/pkuseg_full.tar.xz [--sentences 4000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._common import SHARED, machine, write_result  # noqa: E402


def segmenter(archive: Path, folder: Path):
    import spacy_pkuseg

    from nlp import pkuseg_lexicon
    from nlp.shipped_models import _unpack

    _unpack(archive, folder, "benchmark")
    seg = spacy_pkuseg.pkuseg(model_name=str(folder), user_dict=None)
    pkuseg_lexicon.attach(seg, str(folder))
    return seg


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("archive", type=Path, help="an unpruned pkuseg.tar.xz")
    ap.add_argument("--sentences", type=int, default=4000)
    ap.add_argument("--thresholds", default="0.02,0.05,0.1,0.2")
    a = ap.parse_args()

    from nlp.io.corpora import read_char_tagged
    from nlp.scoring import score_segmentation
    from nlp.text import fold_width
    from nlp.training.segmenter import install

    texts = [fold_width(t) for t, _, _ in read_char_tagged(SHARED / "corpora/msra/msra_train_bio.txt")]
    texts = texts[:a.sentences]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        full_dir = tmp / "full"
        full = list(map(segmenter(a.archive, full_dir).cut, texts))
        for t in [float(x) for x in a.thresholds.split(",")]:
            packed = install(full_dir, tmp / f"t{t}", prune_below=t)
            pred = list(map(segmenter(packed, tmp / f"t{t}" / "model").cut, texts))
            r = score_segmentation(full, pred, None)
            n_bytes = packed.stat().st_size
            rows.append((t, n_bytes, 100 * r["f"], sum(x != y for x, y in zip(full, pred))))
            print(rows[-1], flush=True)
    md = ["# Pruning the pkuseg model", "",
          f"Machine: {machine()}. Command: `python benchmarks/pkuseg_pruning.py ARCHIVE` "
          f"(unpruned archive: {a.archive.stat().st_size / 1e6:.1f} MB); {len(texts)} MSRA train sentences.", "",
          "| drop features below | archive MB | word F1 vs unpruned | sentences that differ |",
          "|---:|---:|---:|---:|"]
    md += [f"| {t} | {b / 1e6:.1f} | {f:.2f} | {d} |" for t, b, f, d in rows]
    print(f"written {write_result('pkuseg_pruning.md', chr(10).join(md) + chr(10))}")


if __name__ == "__main__":
    main()
