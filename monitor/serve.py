"""Datasette on the archive: what ``monitor serve`` runs.

The archive opens on a useful front page rather than a raw dump: the metadata shipped in
``monitor/datasette/metadata.yaml`` describes every table and view and the columns people
filter on, sets facets (topic, source, week) and newest-first sorting, points the search
box at the items' full-text index, and adds the canned queries (this week's stories by
topic, search, a series of figures). The views it shows are created by the store's
migrations, so any SQLite client sees them too.

Visitors can only read. The archive is served as a mutable database, which Datasette
opens read-only (``mode=ro``) and which keeps working while the daemon writes in WAL mode;
Datasette accepts only SELECT statements, no canned query is a write query, and any HTTP
request other than GET or HEAD is answered 405 before it reaches Datasette.

Visitors never see a subscriber's address: every connection Datasette opens gets the
:func:`monitor.privacy.authorizer`, under which the columns that hold addresses read as
NULL in pages and arbitrary SQL alike.

The Atom feeds the poll writes next to the archive (:mod:`monitor.feeds`) are served at
``/feeds/<name>.atom`` with an ETag and Last-Modified (a feed reader's conditional GET gets
304), and listed at ``/feeds/``.
"""

from __future__ import annotations

import asyncio
import errno
import html
import os
import re
import socket
import sqlite3
from contextvars import ContextVar
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any, Awaitable, Callable, MutableMapping

import uvicorn
import yaml
from datasette import hookimpl
from datasette.app import Datasette
from datasette.plugins import pm
from markupsafe import Markup

from . import privacy
from .errors import MonitorError
from .public import database_name, feeds_dir
from .store import Store, archive_errors
from .text import is_urdu

METADATA_FILE = Path(__file__).resolve().parent / "datasette" / "metadata.yaml"

#: Templates that take the place of Datasette's own (each extends the one it replaces).
TEMPLATES_DIR = METADATA_FILE.parent / "templates"

#: The database name the shipped metadata is written for (the archive is ``monitor.db``).
METADATA_DATABASE = "monitor"

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Any]]
Send = Callable[[Any], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: The only HTTP methods visitors may use.
READ_METHODS = frozenset({"GET", "HEAD"})
READ_ONLY_BODY = b"This archive is read-only: only GET and HEAD requests are served.\n"

#: Long article text is cut short in HTML tables. Facet suggestions are off: Datasette
#: works them out by grouping every column, text included, on each visit (2 s a page at
#: 100,000 items); the useful facets are set in the metadata.
SETTINGS: dict[str, Any] = {"truncate_cells_html": 280, "suggest_facets": False}

#: The longest string or blob a visitor's SQL may make (``randomblob(999999999)`` would
#: otherwise take a gigabyte of the server's memory per query, in each of Datasette's
#: threads): far above any text the archive holds (a page is at most ``fetch.max_bytes``).
MAX_VALUE_BYTES = 32 * 1024 * 1024


def metadata_for(db_path: str | Path) -> dict[str, Any]:
    """The shipped metadata, with its database entry renamed after the file served."""
    metadata = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))
    databases = metadata["databases"]
    databases[database_name(db_path)] = databases.pop(METADATA_DATABASE)
    return metadata


def prepare_archive(db_path: str | Path, *, timezone: str | None = None) -> Path:
    """Check that ``db_path`` is an archive and bring its schema, views included, up to date;
    with ``timezone`` (the configured one), the ``current_week`` view follows it.

    Raises :class:`monitor.store.ArchiveError` (a :class:`MonitorError`) when the file is
    missing, is not an SQLite database or is another program's database; such a file is left
    as it was.
    """
    path = Path(db_path)
    with archive_errors(path), Store(path, create=False) as store:
        if timezone:
            store.set_timezone(timezone)
    return path


class _Privacy:
    """A Datasette plugin: each connection Datasette opens gets the privacy authorizer."""

    NAME = "monitor-privacy"
    __name__ = NAME  # Datasette lists plugins by name (a name that is no importable package)

    @hookimpl
    def prepare_connection(self, conn: sqlite3.Connection, database: str, datasette: Datasette) -> None:
        conn.set_authorizer(privacy.authorizer)
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)


class _UrduCells:
    """A Datasette plugin: a cell whose text is Urdu is marked so (:func:`urdu_cell`)."""

    NAME = "monitor-urdu-cells"
    __name__ = NAME

    @hookimpl
    def render_cell(self, value: Any, datasette: Datasette) -> Markup | None:
        # a row's own page shows each cell whole, as Datasette does; tables and queries cut it
        return urdu_cell(value, None if is_row_page(_PAGE_PATH.get()) else datasette.setting("truncate_cells_html"))

    @hookimpl
    def asgi_wrapper(self, datasette: Datasette) -> Callable[[ASGIApp], ASGIApp]:
        return lambda app: _remember_path(with_landmarks(app))


#: The path of the page being rendered, for :class:`_UrduCells` (Datasette does not tell a
#: ``render_cell`` hook which page it renders, nor whether it cuts that page's cells).
_PAGE_PATH: ContextVar[str] = ContextVar("monitor_page_path", default="")


def _remember_path(app: ASGIApp) -> ASGIApp:
    async def remembering(scope: Scope, receive: Receive, send: Send) -> None:
        token = _PAGE_PATH.set(scope.get("path", "") if scope.get("type") == "http" else "")
        try:
            await app(scope, receive, send)
        finally:
            _PAGE_PATH.reset(token)

    return remembering


def with_landmarks(app: ASGIApp) -> ASGIApp:
    """Wrap an ASGI app so that its HTML pages say their language and where their content is
    (:func:`landmarked`): Datasette's own pages do neither, so a screen reader guessed the
    language and had no way to skip the header to the table."""

    async def marked(scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http" or scope.get("method") == "HEAD":
            await app(scope, receive, send)
            return
        start: dict | None = None
        body: list[bytes] = []

        async def sending(message: dict) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict((k.lower(), v) for k, v in message.get("headers", []))
                if headers.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in headers:
                    start = message  # held until the whole page is here
                    return
            elif message["type"] == "http.response.body" and start is not None:
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                page = landmarked(b"".join(body))
                headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
                await send({**start, "headers": headers + [(b"content-length", str(len(page)).encode())]})
                await send({"type": "http.response.body", "body": page})
                return
            await send(message)

        await app(scope, receive, sending)

    return marked


def landmarked(page: bytes) -> bytes:
    """A Datasette page with ``lang="en"`` on its ``<html>`` (an Urdu cell says its own, see
    :func:`urdu_cell`) and its content section marked as the page's main landmark."""
    page = page.replace(b"<html>", b'<html lang="en">', 1)
    return page.replace(b'<section class="content">', b'<section class="content" role="main">', 1)


def is_row_page(path: str) -> bool:
    """Whether ``path`` is one row's page (``/monitor/items/<id>``), whose cells Datasette
    shows whole, not cut at ``truncate_cells_html`` as on a table's or a query's page."""
    parts = [p for p in path.split("/") if p]
    return len(parts) == 3 and not parts[0].startswith("-") and parts[1] != "-"


def urdu_cell(value: Any, limit: int | None) -> Markup | None:
    """A cell of Urdu text (a title, a teaser, a quote) as ``<span lang="ur" dir="rtl">``, cut
    as Datasette cuts a long cell (at ``limit`` characters, with "…"; whole with no ``limit``,
    as on a row's own page): a screen reader then
    reads it with an Urdu voice, and its line keeps Urdu's order (a figure or a "?" at the end
    of an Urdu line otherwise stands at its start). ``None`` for any other value, which
    Datasette renders as it does (an address stays a link)."""
    if not isinstance(value, str) or not is_urdu(value) or "://" in value[:12]:
        return None
    if limit and len(value) > limit:
        value = value[:limit] + "\u2026"
    return Markup('<span lang="ur" dir="rtl">{}</span>').format(value)


def datasette_for(db_path: str | Path) -> Datasette:
    """A Datasette instance serving the archive with the shipped metadata and settings,
    without subscriber addresses (:class:`_Privacy`), Urdu cells marked (:class:`_UrduCells`)."""
    if not pm.has_plugin(_Privacy.NAME):
        pm.register(_Privacy(), name=_Privacy.NAME)
    if not pm.has_plugin(_UrduCells.NAME):
        pm.register(_UrduCells(), name=_UrduCells.NAME)
    return Datasette([str(db_path)], metadata=metadata_for(db_path), settings=SETTINGS, template_dir=str(TEMPLATES_DIR))


def read_only(app: ASGIApp) -> ASGIApp:
    """Wrap an ASGI app so that an HTTP request other than GET or HEAD gets 405."""

    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in READ_METHODS:
            await app(scope, receive, send)
            return
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET, HEAD"), (b"content-length", str(len(READ_ONLY_BODY)).encode())]
        await send({"type": "http.response.start", "status": 405, "headers": headers})
        await send({"type": "http.response.body", "body": READ_ONLY_BODY})

    return guarded


_FEED_PATH = re.compile(r"/feeds/([a-z0-9][a-z0-9_-]*\.atom)")


def with_feeds(app: ASGIApp, folder: str | Path) -> ASGIApp:
    """Wrap an ASGI app so that ``/feeds/`` lists the Atom files in ``folder`` and
    ``/feeds/<name>.atom`` serves one; any other path goes to ``app``."""
    folder = Path(folder)

    async def served(scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path not in ("/feeds", "/feeds/") and not path.startswith("/feeds/"):
            await app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        status, extra, body = _feed_response(folder, path, headers)
        extra.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": extra})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    return served


def _feed_response(folder: Path, path: str, headers: dict[str, str]) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    text = [(b"content-type", b"text/plain; charset=utf-8")]
    if path in ("/feeds", "/feeds/"):
        return 200, [(b"content-type", b"text/html; charset=utf-8")], _feed_index(folder).encode()
    m = _FEED_PATH.fullmatch(path)
    file = folder / m[1] if m else None
    if file is None or not file.is_file():
        return 404, text, b"No such feed. The list is at /feeds/.\n"
    stat = file.stat()
    etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    modified = formatdate(stat.st_mtime, usegmt=True)
    common = [(b"etag", etag.encode()), (b"last-modified", modified.encode()), (b"cache-control", b"max-age=300")]
    if _not_modified(headers, etag, stat.st_mtime):
        return 304, common, b""
    return 200, [(b"content-type", b"application/atom+xml; charset=utf-8"), *common], file.read_bytes()


def _feed_index(folder: Path) -> str:
    """The page of ``/feeds/``: each feed by its title and what it holds, linked, for a phone
    as for a desktop, and announced to browsers and feed readers (``rel="alternate"``)."""
    feeds = []
    for path in sorted(folder.glob("*.atom")) if folder.is_dir() else []:
        title, subtitle = _feed_titles(path)
        feeds.append((f"/feeds/{html.escape(path.name)}", html.escape(title or path.stem), html.escape(subtitle)))
    links = "".join(f'<link rel="alternate" type="application/atom+xml" href="{href}" title="{title}">' for href, title, _ in feeds)
    items = "".join(
        f'<li style="margin:0 0 14px 0;"><a href="{href}" style="display:block;padding:6px 0;font-size:17px;">{title}</a>'
        f'<span style="color:#5b6475;font-size:14px;">{subtitle + " " if subtitle else ""}Add the link to a feed reader to follow it.</span></li>'
        for href, title, subtitle in feeds
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Atom feeds</title>{links}</head>"
        '<body style="margin:0 auto;max-width:640px;padding:16px;font-family:Arial,Helvetica,sans-serif;line-height:1.4;color:#1d2330;">'
        f'<h1 style="font-size:22px;">Atom feeds</h1><ul style="list-style:none;padding:0;">{items or "<li>No feed yet: they are written after each poll.</li>"}</ul>'
        '<p><a href="/">The archive</a></p></body></html>'
    )


def _feed_titles(path: Path) -> tuple[str, str]:
    """An Atom file's own title and subtitle, read up to its first entry; empty when the
    file cannot be read as Atom."""
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    found = {"title": "", "subtitle": ""}
    try:
        for _, element in ET.iterparse(path, events=("end",)):
            if element.tag == f"{atom}entry":
                break
            name = element.tag.removeprefix(atom)
            if name in found and not found[name]:
                found[name] = " ".join((element.text or "").split())
    except (ET.ParseError, OSError):
        pass
    return found["title"], found["subtitle"]


def _not_modified(headers: dict[str, str], etag: str, mtime: float) -> bool:
    """Whether a conditional GET gets 304 (RFC 9110, 13.2.2): ``If-None-Match`` decides when it
    is sent, matching any tag of its list, weakly (a proxy that compresses the feed hands out
    ``W/"..."``), or ``*``; ``If-Modified-Since`` only without it."""
    match = headers.get("if-none-match")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or etag in tags
    return _not_modified_since(headers.get("if-modified-since"), mtime)


def _not_modified_since(value: str | None, mtime: float) -> bool:
    if not value:
        return False
    try:
        return int(mtime) <= parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return False


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0 picks a free one), or a clear error."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return socket.create_server((host, port), family=family)
    except OSError as e:  # said in words, without the address tuple Python appends to the reason
        reason = os.strerror(e.errno) if e.errno else str(e)
        hint = _LISTEN_HINTS.get(e.errno or 0)
        raise MonitorError(f"cannot listen on {host}:{port}: {reason[:1].lower() + reason[1:]}{f' ({hint})' if hint else ''}") from None


#: What to do when ``monitor serve`` cannot listen, by errno.
_LISTEN_HINTS = {
    errno.EADDRINUSE: "another program listens there, perhaps another `monitor serve`: stop it, or pass another --port (0 picks a free one)",
    errno.EADDRNOTAVAIL: "no interface of this machine has that address: pass --host 127.0.0.1, or 0.0.0.0 for every interface",
    errno.EACCES: "ports below 1024 need privileges: pass a --port above 1023",
}


def serve(db_path: str | Path, sock: socket.socket, *, log_level: str = "warning") -> None:
    """Serve the archive on ``sock`` until interrupted (Ctrl+C or SIGTERM)."""
    ds = datasette_for(db_path)
    asyncio.run(ds.invoke_startup())
    config = uvicorn.Config(read_only(with_feeds(ds.app(), feeds_dir(db_path))), log_level=log_level, log_config=None, lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
