PYTHONPATH=. python -m nlp.training.tagger_embeddings --output build/tagger/embeddings
