"""Provenance on the command line: ``extract --explain`` and ``evaluate --errors`` name the stage."""
import json

from nlp.cli import main

TEXT = "武汉市委副书记、市长李明出席会议，记者张伟报道，王小红和赵大海昨天到达。"


def _extract(tmp_path, *flags):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q", *flags]) == 0
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()][0]


def test_provenance_extract_explain_adds_the_source(tmp_path):
    plain, explained = _extract(tmp_path), _extract(tmp_path, "--explain")
    assert all("source" not in e for e in plain["entities"])  # SPEC records unchanged by default
    assert [{k: v for k, v in e.items() if k != "source"} for e in explained["entities"]] == plain["entities"]
    by_text = {e["text"]: e["source"] for e in explained["entities"]}
    assert by_text["武汉市委"] == "orgs" and by_text["市长"] == "titles" and by_text["李明"] == "person_cues"
    assert by_text["王小红"] == "ner"


def test_provenance_evaluate_errors_name_the_stage(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    # a gold file that leaves out the model's names: they become false positives
    gold.write_text(json.dumps({"id": "a", "text": TEXT, "entities": [
        {"start": 0, "end": 4, "label": "ORG", "text": "武汉市委"}]}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["evaluate", str(gold), "--errors", "--labels", "ORG,PERSON"]) == 0
    errors = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.startswith("{")]
    fps = {e["text"]: e.get("source") for e in errors if e["kind"] == "FP"}
    assert fps["王小红"] == "ner" and fps["李明"] == "person_cues"
