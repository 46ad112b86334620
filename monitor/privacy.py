"""Subscriber addresses stay in the archive: what readers of the archive may not see.

The archive keeps, for its operator, who each digest went to and who refused it
(``digests.recipients`` and ``digests.refused``, JSON lists of addresses). Nobody else sees
them:

* :func:`authorizer` is an SQLite authorizer for every connection Datasette opens (see
  :mod:`monitor.serve`): those columns read as NULL in any statement, ``SELECT *``, a
  ``WHERE`` or a function call alike, so neither a page nor arbitrary SQL can show them or
  answer a question about them. Only the views in :data:`COUNTING_VIEWS`, which count
  recipients and never show them, read them;
* free text that could quote an address (an SMTP server's refusal in ``digests.error``, a
  job's ``runs.detail``) is written with each address replaced (:func:`redact`);
* ``monitor snapshot`` writes a copy for publishing in which the private columns keep only
  their length (:data:`WITHHELD` for each address).

Nor does anyone see the secrets a watch list may put in an address (a feed behind a login,
``https://user:password@host/feed``, or one that takes a key, ``?token=...``): the fetch asks
for the address as written, but the archive, the logs, the feeds and the digest hold it as
:func:`redact_url` writes it, with :data:`SECRET` in place of the login and of each secret
parameter's value, and every address in a message (an error, a log line) so too
(:func:`redact_secrets`).
"""

from __future__ import annotations

import re
import sqlite3
from urllib.parse import unquote

#: Columns of the archive that hold subscriber addresses (JSON lists), by table.
PRIVATE_COLUMNS: dict[str, frozenset[str]] = {"digests": frozenset({"recipients", "refused"})}

#: Views that may read private columns because they only count them.
COUNTING_VIEWS = frozenset({"digests_sent"})

#: What stands for an address in redacted text and published copies.
WITHHELD = "<address withheld>"

_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*")


def redact(text: str | None) -> str | None:
    """``text`` with every email address replaced by :data:`WITHHELD`."""
    return _ADDRESS.sub(WITHHELD, text) if text else text


#: What stands for a login or a key in an address.
SECRET = "***"

#: The words of a query parameter's name that say its value is a secret (``token``,
#: ``api_key``, ``access-token``, ``apiKey``, ``sig``...), its name split at ``_``, ``-``,
#: ``.`` and a lower-case letter before a capital.
_SECRET_WORDS = frozenset({"token", "key", "apikey", "secret", "password", "passwd", "pwd", "pass", "passphrase", "sig", "signature", "auth", "authorization", "credential", "credentials", "session", "sessionid", "sid", "jwt", "accesstoken", "apitoken", "authtoken"})

_URL = re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"'`]+")
_NAME_WORDS = re.compile(r"[_.\-]+|(?<=[a-z0-9])(?=[A-Z])")
_PARAM = re.compile(r"(?P<lead>[?&;])(?P<name>[^=&;#]+)=(?P<value>[^&;#]*)")


def _secret_name(name: str) -> bool:
    name = unquote(name)  # the server reads "api%5Fkey" as "api_key"
    words = [w.lower() for w in _NAME_WORDS.split(name) if w]
    return name.lower() in _SECRET_WORDS or any(w in _SECRET_WORDS for w in words)


def redact_url(url: str | None) -> str | None:
    """``url`` without its secrets: the login of ``scheme://user:password@host`` and the value
    of each query parameter whose name says it is a secret (``?token=``, ``api_key=``...) are
    :data:`SECRET`; anything else is kept as written, so a redacted address stays the same
    address for every other purpose."""
    if not url or "://" not in url:
        return url
    scheme, authority, tail = _parts(url)
    if "@" in authority:
        authority = f"{SECRET}@{authority.rpartition('@')[2]}"
    query_at = tail.find("?")
    if query_at >= 0:
        fragment_at = tail.find("#", query_at)
        query = tail[query_at : fragment_at if fragment_at >= 0 else len(tail)]
        cleaned = _PARAM.sub(lambda m: f"{m['lead']}{m['name']}={SECRET}" if m["value"] and _secret_name(m["name"]) else m[0], query)
        tail = tail[:query_at] + cleaned + (tail[fragment_at:] if fragment_at >= 0 else "")
    return f"{scheme}://{authority}{tail}"


def without_login(url: str | None) -> str | None:
    """``url`` without the login of ``scheme://user:password@host``, and nothing else changed:
    an article's link read on a page behind a login carries it (``/news/1`` on
    ``https://user:password@host/`` is ``https://user:password@host/news/1``), and is kept so
    that a reader's click leads where it should, asking for a login of its own."""
    if not url or "://" not in url:
        return url
    scheme, authority, tail = _parts(url)
    if "@" not in authority:
        return url
    return f"{scheme}://{authority.rpartition('@')[2]}{tail}"


def _parts(url: str) -> tuple[str, str, str]:
    """``scheme://authority/rest`` as its scheme, its authority (login, host and port) and the
    rest (path, query and fragment), each as written."""
    scheme, _, rest = url.partition("://")
    cut = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    return scheme, rest[:cut], rest[cut:]


def redact_secrets(text: str | None) -> str | None:
    """``text`` (an error, a log line) with every address in it as :func:`redact_url` writes it."""
    return _URL.sub(lambda m: redact_url(m[0]) or "", text) if text and "://" in text else text


def is_private(table: str | None, column: str | None) -> bool:
    return column in PRIVATE_COLUMNS.get(table or "", ())


def authorizer(action: int, arg1: str | None, arg2: str | None, database: str | None, source: str | None) -> int:
    """For ``sqlite3.Connection.set_authorizer``: private columns read as NULL outside the
    counting views; attaching another database is refused, and so is ``fts3_tokenizer()``,
    which hands a visitor a pointer into the server's memory and registers one he gives."""
    if action == sqlite3.SQLITE_READ and is_private(arg1, arg2) and source not in COUNTING_VIEWS:
        return sqlite3.SQLITE_IGNORE
    if action == sqlite3.SQLITE_ATTACH:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() == "fts3_tokenizer":
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK
