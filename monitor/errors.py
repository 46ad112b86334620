"""Exceptions shared by the stages."""

from __future__ import annotations

import difflib
import errno
import math
from pathlib import Path
from typing import Any, Iterable


class MonitorError(Exception):
    """Base class for errors the CLI reports without a traceback."""


class ConfigError(MonitorError):
    """A problem in the configuration file, located by file, line and key."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None, key: str | None = None):
        self.message = message
        self.file = file
        self.line = line
        self.key = key
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = []
        if self.file:
            parts.append(str(self.file) + (f":{self.line}" if self.line else ""))
        if self.key:
            parts.append(f"key '{self.key}'")
        parts.append(self.message)
        return ": ".join(parts)


class ConfigErrors(ConfigError):
    """Every mistake found in one configuration file, in the order of their lines.

    A ConfigError itself, located at the first mistake, so code that reads ``file``, ``line``
    or ``key`` goes on working; ``errors`` holds them all and ``str()`` gives one per line.
    """

    def __init__(self, errors: list[ConfigError]):
        self.errors = sorted(errors, key=lambda e: (e.line is None, e.line or 0))
        first = self.errors[0]
        super().__init__(first.message, file=first.file, line=first.line, key=first.key)

    def __str__(self) -> str:
        return "\n".join(ConfigError.__str__(e) for e in getattr(self, "errors", ())) or super().__str__()


def error_lines(e: Exception) -> list[str]:
    """What the commands print for an error they report: one ``error: ...`` line for each
    mistake of a configuration file, one line for any other error."""
    return [f"error: {one}" for one in getattr(e, "errors", None) or [e]]


class RuleError(ValueError):
    """A bad rule inside a config section, with the key path inside that section.

    Stages that compile part of the configuration (the topic rules, for example) raise this;
    :mod:`monitor.config` turns it into a :class:`ConfigError` with file and line.
    ``path`` is a tuple of keys and list indexes relative to the section, e.g.
    ``("freelancing", "keywords", 3)``.
    """

    def __init__(self, path: tuple, message: str):
        self.path = tuple(path)
        self.message = message
        super().__init__(f"{'.'.join(map(str, self.path))}: {message}")


def unknown_key(key: Any, known: Iterable[str], *, what: str = "key") -> str:
    """The message for a mistyped name in the configuration: ``unknown key 'treshold' (did you
    mean 'threshold'?)`` when one known name is close, else the known names, ``unknown key
    'cutoff'; known keys: ...`` (a list or tuple in its own order, a set sorted). ``what``
    names the thing (``topic id``)."""
    known = list(known) if isinstance(known, (list, tuple)) else sorted(known)
    close = closest(key, known)
    if close:
        return f"unknown {what} '{key}' (did you mean '{close}'?)"
    return f"unknown {what} '{key}'; known {what}s: {', '.join(known)}"


def closest(key: Any, known: Iterable[str]) -> str | None:
    """The known name a mistyped ``key`` is taken for in :func:`unknown_key`, if one is close."""
    close = difflib.get_close_matches(str(key), sorted(known), n=1, cutoff=0.75)
    return close[0] if close else None


def not_finite(value: Any) -> str | None:
    """What is wrong with a setting read as a number that is not one (YAML's ``.nan``,
    ``.inf``, ``-.inf``): ``expected a finite number, got .nan``; ``None`` for anything else."""
    if isinstance(value, float) and not math.isfinite(value):
        written = ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
        return f"expected a finite number, got {written}"
    return None


class ExtractionError(MonitorError):
    """An article page could not be turned into an article; ``reason`` is a short name."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


def os_reason(e: OSError) -> str:
    """What went wrong, in the operating system's words, without Python's ``[Errno N]`` and
    the file's name; a file where a folder is needed is "a file is in the way"."""
    if e.errno in (errno.EEXIST, errno.ENOTDIR):
        return "a file is in the way"
    return e.strerror or str(e)


def cannot_write(what: str, path: str | Path, e: OSError) -> MonitorError:
    """The error for ``what`` (e.g. "the digest") that could not be written to ``path``:
    ``out/x: cannot write the digest: Permission denied``, then the file or folder that
    failed when it is another one (``...: a file is in the way: out``)."""
    failed = f": {e.filename}" if e.filename and str(e.filename) != str(path) else ""
    return MonitorError(f"{path}: cannot write {what}: {os_reason(e)}{failed}")
