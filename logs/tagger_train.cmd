PYTHONPATH=. python -m nlp.training.tagger --output build/tagger --epochs 7   # started 2026-12-02T00:35:51Z; continue with --resume
