"""Benchmark the first poll of one huge feed: 20,000 items, stored into an empty archive.

A local server gives one RSS feed of teasers ("... VPN registration item 17": a number next
to a keyword, which is no count), one in 40 with an IT export figure for a month of its own;
articles are not fetched (``full_text: false``), as for a Google News search feed. Two shapes:

* ``distinct``: every headline differs;
* ``recurring``: one item in five has the same headline, as a desk's recurring notice does
  (before the exact-key lookup was bounded this shape was quadratic: 3,000 items took 176 s).

Each poll runs in a fresh process with a fresh archive (so the peak RSS is its own) and is
timed by stage: parsing the feed, analysing the items (relevance, topics, facts, in a worker
thread) and storing them (items, facts and story clusters, in batches of 500). The same poll
of a quarter of the items is run too: a linear poll costs the same per item at both sizes.

``--full-text`` runs the other case: a feed whose article pages are fetched (``full_text``,
the default), 200 and 20,000 items, each with its article page on the same local server,
with the default fetch limits (two requests at once to a host, starts 0.5 s apart) and a
15 s deadline; beside it, a source on the same host that is a plain redirect loop. One poll
is timed: how many items it stored, how many it left for the next polls, and what the
redirect loop came to (``too_many_redirects`` when polled alone).

Usage::

    .venv/bin/python bench/huge_feed.py [--items 20000] [--small 5000] [--shape distinct|recurring|both]
    .venv/bin/python bench/huge_feed.py --full-text [--items 20000] [--small 200]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from monitor import pipeline  # noqa: E402
from monitor.config import load_config  # noqa: E402
from monitor.sitesrv import SiteServer, send  # noqa: E402
from monitor.store import Store  # noqa: E402

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
FIGURE_EVERY = 40
RECURRING_EVERY = 5


def feed(base: str, n: int, shape: str) -> bytes:
    items = []
    for i in range(n):
        title = f"Freelancers and VPN registration: PTA update, item {i}"
        if shape == "recurring" and i % RECURRING_EVERY == 0:
            title = "VPN registration: PTA notice to freelancers"
        teaser = f"Freelancers must finish VPN registration with the PTA, says the notice on VPN registration item {i} of the regulator's series on internet access."
        if i % FIGURE_EVERY == 1:
            month = i // FIGURE_EVERY
            when = f"{MONTHS[month % 12]} {1990 + month // 12}"
            title = f"IT exports reach ${300 + month % 500} million in {when}"
            teaser = f"Pakistan's IT exports were ${300 + month % 500} million in {when}, the central bank said."
        items.append(
            f"<item><title>{title}</title><link>{base}/notice/{i}</link><guid>{base}/notice/{i}</guid>"
            f"<pubDate>Mon, {1 + i % 28:02d} Sep 2025 {i % 24:02d}:{i % 60:02d}:00 +0500</pubDate><description>{teaser}</description></item>"
        )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Notices</title><link>{base}/</link><description>x</description>{"".join(items)}</channel></rss>'.encode()


def _rule_sections() -> str:
    text = (REPO / "sources.yaml").read_text(encoding="utf-8")
    return text[min(text.index(marker) for marker in ("\nrelevance:", "\ntopics:") if marker in text) :]


def _timed(owner, name: str, totals: dict[str, float], label: str) -> None:
    """Add the time spent in ``owner.name`` to ``totals[label]``."""
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.perf_counter() - t0

    setattr(owner, name, wrapper)


def run_poll(n: int, shape: str) -> dict:
    """One first poll of an ``n``-item feed into an empty archive, in this process."""
    totals: dict[str, float] = {}
    _timed(pipeline, "parse_feed", totals, "parse")
    _timed(pipeline._Cycle, "_analyse", totals, "analyse")
    _timed(Store, "save_items", totals, "store items")
    _timed(pipeline._Cycle, "_save_facts", totals, "store facts")
    _timed(pipeline._Cycle, "_cluster", totals, "store clusters")
    with tempfile.TemporaryDirectory() as tmp:
        body = {}
        with SiteServer(routes={"/feed.xml": lambda h: send(h, 200, body.setdefault("feed", feed(f"http://{h.headers['Host']}", n, shape)), "application/rss+xml")}) as server:
            path = Path(tmp) / "sources.yaml"
            path.write_text(f"fetch:\n  max_bytes: 200000000\n  read_timeout: 600\n  deadline: 1200\n  retries: 0\nsources:\n  - name: Notices\n    url: {server.base}/feed.xml\n    full_text: false\n{_rule_sections()}", encoding="utf-8")
            config = load_config(path)
            with Store(Path(tmp) / "bench.db") as store:
                t0 = time.perf_counter()
                summary = pipeline.poll(config, store)
                wall = time.perf_counter() - t0
                facts = dict(store.db.execute("SELECT series, count(*) FROM facts GROUP BY series").fetchall())
                stored = store.count_items()
    return {"items": n, "shape": shape, "wall": wall, "stored": stored, "new": summary.new_items, "facts": facts, "stages": totals, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_full_text_poll(n: int) -> dict:
    """One poll of an ``n``-item feed whose articles are fetched, beside a redirect loop on
    the same host, into an empty archive, in this process."""
    body = {}

    def feed_route(h) -> None:
        send(h, 200, body.setdefault("feed", feed(f"http://{h.headers['Host']}", n, "distinct")), "application/rss+xml")

    def article(h) -> None:
        i = h.path.rsplit("/", 1)[1]
        text = "".join(f"<p>Freelancers must finish VPN registration with the PTA, paragraph {j} of notice {i} of the regulator's series on internet access.</p>" for j in range(5))
        send(h, 200, f"<html><head><title>Notice {i}</title></head><body><article><h1>PTA notice {i}</h1>{text}</article></body></html>".encode())

    class Routes(dict):
        def __contains__(self, path) -> bool:
            return path in ("/feed.xml", "/loop/a", "/loop/b") or path.startswith("/notice/")

        def __getitem__(self, path):
            if path == "/feed.xml":
                return feed_route
            if path.startswith("/loop/"):
                return lambda h: send(h, 302, b"", "", {"Location": "/loop/b" if path.endswith("a") else "/loop/a"})
            return article

    with tempfile.TemporaryDirectory() as tmp, SiteServer() as server:
        server.routes = Routes()
        path = Path(tmp) / "sources.yaml"
        path.write_text(
            f"fetch:\n  max_bytes: 200000000\n  deadline: 15\nsources:\n  - name: Notices\n    url: {server.base}/feed.xml\n"
            f"  - name: Loop\n    url: {server.base}/loop/a\n{_rule_sections()}",
            encoding="utf-8",
        )
        config = load_config(path)
        with Store(Path(tmp) / "bench.db") as store:
            t0 = time.perf_counter()
            summary = pipeline.poll(config, store)
            wall = time.perf_counter() - t0
            left = len(store.pending_entries("Notices"))
            reports = {r.source: r for r in summary.reports}
    loop = reports["Loop"]
    return {"items": n, "wall": wall, "new": reports["Notices"].new_items, "left": left, "loop": f"{loop.outcome} ({loop.error})", "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_in_child(n: int, shape: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(n), shape], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--small", type=int, default=5000, help="the same poll with fewer items, to compare the cost per item")
    parser.add_argument("--shape", choices=["distinct", "recurring", "both"], default="both")
    parser.add_argument("--full-text", action="store_true", help="a feed whose article pages are fetched, beside a redirect loop on its host")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        n, shape = int(args.child[0]), args.child[1]
        print(json.dumps(run_full_text_poll(n) if shape == "full-text" else run_poll(n, shape)))
        return 0
    if args.full_text:
        print("| items in the feed | poll | new items stored | left for the next polls | redirect loop on the same host | peak RSS |")
        print("|---|---|---|---|---|---|")
        for n in (args.small if args.small != parser.get_default("small") else 200, args.items):
            r = run_in_child(n, "full-text")
            print(f"| {n:,} | {r['wall']:.1f} s | {r['new']} | {r['left']:,} | {r['loop']} | {r['rss_mb']:.0f} MB |", flush=True)
        return 0
    shapes = ["distinct", "recurring"] if args.shape == "both" else [args.shape]
    print("| shape | items | first poll | per item | parse | analyse | store (items + facts + clusters) | vpn_registrations facts | it_exports_monthly facts | peak RSS |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for shape in shapes:
        for n in (args.small, args.items):
            r = run_in_child(n, shape)
            assert r["stored"] == r["new"] == n, r
            s = r["stages"]
            store = s.get("store items", 0) + s.get("store facts", 0) + s.get("store clusters", 0)
            print(
                f"| {shape} | {n:,} | {r['wall']:.1f} s | {r['wall'] / n * 1000:.2f} ms | {s.get('parse', 0):.1f} s | {s.get('analyse', 0):.1f} s "
                f"| {store:.1f} s ({s.get('store items', 0):.1f} + {s.get('store facts', 0):.1f} + {s.get('store clusters', 0):.1f}) "
                f"| {r['facts'].get('vpn_registrations', 0)} | {r['facts'].get('it_exports_monthly', 0)} | {r['rss_mb']:.0f} MB |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
