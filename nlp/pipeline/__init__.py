"""Pipeline components, one module each; importing this package registers their factories."""
DEFAULT_PIPELINE: tuple[str, ...] = ()
