"""The archive: every SQL statement of the monitor lives in this package.

* :mod:`._archive`: :class:`Store`, the archive itself (sources, fetches, items, facts,
  digests, runs);
* :mod:`._migrations`: the schema, one migration a step;
* :mod:`._dedup_index`: :class:`SqliteDedupIndex`, the deduplication index, stories and events;
* :mod:`._pages`: the versions of watched pages, and what the Atom feeds read;
* :mod:`._backup`: backups, and what a restored copy keeps of the archive it replaces;
* :mod:`._judging`: stored items judged again (``monitor rejudge``);
* :mod:`._prune`: old fetch rows and old texts of items not relevant (``monitor prune``), and VACUUM;
* :mod:`._corrections`: an editor's corrections of figures (``monitor correct``);
* :mod:`._rows`: how rows read as the monitor's values (a fact, an item, the time).
"""

from __future__ import annotations

from ._archive import ArchiveError, SourceState, Store, archive_error, archive_errors, item_id, utcnow
from ._corrections import CorrectionError
from ._dedup_index import SqliteDedupIndex
from ._migrations import MIGRATIONS, PAKISTAN_TODAY_SQL, iso_week_sql

__all__ = ["MIGRATIONS", "PAKISTAN_TODAY_SQL", "ArchiveError", "CorrectionError", "SourceState", "SqliteDedupIndex", "Store", "archive_error", "archive_errors", "item_id", "iso_week_sql", "utcnow"]
