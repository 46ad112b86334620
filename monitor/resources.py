"""Files the monitor ships with: the digest and feed templates and the default watch list.

The checkout keeps them at its top, ``templates/`` and ``sources.yaml``; an installed wheel
carries copies in ``monitor/bundled/`` (made by the build step in ``setup.py``). Both are
found from here, so the monitor renders digests and runs its demo wherever it is installed.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: Where an installed wheel keeps its copies.
BUNDLED = PACKAGE / "bundled"
#: The top of a checkout, when the package runs from one.
CHECKOUT = PACKAGE.parent
#: What the digest and the Atom feeds need to render.
TEMPLATE_NAMES = ("digest.html.j2", "digest.txt.j2", "feed.atom.j2")


def templates_dir() -> Path:
    """The folder of the digest templates: ``MONITOR_TEMPLATES`` if set, else the installed
    copy, else the checkout's ``templates/``."""
    if os.environ.get("MONITOR_TEMPLATES"):
        return Path(os.environ["MONITOR_TEMPLATES"])
    bundled = BUNDLED / "templates"
    return bundled if all((bundled / name).is_file() for name in TEMPLATE_NAMES) else CHECKOUT / "templates"


def watch_list_path() -> Path:
    """The default watch list shipped with the monitor (the installed copy, else the checkout's)."""
    bundled = BUNDLED / "sources.yaml"
    return bundled if bundled.is_file() else CHECKOUT / "sources.yaml"


def watch_list() -> str:
    """The text of the default watch list."""
    return watch_list_path().read_text(encoding="utf-8")
