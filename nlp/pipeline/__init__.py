"""Pipeline components, one module each; importing this package registers their factories."""
from . import char_features  # noqa: F401  (used inside the NER model)

DEFAULT_PIPELINE: tuple[str, ...] = ()
