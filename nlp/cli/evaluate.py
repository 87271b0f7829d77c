"""``python -m nlp evaluate GOLD [--pred PRED] [--json] [--errors] [--html REPORT]``: the SPEC section 3 scores.

GOLD may be SPEC JSONL, a char-per-line BIO/BIOES/BMES file (MSRA, Resume, Weibo), CLUENER
JSON, or a segmentation gold (words separated by spaces, SIGHAN style).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError, ModelLoadError
from ..io.html_report import render_evaluation, write_report  # --html
from ..labels import RELATION_KINDS


def add_parser(sub) -> None:
    p = sub.add_parser("evaluate", help="score predictions against a gold file",
                       description=__doc__)
    p.add_argument("gold", metavar="GOLD")
    p.add_argument("--pred", metavar="PRED", help="SPEC JSONL predictions; default: run the extractor on GOLD's texts")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--errors", action="store_true", help="list every false positive (with the stage behind it) and negative, with context")
    p.add_argument("--html", metavar="REPORT", help="also write an HTML report: scores, each document's errors in context")  # --html
    p.add_argument("--labels", help="comma-separated labels to score (default: all, or those the gold file has)")
    p.add_argument("--segmenter", choices=("tagger", "pkuseg", "jieba", "char"), default="tagger")
    p.add_argument("--dict", metavar="WORDS", help="segmentation: training word list for OOV recall "
                   "(default: *_training_words.utf8 beside the gold file, if any)")
    p.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..scoring import detect_format

    gold_path = Path(args.gold)
    for name, given in (("GOLD", args.gold), ("PRED", args.pred)):
        if given is not None and not Path(given).is_file():
            reason = "is a directory, not a file" if Path(given).is_dir() else "no such file"
            print(f"error: {given}: {reason}", file=sys.stderr)
            return 2
    if args.html and not Path(args.html).absolute().parent.is_dir():  # --html: fail before the run
        print(f"error: {args.html}: cannot write: no such directory", file=sys.stderr)
        return 2
    records = {} if args.html else None  # --html: receives the gold and predicted records
    try:
        if detect_format(gold_path) == "seg":
            if args.html:  # --html
                raise ValueError(f"{args.gold}: --html reports entity evaluations, not segmentation")
            result = evaluate_segmentation(gold_path, segmenter=args.segmenter, words_path=args.dict,
                                           limit=args.limit)
            _print(result, args.json, _format_seg)
            return 0
        result, errors = evaluate(gold_path, args.pred, segmenter=args.segmenter,
                                  labels=args.labels.split(",") if args.labels else None,
                                  limit=args.limit, want_errors=args.errors,
                                  records=records)  # --html
    except (InputError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except ModelLoadError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except OSError as e:  # unreadable (permissions, an I/O error)
        print(f"error: {e.filename or args.gold}: cannot read: {e.strerror or e}", file=sys.stderr)
        return 2
    if args.errors:
        for err in errors:
            print(json.dumps(err, ensure_ascii=False))
    _print(result, args.json, _format_entities)
    if args.html:  # --html
        try:
            write_report(args.html, render_evaluation(records["gold"], records["pred"], result,
                                                      source=f"{args.gold} against {args.pred or 'the extractor'}"))
        except OSError as e:
            print(f"error: {args.html}: cannot write: {e.strerror or e}", file=sys.stderr)
            return 2
    return 0


def evaluate(gold_path, pred_path=None, *, segmenter="tagger", labels=None, limit=0,
             want_errors=False, records: dict | None = None) -> tuple[dict, list]:
    """Score a prediction file (or a fresh run) against ``gold_path``. RETURNS (scores, errors).

    records (dict): if given, receives ``gold`` and ``pred``, the scored records (for --html).
    """
    from ..scoring import read_gold, score

    gold = check_records(read_gold(gold_path), gold_path)
    if limit:
        gold = gold[:limit]
    if pred_path:
        pred = check_records(read_gold(pred_path), pred_path)
        if limit:
            pred = pred[:limit]
    else:
        import nlp as package
        from ..extract import extract, load_pipeline
        from ..io.documents import Document

        nlp = load_pipeline(lambda: package.load(segmenter=segmenter))
        pred = list(extract(nlp, (Document(text=r["text"], id=r.get("id"), source=str(gold_path)) for r in gold),
                            explain=want_errors))  # --errors names the stage behind a false positive
        failed = next((p for p in pred if isinstance(p, InputError)), None)
        if failed is not None:  # the pipeline raised on a document: no score over a partial run
            raise failed
    errors: list = []
    result = score(gold, pred, labels=labels, errors=errors if want_errors else None)
    if records is not None:  # --html
        records.update(gold=gold, pred=pred)
    return result, errors


def check_records(records: list[dict], path) -> list[dict]:
    """RETURNS ``records`` once each has a string ``text`` and well-formed entities (integer
    ``start`` < ``end`` inside the text, a string ``label``). RAISES InputError naming the
    file and line of the first that has not."""
    lines = _record_lines(path)
    for i, rec in enumerate(records):
        where = lines[i] if i < len(lines) else None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise InputError(str(path), where, "a record needs a 'text' string")
        if not isinstance(rec.get("entities"), list):
            raise InputError(str(path), where, "'entities' must be a list")
        for k, ent in enumerate(rec["entities"]):
            problem = _entity_problem(ent, len(rec["text"]))
            if problem:
                raise InputError(str(path), where, f"entity {k + 1}: {problem}")
    return records


def _entity_problem(ent, length: int) -> str | None:
    if not isinstance(ent, dict):
        return "must be a JSON object"
    for key in ("start", "end"):
        if key not in ent:
            return f"no '{key}'"
        if not isinstance(ent[key], int) or isinstance(ent[key], bool):
            return f"'{key}' must be an integer"
    if not 0 <= ent["start"] < ent["end"] <= length:
        return f"offsets {ent['start']}-{ent['end']} are not a span of the text ({length} characters)"
    if not isinstance(ent.get("label"), str):
        return "no 'label' string"
    return None


def _record_lines(path) -> list[int]:
    """Line numbers of the non-blank lines of a SPEC JSONL file (one record each); empty for
    the other gold formats (their records are built by the reader, well-formed)."""
    from ..scoring import detect_format

    if detect_format(path) != "spec":
        return []
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        return [n for n, line in enumerate(f, 1) if line.strip()]


def evaluate_segmentation(gold_path: Path, *, segmenter="pkuseg", words_path=None, limit=0) -> dict:
    """Segment the gold's raw lines with the pipeline's tokenizer and score words (SIGHAN)."""
    import time

    import nlp as package
    from ..io.corpora import read_segmented
    from ..scoring import score_segmentation

    gold = [ws for ws in read_segmented(gold_path) if ws]
    if limit:
        gold = gold[:limit]
    if words_path is None:
        cand = gold_path.with_name(gold_path.name.split("_")[0] + "_training_words.utf8")
        words_path = cand if cand.exists() else None
    train_words = None
    if words_path:
        train_words = {w.strip() for w in Path(words_path).read_text(encoding="utf-8").splitlines() if w.strip()}
    tok = package.load(segmenter=segmenter).tokenizer
    start = time.time()
    pred = [[t.text for t in tok("".join(ws))] for ws in gold]
    seconds = time.time() - start
    result = score_segmentation(gold, pred, train_words)
    result.update({"segmenter": segmenter, "lines": len(gold), "chars": sum(len("".join(g)) for g in gold),
                   "seconds": seconds, "dictionary": str(words_path) if words_path else None})
    return result


def _print(result: dict, as_json: bool, formatter) -> None:
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=None))
    else:
        print(formatter(result))


def _pct(x) -> str:
    return "   -" if x is None else f"{100 * x:5.1f}"


def _format_entities(res: dict) -> str:
    lines = [f"{res['documents']} documents; labels scored: {', '.join(res['labels'])}",
             f"{'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"]
    for lab, s in res["entities"].items():
        if lab != "micro" and not (s["tp"] or s["fp"] or s["fn"]):
            continue
        lines.append(f"{lab:<10} {_pct(s['p']):>6} {_pct(s['r']):>6} {_pct(s['f']):>6} {s['tp']:>6} {s['fp']:>6} {s['fn']:>6}")
    v = res["values"]
    if v["total"]:
        lines.append(f"value accuracy (MONEY/PERCENT/QUANTITY): {_pct(v['accuracy'])} ({v['correct']}/{v['total']})")
    for kind in RELATION_KINDS:
        s = res["relations"][kind]
        if s["tp"] or s["fp"] or s["fn"]:
            extra = f"  org accuracy {_pct(s['org_accuracy'])}" if kind == "person_title" else ""
            lines.append(f"{kind:<14} P {_pct(s['p'])}  R {_pct(s['r'])}  F1 {_pct(s['f'])}{extra}")
    return "\n".join(lines)


def _format_seg(res: dict) -> str:
    speed = res["chars"] / res["seconds"] if res["seconds"] else 0
    return (f"segmentation ({res['segmenter']}), {res['lines']} lines, {res['chars']} chars\n"
            f"P {_pct(res['p'])}  R {_pct(res['r'])}  F1 {_pct(res['f'])}  "
            f"OOV rate {_pct(res['oov_rate'])}  OOV recall {_pct(res['oov_recall'])}\n"
            f"speed {speed:,.0f} chars/s")
