"""Listing-page discovery on a real newspaper homepage (``pk-pages/dawn_homepage.html``).

Runs :func:`monitor.listing.discover_links` on the stored Dawn homepage and compares its links
with every ``https://www.dawn.com/news/<id>`` address the page holds (the article links a
reader would follow): how many are found, how many other links are kept, repeats, and whether
the links come in the order the page first shows them. The page is read in place, never copied.

usage: .venv/bin/python bench/listing.py [--page FILE] [--check]

``--check`` exits with status 1 when fewer than :data:`MIN_FOUND` article links are found,
more than :data:`MAX_OTHER` other links are kept, a link repeats, or the order differs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from monitor.listing import discover_links  # noqa: E402

DEFAULT_PAGE = REPO.parent / "shared" / "corpus" / "pk-pages" / "dawn_homepage.html"
MIN_FOUND = 110
MAX_OTHER = 5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", type=Path, default=DEFAULT_PAGE, help="the stored homepage [%(default)s]")
    parser.add_argument("--check", action="store_true", help="exit 1 when a floor is missed")
    args = parser.parse_args(argv)
    html = args.page.read_bytes()
    started = time.perf_counter()
    links = discover_links(html, "https://www.dawn.com/")
    seconds = time.perf_counter() - started
    expected = {u.decode() for u in re.findall(rb"https://www\.dawn\.com/news/\d+(?:/[a-z0-9-]+)?", html)}
    found = set(links)
    first_seen: list[str] = []
    for match in re.finditer(rb"""href=["'](https://www\.dawn\.com/news/[^"'#]+)""", html):
        url = match.group(1).decode()
        if url in found and url not in first_seen:
            first_seen.append(url)
    checks = {
        f"article links found >= {MIN_FOUND}": (len(found & expected) >= MIN_FOUND, f"{len(found & expected)} of {len(expected)}"),
        f"other links kept <= {MAX_OTHER}": (len(found - expected) <= MAX_OTHER, str(len(found - expected))),
        "no section or navigation link": (all(u.startswith("https://www.dawn.com/news/") for u in links), ""),
        "no repeats": (len(links) == len(found), f"{len(links)} links, {len(found)} distinct"),
        "page order": (links == first_seen, ""),
    }
    print(f"page: {args.page} ({len(html):,} bytes, {1000 * seconds:.1f} ms)")
    for name, (ok, detail) in checks.items():
        print(f"floor {name}: {'ok' if ok else 'MISSED'}{f' ({detail})' if detail else ''}")
    return 1 if args.check and not all(ok for ok, _ in checks.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
