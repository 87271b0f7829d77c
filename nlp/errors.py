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


class ProcessingError(InputError):
    """A document the pipeline raised an exception on: reported like bad input (``source:line:
    processing failed: ...``) so that the other documents of a run are still written."""

    def __init__(self, source: str, line: int | None, error: BaseException):
        self.error = error
        super().__init__(source or "<document>", line, f"processing failed: {type(error).__name__}: {error}")


#: ``Language.__call__`` on a str holding a lone surrogate (it has no UTF-8 form; spaCy's
#: string store would fail on it with a bare ``UnicodeEncodeError``).
UNPAIRED_SURROGATE = "text is not valid Unicode: unpaired surrogate \\u{code:04x} at character {index}"
