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
"""

from __future__ import annotations

import re
import sqlite3

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


def is_private(table: str | None, column: str | None) -> bool:
    return column in PRIVATE_COLUMNS.get(table or "", ())


def authorizer(action: int, arg1: str | None, arg2: str | None, database: str | None, source: str | None) -> int:
    """For ``sqlite3.Connection.set_authorizer``: private columns read as NULL outside the
    counting views; attaching another database is refused."""
    if action == sqlite3.SQLITE_READ and is_private(arg1, arg2) and source not in COUNTING_VIEWS:
        return sqlite3.SQLITE_IGNORE
    if action == sqlite3.SQLITE_ATTACH:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK
