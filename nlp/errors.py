"""Errors users see: one class for bad input, messages that name the file and line."""
from __future__ import annotations


class InputError(Exception):
    """A document that cannot be read: ``source:line: message``."""

    def __init__(self, source: str, line: int | None, message: str):
        self.source, self.line, self.message = source, line, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"
