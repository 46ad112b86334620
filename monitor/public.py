"""Absolute links to what ``monitor serve`` publishes, for feeds and the digest.

``monitor serve`` serves the archive in Datasette at ``/<database>/...`` (the database is
named after the archive's file: ``monitor`` for ``data/monitor.db``) and the Atom feeds at
``/feeds/<name>.atom``. Readers reach it at ``monitor.public_url`` (``sources.yaml``; by
default ``http://127.0.0.1:8001/``, where ``monitor serve`` listens).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

#: The folder of the Atom feeds, next to the archive (``data/feeds/`` for ``data/monitor.db``).
FEEDS_DIR = "feeds"


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file: its name without the extension."""
    return Path(db_path).stem


def feeds_dir(db_path: str | Path) -> Path:
    return Path(db_path).parent / FEEDS_DIR


#: The bytes Datasette leaves as they are in a database's or row's name in a URL.
_TILDE_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def tilde_encode(name: str) -> str:
    """A name as Datasette writes it in a URL ("tilde encoding"): ``pk.monitor`` is
    ``pk~2Emonitor`` (a dot would read as a format, ``.json``), a space ``+``."""
    return "".join(chr(b) if b in _TILDE_SAFE else "+" if b == 0x20 else f"~{b:02X}" for b in name.encode("utf-8"))


def archive_url(public_url: str, db_path: str | Path, path: str = "", **params: object) -> str:
    """``public_url`` + the database + ``path`` (a table, row or canned query) + the query."""
    base = f"{public_url.rstrip('/')}/{tilde_encode(database_name(db_path))}"
    url = f"{base}/{path.lstrip('/')}" if path else base
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{url}?{query}" if query else url


def item_url(public_url: str, db_path: str | Path, item_id: str) -> str:
    """An item's page in the archive."""
    return archive_url(public_url, db_path, f"items/{tilde_encode(item_id)}")


def history_url(public_url: str, db_path: str | Path, source: str, version: int | None = None) -> str:
    """A watched page's history with its diffs (the ``page_history`` canned query); only
    that version's diff when ``version`` is given."""
    return archive_url(public_url, db_path, "page_history", source=source, version=version)


def feed_url(public_url: str, name: str) -> str:
    return f"{public_url.rstrip('/')}/{FEEDS_DIR}/{name}.atom"
