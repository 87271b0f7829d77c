"""Errors users see: bad input (``source:line: message``) and an environment that cannot run.

``InputError`` and ``ProcessingError`` are about one document: a run reports them and goes on
with the next one (exit status 2). ``SetupError`` (``ModelLoadError``: a model or a data file that cannot be
loaded) is about the environment: it ends a run once, with exit status 1. All of them
pickle, so worker processes can hand them back.
"""
from __future__ import annotations


class InputError(Exception):
    """A document that cannot be read: ``source:line: message``."""

    def __init__(self, source: str, line: int | None, message: str):
        self.source, self.line, self.message = source, line, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"

    def __reduce__(self):
        return InputError, (self.source, self.line, self.message)


class ProcessingError(InputError):
    """A document the pipeline raised an exception on: reported like bad input (``source:line:
    processing failed: ...``) so that the other documents of a run are still written.

    error (BaseException | str): the exception, or its description once unpickled (the
        exception itself may not pickle); ``self.error`` is None then.
    """

    def __init__(self, source: str, line: int | None, error: BaseException | str):
        self.error = error if isinstance(error, BaseException) else None
        reason = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        self.reason = reason
        super().__init__(source or "<document>", line, f"processing failed: {reason}")

    def __reduce__(self):
        return ProcessingError, (self.source, self.line, self.reason)


class SetupError(Exception):
    """The environment cannot run: ``what: reason`` (a model, a data file, a scheduler).
    Ends a run once (exit 1)."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __reduce__(self):
        return type(self), (self.path, self.reason)


class ModelLoadError(SetupError):
    """A model or data file that cannot be loaded: ``path: reason``."""


#: ``Language.__call__`` on a str holding a lone surrogate (it has no UTF-8 form; spaCy's
#: string store would fail on it with a bare ``UnicodeEncodeError``).
UNPAIRED_SURROGATE = "text is not valid Unicode: unpaired surrogate \\u{code:04x} at character {index}"
