"""Training code: converters from ../shared/corpora and the trainers of the shipped models."""
